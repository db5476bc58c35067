package dev.connecttasks.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connecttasks.config.Priming;
import dev.connecttasks.config.Settings;
import dev.connecttasks.json.Json;
import dev.connecttasks.testing.Emulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The SnapStart priming of every function, run as Lambda runs it before a snapshot: in each function's
 * execution environment, before its first request, the CRaC hook runs the real request path once
 * against a key that does not exist; it answers as it must, fails nowhere, and writes nothing.
 */
class PrimingIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void everyFunctionPrimesItsRealRequestPathBeforeItsFirstRequestAndWritesNothing() throws Exception {
        LocalBackend backend = RunningBackend.get();
        for (String function : backend.environments().keySet()) {
            // any request starts an environment; what it answers is not the point here
            HTTP.send(HttpRequest.newBuilder(URI.create(backend.lambdaUrl() + "/2015-03-31/functions/" + function
                    + "/invocations")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.discarding());
        }

        Map<String, String> outcomes = new TreeMap<>();
        for (String line : RunningBackend.logLines()) {
            String logged = line.substring(line.indexOf(' ') + 1);
            assertTrue(!logged.contains("SnapStart priming request failed"), line);
            // the HTTP functions prime with request id snapstart-priming, the flow-runner with absent ids; the
            // reconciler does not prime (a priming run would start real tasks)
            if (logged.startsWith("{") && logged.contains("snapstart-priming")) {
                JsonNode entry = Json.MAPPER.readTree(logged);
                outcomes.put(line.substring(0, line.indexOf(' ')), entry.has("status")
                        ? entry.get("operation").asText() + " " + entry.get("status").asText() + " " + entry.path("errorType").asText()
                        : entry.get("operation").asText() + " " + entry.get("outcome").asText());
            }
        }
        assertEquals(Map.ofEntries(
                Map.entry("CreateContactFlowFunction", "CreateContactFlow 404 ResourceNotFoundException"),
                Map.entry("CreateInstanceFunction", "CreateInstance 400 InvalidRequestException"),
                Map.entry("DescribeContactFunction", "DescribeContact 404 ResourceNotFoundException"),
                Map.entry("DescribeContactFlowFunction", "DescribeContactFlow 404 ResourceNotFoundException"),
                Map.entry("DescribeInstanceFunction", "DescribeInstance 404 ResourceNotFoundException"),
                Map.entry("ListContactReferencesFunction", "ListContactReferences 404 ResourceNotFoundException"),
                Map.entry("FlowRunnerFunction", "StartFlow NO_SUCH_CONTACT"),
                Map.entry("StartTaskContactFunction", "StartTaskContact 404 ResourceNotFoundException"),
                Map.entry("UpdateContactFunction", "UpdateContact 404 ResourceNotFoundException"),
                Map.entry("StopContactFunction", "StopContact 404 ResourceNotFoundException"),
                Map.entry("TransferContactFunction", "TransferContact 404 ResourceNotFoundException"),
                Map.entry("UpdateContactAttributesFunction", "UpdateContactAttributes 404 ResourceNotFoundException"),
                Map.entry("GetContactAttributesFunction", "GetContactAttributes 404 ResourceNotFoundException"),
                Map.entry("TagContactFunction", "TagContact 404 ResourceNotFoundException"),
                Map.entry("UntagContactFunction", "UntagContact 404 ResourceNotFoundException"),
                Map.entry("UpdateContactScheduleFunction", "UpdateContactSchedule 404 ResourceNotFoundException"),
                Map.entry("SearchContactsFunction", "SearchContacts 404 ResourceNotFoundException"),
                Map.entry("CreateQueueFunction", "CreateQueue 404 ResourceNotFoundException"),
                Map.entry("DescribeQueueFunction", "DescribeQueue 404 ResourceNotFoundException"),
                Map.entry("ListQueuesFunction", "ListQueues 404 ResourceNotFoundException"),
                Map.entry("ListContactFlowsFunction", "ListContactFlows 404 ResourceNotFoundException"),
                // it only reads: the first page of the instances
                Map.entry("ListInstancesFunction", "ListInstances 200 "),
                Map.entry("CreateTaskTemplateFunction", "CreateTaskTemplate 404 ResourceNotFoundException"),
                Map.entry("GetTaskTemplateFunction", "GetTaskTemplate 404 ResourceNotFoundException"),
                Map.entry("UpdateTaskTemplateFunction", "UpdateTaskTemplate 404 ResourceNotFoundException"),
                Map.entry("ListTaskTemplatesFunction", "ListTaskTemplates 200 "),
                Map.entry("DeleteTaskTemplateFunction", "DeleteTaskTemplate 404 ResourceNotFoundException")), outcomes);

        Settings settings = LocalNames.fromEnvironment().settings();
        String table = settings.tableName();
        long absentItems = Emulator.dynamo().scanPaginator(scan -> scan.tableName(table)).items().stream()
                .filter(item -> item.toString().contains(Priming.ABSENT)).count();
        assertEquals(0, absentItems);
        long absentSchedules = Emulator.scheduler().listSchedulesPaginator(list -> list.groupName(settings.scheduleGroup()))
                .schedules().stream()
                .map(schedule -> Emulator.scheduler().getSchedule(get -> get.groupName(schedule.groupName()).name(schedule.name())))
                .filter(schedule -> schedule.target().input() != null && schedule.target().input().contains(Priming.ABSENT))
                .count();
        assertEquals(0, absentSchedules);
    }
}
