package dev.connecttasks.handler;

import static dev.connecttasks.testing.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.TagChange;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.TestBackend;
import dev.connecttasks.testing.TestContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UntagContactHandlerIT {
    private static final String INSTANCE = DemoInstance.INSTANCE_ID;
    private static TestBackend backend;
    private static UntagContactHandler handler;

    @BeforeAll
    static void wire() {
        backend = TestBackend.create();
        handler = new UntagContactHandler(backend.untagContact());
    }

    private static ContactKey tagged() {
        ContactKey key = new ContactKey(INSTANCE, backend.startTaskContact().start(new TaskRequest(INSTANCE,
                DemoInstance.FLOW_ID, "Call back", null, Map.of(), Map.of(), null, null, null, null)));
        backend.tagContact().tag(new TagChange(key, Map.of("team", "billing", "priority", "high"), null));
        return key;
    }

    @Test
    void theSampleEventRemovesItsKeyInOneWrite() {
        ContactKey key = tagged();
        APIGatewayV2HTTPEvent event = ApiEvents.load("untag-contact.json");
        event.getPathParameters().put("ContactId", key.contactId());
        backend.calls.clear();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new TestContext());
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals(List.of("UpdateItem"), backend.calls.operations());
        assertEquals(Map.of("team", "billing"), backend.table.find(key, Instant.now()).orElseThrow().tags());
    }

    @Test
    void missingKeysAndUnknownContactsAreRefused() {
        ContactKey key = tagged();
        assertError(handler.handleRequest(ApiEvents.request("DELETE", "/contact/tags/{InstanceId}/{ContactId}")
                .path("InstanceId", INSTANCE).path("ContactId", key.contactId()).build(), new TestContext()), 400,
                "InvalidRequestException", "TagKeys is required");
        assertError(handler.handleRequest(ApiEvents.request("DELETE", "/contact/tags/{InstanceId}/{ContactId}")
                .path("InstanceId", INSTANCE).path("ContactId", "nope").query("TagKeys", "team").build(), new TestContext()),
                404, "ResourceNotFoundException", "nope");
    }
}
