package dev.connecttasks.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connecttasks.config.Priming;
import dev.connecttasks.http.Json;
import dev.connecttasks.http.PrimingEvents;
import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.Emulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The SnapStart priming of every function, run as Lambda runs it before a snapshot: each function's
 * real request path runs once against a key that does not exist, answers as it must, and writes nothing.
 */
class PrimingIT {

    @Test
    void everyFunctionPrimesItsRealRequestPathAndWritesNothing() throws Exception {
        RunningBackend.get();
        SamTemplate template = SamTemplate.read(ApiEvents.repositoryRoot().resolve("template.yaml"));
        List<Object> handlers = new ArrayList<>();
        for (String handlerClass : template.handlers().values()) {
            handlers.add(Class.forName(handlerClass).getConstructor().newInstance());
        }
        PrintStream standardOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Priming.primeNow();
        } finally {
            System.setOut(standardOut);
        }
        Map<String, String> outcomes = new TreeMap<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode logged = Json.MAPPER.readTree(line);
            outcomes.put(logged.get("operation").asText(), logged.has("status")
                    ? logged.get("status").asText() + " " + logged.path("errorType").asText()
                    : logged.get("outcome").asText());
        }
        assertEquals(Map.of(
                "CreateContactFlow", "404 ResourceNotFoundException",
                "CreateInstance", "400 InvalidRequestException",
                "DescribeContact", "404 ResourceNotFoundException",
                "DescribeContactFlow", "404 ResourceNotFoundException",
                "DescribeInstance", "404 ResourceNotFoundException",
                "ListContactReferences", "404 ResourceNotFoundException",
                "RunFlow", "NO_SUCH_CONTACT",
                "StartTaskContact", "404 ResourceNotFoundException",
                "UpdateContact", "404 ResourceNotFoundException",
                "UpdateContactSchedule", "404 ResourceNotFoundException"), outcomes);
        String table = System.getenv("TABLE_NAME");
        long absentItems = Emulator.dynamo().scanPaginator(scan -> scan.tableName(table)).items().stream()
                .filter(item -> item.toString().contains(PrimingEvents.ABSENT)).count();
        assertEquals(0, absentItems);
        long absentSchedules = Emulator.scheduler().listSchedulesPaginator(list -> list.groupName(System.getenv("SCHEDULE_GROUP")))
                .schedules().stream().filter(schedule -> schedule.name().contains("snapstart")).count();
        assertEquals(0, absentSchedules);
    }
}
