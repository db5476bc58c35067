package dev.connecttasks.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.connecttasks.handler.DescribeContactHandler;
import dev.connecttasks.handler.FlowRunnerHandler;
import dev.connecttasks.handler.ListContactReferencesHandler;
import dev.connecttasks.handler.StartTaskContactHandler;
import dev.connecttasks.handler.UpdateContactHandler;
import dev.connecttasks.handler.UpdateContactScheduleHandler;
import dev.connecttasks.http.HttpFunction;
import dev.connecttasks.json.Json;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.TestBackend;
import dev.connecttasks.testing.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the functions log, captured: never an attribute value, a name, a description or a reference
 * value, on success or on failure, including the flow-runner's run of a flow that copies them around.
 */
class LogsIT {
    private static final String INSTANCE = DemoInstance.INSTANCE_ID;
    private static final String[] SECRETS = {"Jane-Doe-name", "refund-description", "card-4111-attribute",
            "https://secret.example.com/reference"};

    private final List<String> lines = new ArrayList<>();

    private APIGatewayV2HTTPResponse call(HttpFunction handler,
            APIGatewayV2HTTPEvent event) {
        TestContext context = new TestContext();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, context);
        lines.addAll(context.logLines());
        return response;
    }

    private static String task(String instanceId, String extra) {
        return "{\"InstanceId\":\"" + instanceId + "\",\"ContactFlowId\":\"" + DemoInstance.FLOW_ID
                + "\",\"Name\":\"" + SECRETS[0] + "\",\"Description\":\"" + SECRETS[1] + "\",\"Attributes\":{\"card\":\""
                + SECRETS[2] + "\"},\"References\":{\"Order\":{\"Type\":\"URL\",\"Value\":\"" + SECRETS[3] + "\"}}" + extra + "}";
    }

    @Test
    void noLogLineCarriesCustomerData() throws Exception {
        TestBackend backend = TestBackend.create();
        StartTaskContactHandler start = new StartTaskContactHandler(backend.startTaskContact());
        APIGatewayV2HTTPResponse started = call(start, ApiEvents.request("PUT", "/contact/task").body(task(INSTANCE, "")).build());
        String contactId = Json.MAPPER.readTree(started.getBody()).get("ContactId").asText();
        // failures that echo the data back in their message: to the caller, never to the log
        call(start, ApiEvents.request("PUT", "/contact/task").body(task("no-such-instance", "")).build());
        call(start, ApiEvents.request("PUT", "/contact/task").body(task(INSTANCE, ",\"ScheduledTime\":1")).build());
        call(start, ApiEvents.request("PUT", "/contact/task").body("{\"Name\":\"" + SECRETS[0] + "\"").build());

        ByteArrayOutputStream output = new ByteArrayOutputStream();
        TestContext runnerContext = new TestContext();
        new FlowRunnerHandler(backend.runFlow(), backend.expireContact()).handleRequest(new ByteArrayInputStream(
                backend.streamedStarts().get(0).getBytes(StandardCharsets.UTF_8)), output, runnerContext);
        lines.addAll(runnerContext.logLines());

        APIGatewayV2HTTPEvent describe = ApiEvents.request("GET", "/contacts/{InstanceId}/{ContactId}")
                .path("InstanceId", INSTANCE).path("ContactId", contactId).build();
        assertTrue(call(new DescribeContactHandler(backend.describeContact(), backend.arns), describe).getBody()
                .contains(SECRETS[2]));
        call(new ListContactReferencesHandler(backend.listContactReferences()), ApiEvents.request("GET",
                "/contact/references/{InstanceId}/{ContactId}").path("InstanceId", INSTANCE).path("ContactId", contactId)
                .query("referenceTypes", "URL").build());
        UpdateContactHandler update = new UpdateContactHandler(backend.updateContact());
        call(update, ApiEvents.request("POST", "/contacts/{InstanceId}/{ContactId}").path("InstanceId", INSTANCE)
                .path("ContactId", contactId).body("{\"Description\":\"" + SECRETS[1] + "\"}").build());
        call(update, ApiEvents.request("POST", "/contacts/{InstanceId}/{ContactId}").path("InstanceId", INSTANCE)
                .path("ContactId", contactId).body("{\"References\":{\"x\":{\"Type\":\"URL\",\"Value\":\"" + SECRETS[1]
                        + "\"}}}").build());
        call(new UpdateContactScheduleHandler(backend.updateContactSchedule()), ApiEvents.request("POST", "/contact/schedule")
                .body("{\"InstanceId\":\"" + INSTANCE + "\",\"ContactId\":\"" + SECRETS[0] + "\",\"ScheduledTime\":"
                        + (Instant.now().getEpochSecond() + 600) + "}").build());

        assertEquals(10, lines.size(), lines.toString());
        for (String line : lines) {
            for (String secret : SECRETS) {
                assertTrue(!line.contains(secret), "logged " + secret + ": " + line);
            }
        }
    }
}
