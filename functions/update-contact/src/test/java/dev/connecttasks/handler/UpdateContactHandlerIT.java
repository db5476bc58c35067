package dev.connecttasks.handler;

import static dev.connecttasks.testing.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.Reference;
import dev.connecttasks.contact.ReferenceType;
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
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

class UpdateContactHandlerIT {
    private static final String INSTANCE = DemoInstance.INSTANCE_ID;
    private static final String FLOW = DemoInstance.FLOW_ID;
    private static TestBackend backend;
    private static UpdateContactHandler handler;

    @BeforeAll
    static void wire() {
        backend = TestBackend.create();
        handler = new UpdateContactHandler(backend.updateContact());
    }

    private static String start() {
        return backend.startTaskContact().start(new TaskRequest(INSTANCE, FLOW, "Call back", "Order 42",
                Map.of(), Map.of("Order", new Reference(ReferenceType.URL, "https://crm.example.com/orders/42")),
                null, null, null, null));
    }

    private static APIGatewayV2HTTPResponse update(String instanceId, String contactId, String body) {
        APIGatewayV2HTTPEvent event = ApiEvents.request("POST", "/contacts/{InstanceId}/{ContactId}")
                .path("InstanceId", instanceId).path("ContactId", contactId).body(body).build();
        return handler.handleRequest(event, new TestContext());
    }

    private static Contact stored(String contactId) {
        return backend.table.find(new ContactKey(INSTANCE, contactId), Instant.now()).orElseThrow();
    }

    @Test
    void theSampleEventRenamesAndAddsAReference() {
        String contactId = start();
        APIGatewayV2HTTPEvent event = ApiEvents.load("update-contact.json");
        event.getPathParameters().put("ContactId", contactId);
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new TestContext());
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("{}", response.getBody());
        Contact contact = stored(contactId);
        assertEquals("Call back customer today", contact.name());
        assertEquals("Order 42", contact.description());
        assertEquals(Map.of(
                "Order", new Reference(ReferenceType.URL, "https://crm.example.com/orders/42"),
                "Invoice", new Reference(ReferenceType.URL, "https://crm.example.com/invoices/7")), contact.references());
    }

    @Test
    void replacingAReferenceKeepsTheOthersAndCostsAtMostTwoWrites() {
        String contactId = start();
        backend.calls.clear();
        APIGatewayV2HTTPResponse added = update(INSTANCE, contactId,
                "{\"References\":{\"Amount\":{\"Type\":\"NUMBER\",\"Value\":\"19.99\"}}}");
        assertEquals(200, added.getStatusCode(), added.getBody());
        assertEquals(List.of("UpdateItem"), backend.calls.operations());
        backend.calls.clear();
        APIGatewayV2HTTPResponse replaced = update(INSTANCE, contactId,
                "{\"Description\":\"\",\"References\":{\"Order\":{\"Type\":\"URL\",\"Value\":\"https://crm.example.com/orders/43\"}}}");
        assertEquals(200, replaced.getStatusCode(), replaced.getBody());
        assertEquals(List.of("UpdateItem", "UpdateItem"), backend.calls.operations());
        Contact contact = stored(contactId);
        assertEquals("", contact.description());
        assertEquals(Map.of(
                "Order", new Reference(ReferenceType.URL, "https://crm.example.com/orders/43"),
                "Amount", new Reference(ReferenceType.NUMBER, "19.99")), contact.references());
    }

    @Test
    void anUpdateWithNothingToUpdateIsAnInvalidRequest() {
        String contactId = start();
        assertError(update(INSTANCE, contactId, "{}"), 400, "InvalidRequestException", "At least one of");
        assertError(update(INSTANCE, contactId, "{\"References\":{}}"), 400, "InvalidRequestException", "At least one of");
        assertError(update(INSTANCE, contactId, "{\"Name\":42}"), 400, "InvalidRequestException", "Name must be a string");
    }

    @Test
    void brokenRulesAreInvalidParametersAndWriteNothing() {
        String contactId = start();
        Contact before = stored(contactId);
        assertError(update(INSTANCE, contactId, "{\"Name\":\"ok\",\"References\":{\"Big\":{\"Type\":\"STRING\",\"Value\":\""
                + "x".repeat(4060) + "\"}}}"), 400, "InvalidParameterException", "4096");
        assertError(update(INSTANCE, contactId,
                "{\"References\":{\"File\":{\"Type\":\"ATTACHMENT\",\"Value\":\"s3://b/k\"}}}"), 400,
                "InvalidParameterException", "ATTACHMENT");
        assertError(update(INSTANCE, contactId,
                "{\"References\":{\"Site\":{\"Type\":\"URL\",\"Value\":\"javascript:alert(1)\"}}}"), 400,
                "InvalidParameterException", "http or https URL");
        assertEquals(before, stored(contactId));
    }

    @Test
    void aPersistentThrottleIsAThrottlingException() {
        String contactId = start();
        backend.calls.fail("UpdateItem", 100, () -> ProvisionedThroughputExceededException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build()).build());
        try {
            assertError(update(INSTANCE, contactId, "{\"Name\":\"x\"}"), 429, "ThrottlingException", "retry");
        } finally {
            backend.calls.clear();
        }
        assertEquals("Call back", stored(contactId).name());
    }
}
