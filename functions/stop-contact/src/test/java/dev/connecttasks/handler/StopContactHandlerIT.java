package dev.connecttasks.handler;

import static dev.connecttasks.testing.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.TestBackend;
import dev.connecttasks.testing.TestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StopContactHandlerIT {
    private static final String INSTANCE = DemoInstance.INSTANCE_ID;
    private static TestBackend backend;
    private static StopContactHandler handler;

    @BeforeAll
    static void wire() {
        backend = TestBackend.create();
        handler = new StopContactHandler(backend.stopContact());
    }

    private static String start(Instant scheduledTime) {
        return backend.startTaskContact().start(new TaskRequest(INSTANCE, DemoInstance.FLOW_ID, "Call back", null,
                Map.of(), Map.of(), null, null, null, scheduledTime));
    }

    private static APIGatewayV2HTTPResponse stop(String contactId) {
        return handler.handleRequest(ApiEvents.request("POST", "/contact/stop")
                .body("{\"InstanceId\":\"" + INSTANCE + "\",\"ContactId\":\"" + contactId + "\"}").build(), new TestContext());
    }

    @Test
    void theSampleEventCancelsAScheduledTaskAndDeletesItsSchedule() {
        String contactId = start(Instant.now().plus(Duration.ofHours(1)));
        assertEquals(1, backend.scheduleNames().size());
        APIGatewayV2HTTPEvent event = ApiEvents.load("stop-contact.json");
        event.setBody(event.getBody().replace("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", contactId));
        backend.calls.clear();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new TestContext());
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals(List.of("UpdateItem", "DeleteSchedule"), backend.calls.operations());
        assertEquals(List.of(), backend.scheduleNames());
        assertEquals("API", backend.table.find(new ContactKey(INSTANCE, contactId), Instant.now()).orElseThrow()
                .disconnectReason());
    }

    @Test
    void aTaskStartedNowIsStoppedInOneWriteAndTwiceIsGone() {
        String contactId = start(null);
        backend.calls.clear();
        assertEquals(200, stop(contactId).getStatusCode());
        assertEquals(List.of("UpdateItem"), backend.calls.operations());
        assertError(stop(contactId), 410, "ContactNotFoundException", "already ended");
        assertError(stop("nope"), 404, "ResourceNotFoundException", "nope");
        assertError(handler.handleRequest(ApiEvents.request("POST", "/contact/stop").body("{\"InstanceId\":\"" + INSTANCE
                + "\",\"ContactId\":\"" + start(null) + "\",\"DisconnectReason\":{\"Code\":\"x\"}}").build(), new TestContext()),
                400, "InvalidRequestException", "DisconnectReason");
    }
}
