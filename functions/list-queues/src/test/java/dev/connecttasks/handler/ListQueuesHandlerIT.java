package dev.connecttasks.handler;

import static dev.connecttasks.testing.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.connecttasks.json.Json;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.TestBackend;
import dev.connecttasks.testing.TestContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ListQueuesHandlerIT {
    private static final String INSTANCE = DemoInstance.INSTANCE_ID;
    private static TestBackend backend;
    private static ListQueuesHandler handler;

    @BeforeAll
    static void wire() {
        backend = TestBackend.create();
        handler = new ListQueuesHandler(backend.listQueues(), backend.arns);
    }

    private static ApiEvents.Builder list(String instanceId) {
        return ApiEvents.request("GET", "/queues-summary/{InstanceId}").path("InstanceId", instanceId);
    }

    private static APIGatewayV2HTTPResponse send(ApiEvents.Builder request) {
        return handler.handleRequest(request.build(), new TestContext());
    }

    @Test
    void theSampleEventListsTheDemoQueuesInConnectsShape() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(ApiEvents.load("list-queues.json"), new TestContext());
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode body = Json.MAPPER.readTree(response.getBody());
        assertFalse(body.has("NextToken"));
        List<String> names = new ArrayList<>();
        for (JsonNode queue : body.get("QueueSummaryList")) {
            names.add(queue.get("Name").asText());
            assertEquals(backend.arns.queue(INSTANCE, queue.get("Id").asText()), queue.get("Arn").asText());
            assertEquals("STANDARD", queue.get("QueueType").asText());
            assertTrue(queue.get("LastModifiedTime").isNumber());
            assertEquals("us-east-1", queue.get("LastModifiedRegion").asText());
        }
        assertEquals(List.of("BasicQueue", "Billing", "Escalations", "Support"), names.stream().sorted().toList());
    }

    @Test
    void pagesFollowTheNextToken() throws Exception {
        List<String> ids = new ArrayList<>();
        String token = null;
        do {
            ApiEvents.Builder request = list(INSTANCE).query("maxResults", "3");
            if (token != null) {
                request.query("nextToken", token);
            }
            JsonNode body = Json.MAPPER.readTree(send(request).getBody());
            body.get("QueueSummaryList").forEach(queue -> ids.add(queue.get("Id").asText()));
            token = body.path("NextToken").asText(null);
        } while (token != null);
        assertEquals(4, ids.size());
        assertEquals(ids.stream().sorted().toList(), ids);
    }

    @Test
    void badQueriesAreRefusedNamingTheParameter() {
        assertError(send(list(INSTANCE).query("maxResults", "0")), 400, "InvalidParameterException", "maxResults must be between 1 and 1000");
        assertError(send(list(INSTANCE).query("maxResults", "ten")), 400, "InvalidRequestException", "maxResults must be an integer");
        assertError(send(list(INSTANCE).query("queueTypes", "VIP")), 400, "InvalidRequestException", "queueTypes must be one of");
        assertError(send(list(INSTANCE).query("queueTypes", "STANDARD", "AGENT", "AGENT")), 400, "InvalidParameterException",
                "queueTypes must have at most 2 values");
        assertError(send(list(INSTANCE).query("nextToken", "forged")), 400, "InvalidParameterException", "nextToken is not valid");
        assertError(send(list("no-such-instance")), 404, "ResourceNotFoundException", "Instance no-such-instance was not found.");
    }
}
