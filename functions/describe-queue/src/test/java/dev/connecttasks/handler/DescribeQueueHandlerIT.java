package dev.connecttasks.handler;

import static dev.connecttasks.testing.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.connecttasks.instance.QueueRequest;
import dev.connecttasks.json.Json;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.TestBackend;
import dev.connecttasks.testing.TestContext;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DescribeQueueHandlerIT {
    private static final String INSTANCE = DemoInstance.INSTANCE_ID;
    private static TestBackend backend;
    private static DescribeQueueHandler handler;

    @BeforeAll
    static void wire() {
        backend = TestBackend.create();
        handler = new DescribeQueueHandler(backend.describeQueue(), backend.arns);
    }

    private static APIGatewayV2HTTPResponse describe(String instanceId, String queueId) {
        return handler.handleRequest(ApiEvents.request("GET", "/queues/{InstanceId}/{QueueId}").path("InstanceId", instanceId)
                .path("QueueId", queueId).build(), new TestContext());
    }

    @Test
    void aQueueIsDescribedInConnectsShape() throws Exception {
        String id = backend.createQueue().create(new QueueRequest(INSTANCE, "Described", "Every member", "hours-3", 7,
                Map.of("team", "a"), null));
        APIGatewayV2HTTPResponse response = describe(INSTANCE, id);
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode queue = Json.MAPPER.readTree(response.getBody()).get("Queue");
        assertEquals("Described", queue.get("Name").asText());
        assertEquals(backend.arns.queue(INSTANCE, id), queue.get("QueueArn").asText());
        assertEquals(id, queue.get("QueueId").asText());
        assertEquals("Every member", queue.get("Description").asText());
        assertEquals("hours-3", queue.get("HoursOfOperationId").asText());
        assertEquals(7, queue.get("MaxContacts").asInt());
        assertEquals("ENABLED", queue.get("Status").asText());
        assertEquals("a", queue.get("Tags").get("team").asText());
        assertTrue(queue.get("LastModifiedTime").isNumber());
        assertEquals("us-east-1", queue.get("LastModifiedRegion").asText());
    }

    @Test
    void theSampleEventDescribesTheDemoFlowsQueue() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(ApiEvents.load("describe-queue.json"), new TestContext());
        JsonNode queue = Json.MAPPER.readTree(response.getBody()).get("Queue");
        assertEquals("Support", queue.get("Name").asText());
        assertFalse(queue.has("MaxContacts"));
        assertFalse(queue.has("Tags"));
    }

    @Test
    void anUnknownQueueIsNotFound() {
        assertError(describe(INSTANCE, "no-such-queue"), 404, "ResourceNotFoundException", "QueueId no-such-queue was not found");
        assertError(describe("other-instance", DemoInstance.SUPPORT_QUEUE_ID), 404, "ResourceNotFoundException", "QueueId support");
        assertError(describe(INSTANCE, "q".repeat(501)), 400, "InvalidParameterException", "QueueId");
    }
}
