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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TagContactHandlerIT {
    private static final String INSTANCE = DemoInstance.INSTANCE_ID;
    private static TestBackend backend;
    private static TagContactHandler handler;

    @BeforeAll
    static void wire() {
        backend = TestBackend.create();
        handler = new TagContactHandler(backend.tagContact());
    }

    private static String start() {
        return backend.startTaskContact().start(new TaskRequest(INSTANCE, DemoInstance.FLOW_ID, "Call back", null,
                Map.of(), Map.of(), null, null, null, null));
    }

    private static APIGatewayV2HTTPResponse send(String body) {
        return handler.handleRequest(ApiEvents.request("POST", "/contact/tags").body(body).build(), new TestContext());
    }

    @Test
    void theSampleEventTagsItsContactInOneWrite() {
        String contactId = start();
        APIGatewayV2HTTPEvent event = ApiEvents.load("tag-contact.json");
        event.setBody(event.getBody().replace("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", contactId));
        backend.calls.clear();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new TestContext());
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("{}", response.getBody());
        assertEquals(List.of("UpdateItem"), backend.calls.operations());
        assertEquals(Map.of("team", "billing", "priority", "high"),
                backend.table.find(new ContactKey(INSTANCE, contactId), Instant.now()).orElseThrow().tags());
    }

    @Test
    void malformedRequestsAndBrokenRulesAreRefused() {
        String contactId = start();
        assertError(send("{\"InstanceId\":\"" + INSTANCE + "\",\"ContactId\":\"" + contactId + "\"}"), 400,
                "InvalidRequestException", "Tags is required");
        assertError(send("{\"InstanceId\":\"" + INSTANCE + "\",\"ContactId\":\"" + contactId + "\",\"Tags\":{\"a\":1}}"),
                400, "InvalidRequestException", "Tags values must be strings");
        assertError(send("{\"InstanceId\":\"" + INSTANCE + "\",\"ContactId\":\"" + contactId
                + "\",\"Tags\":{\"aws:x\":\"1\"}}"), 400, "InvalidParameterException", "aws:");
        assertError(send("{\"InstanceId\":\"" + INSTANCE + "\",\"ContactId\":\"nope\",\"Tags\":{\"a\":\"1\"}}"), 404,
                "ResourceNotFoundException", "nope");
    }
}
