package dev.connecttasks.handler;

import static dev.connecttasks.testing.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.connecttasks.instance.Queue;
import dev.connecttasks.json.Json;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.TestBackend;
import dev.connecttasks.testing.TestContext;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CreateQueueHandlerIT {
    private static final String INSTANCE = DemoInstance.INSTANCE_ID;
    private static TestBackend backend;
    private static CreateQueueHandler handler;

    @BeforeAll
    static void wire() {
        backend = TestBackend.create();
        handler = new CreateQueueHandler(backend.createQueue(), backend.arns);
    }

    private static APIGatewayV2HTTPResponse create(String instanceId, String body) {
        return handler.handleRequest(ApiEvents.request("PUT", "/queues/{InstanceId}").path("InstanceId", instanceId)
                .body(body).build(), new TestContext());
    }

    @Test
    void theSampleEventCreatesTheQueueOnceAndItsNameIsThenTaken() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(ApiEvents.load("create-queue.json"), new TestContext());
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode created = Json.MAPPER.readTree(response.getBody());
        String id = created.get("QueueId").asText();
        assertEquals(backend.arns.queue(INSTANCE, id), created.get("QueueArn").asText());
        Queue queue = backend.instances.findQueue(INSTANCE, id).orElseThrow();
        assertEquals("Returns", queue.name());
        assertEquals("Tasks about returned orders", queue.description());
        assertEquals(50, queue.maxContacts());
        assertEquals(Map.of("team", "returns"), queue.tags());
        assertError(handler.handleRequest(ApiEvents.load("create-queue.json"), new TestContext()), 409,
                "DuplicateResourceException", "A queue named Returns already exists");
    }

    @Test
    void badMembersAreRefusedNamingTheMember() {
        assertError(create(INSTANCE, "{\"HoursOfOperationId\":\"h\"}"), 400, "InvalidRequestException", "Name is required.");
        assertError(create(INSTANCE, "{\"Name\":\"n\"}"), 400, "InvalidRequestException", "HoursOfOperationId is required.");
        assertError(create(INSTANCE, "{\"Name\":\"n\",\"HoursOfOperationId\":\"h\",\"MaxContacts\":\"5\"}"), 400,
                "InvalidRequestException", "MaxContacts must be an integer.");
        assertError(create(INSTANCE, "{\"Name\":\"n\",\"HoursOfOperationId\":\"h\",\"MaxContacts\":1e10}"), 400,
                "InvalidRequestException", "MaxContacts must be an integer.");
        assertError(create(INSTANCE, "{\"Name\":\"n\",\"HoursOfOperationId\":\"h\",\"MaxContacts\":3000000000}"), 400,
                "InvalidParameterException", "MaxContacts");
        assertError(create(INSTANCE, "{\"Name\":\"n\",\"HoursOfOperationId\":\"h\",\"MaxContacts\":-1}"), 400,
                "InvalidParameterException", "MaxContacts must be at least 0.");
        assertError(create(INSTANCE, "{\"Name\":\"n\",\"HoursOfOperationId\":\"h\",\"OutboundCallerConfig\":{}}"), 400,
                "InvalidParameterException", "OutboundCallerConfig is not supported");
        assertError(create("no-such-instance", "{\"Name\":\"n\",\"HoursOfOperationId\":\"h\"}"), 404,
                "ResourceNotFoundException", "Instance no-such-instance was not found.");
    }
}
