package dev.connecttasks.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.Reference;
import dev.connecttasks.contact.ReferenceType;
import dev.connecttasks.contact.ScheduleChange;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.json.Json;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.operation.UpdateContactSchedule;
import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.TestBackend;
import dev.connecttasks.testing.TestContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

class DescribeContactHandlerIT {
    private static final String INSTANCE = DemoInstance.INSTANCE_ID;
    private static final String FLOW = DemoInstance.FLOW_ID;
    private static TestBackend backend;
    private static DescribeContactHandler handler;

    @BeforeAll
    static void wire() {
        backend = TestBackend.create();
        handler = new DescribeContactHandler(backend.describeContact(), backend.arns);
    }

    private static APIGatewayV2HTTPResponse describe(String instanceId, String contactId) {
        return handler.handleRequest(ApiEvents.request("GET", "/contacts/{InstanceId}/{ContactId}")
                .path("InstanceId", instanceId).path("ContactId", contactId).build(), new TestContext());
    }

    private static String start(TaskRequest task) {
        return backend.startTaskContact().start(task);
    }

    private static TaskRequest task(String previousContactId, Instant scheduledTime) {
        return new TaskRequest(INSTANCE, FLOW, "Call back customer", "Re: order 42", Map.of("orderId", "42"),
                Map.of("Order", new Reference(ReferenceType.URL, "https://crm.example.com/orders/42")),
                previousContactId, null, null, scheduledTime);
    }

    private static void assertNotFound(APIGatewayV2HTTPResponse response) {
        assertEquals(404, response.getStatusCode(), response.getBody());
        assertEquals("ResourceNotFoundException", response.getHeaders().get("X-Amzn-ErrorType"));
    }

    @Test
    void describesAScheduledTaskWithEveryMember() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String first = start(task(null, null));
        Instant at = before.plus(Duration.ofHours(3)).plusMillis(7);
        String contactId = start(task(first, at));
        APIGatewayV2HTTPResponse response = describe(INSTANCE, contactId);
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode contact = Json.MAPPER.readTree(response.getBody()).get("Contact");
        assertEquals("arn:aws:connect:us-east-1:000000000000:instance/" + INSTANCE + "/contact/" + contactId,
                contact.get("Arn").asText());
        assertEquals(contactId, contact.get("Id").asText());
        assertEquals(first, contact.get("InitialContactId").asText());
        assertEquals(first, contact.get("PreviousContactId").asText());
        assertEquals("API", contact.get("InitiationMethod").asText());
        assertEquals("TASK", contact.get("Channel").asText());
        assertEquals("Call back customer", contact.get("Name").asText());
        assertEquals("Re: order 42", contact.get("Description").asText());
        assertEquals("42", contact.get("Attributes").get("orderId").asText());
        assertEquals(Json.epochSeconds(at), contact.get("ScheduledTimestamp").decimalValue());
        BigDecimal initiated = contact.get("InitiationTimestamp").decimalValue();
        assertTrue(initiated.compareTo(Json.epochSeconds(before)) >= 0);
        assertEquals(initiated, contact.get("LastUpdateTimestamp").decimalValue());
        assertFalse(contact.has("QueueInfo"));
        assertFalse(contact.has("DisconnectTimestamp"));
        assertFalse(contact.has("References"));
    }

    @Test
    void lastUpdateTimestampMovesWithEveryWrite() throws Exception {
        Instant at = Instant.now().plus(Duration.ofHours(1));
        String contactId = start(task(null, at));
        JsonNode before = Json.MAPPER.readTree(describe(INSTANCE, contactId).getBody()).get("Contact");
        // the reschedule happens a second later than the start, by its clock
        new UpdateContactSchedule(backend.table, backend.schedules, Clock.offset(Clock.systemUTC(), Duration.ofSeconds(1)))
                .reschedule(new ScheduleChange(new ContactKey(INSTANCE, contactId), at.plusSeconds(60)));
        JsonNode after = Json.MAPPER.readTree(describe(INSTANCE, contactId).getBody()).get("Contact");
        assertTrue(after.get("LastUpdateTimestamp").decimalValue().compareTo(before.get("LastUpdateTimestamp").decimalValue()) > 0);
        assertEquals(before.get("InitiationTimestamp"), after.get("InitiationTimestamp"));
    }

    @Test
    void theSampleEventDescribesItsContactOnceItExists() throws Exception {
        APIGatewayV2HTTPEvent event = ApiEvents.load("describe-contact.json");
        assertNotFound(handler.handleRequest(event, new TestContext()));
    }

    @Test
    void unknownContactsAndOtherInstancesAreNotFound() {
        String contactId = start(task(null, null));
        assertNotFound(describe(INSTANCE, "no-such-contact"));
        assertNotFound(describe("another-instance", contactId));
    }

    @Test
    void oversizedIdsAreInvalidParameters() {
        APIGatewayV2HTTPResponse response = describe(INSTANCE, "c".repeat(257));
        assertEquals(400, response.getStatusCode());
        assertEquals("InvalidParameterException", response.getHeaders().get("X-Amzn-ErrorType"));
        assertTrue(response.getBody().contains("ContactId"));
    }

    @Test
    void aPersistentDynamoDbThrottleIsAThrottlingException() {
        backend.calls.fail("GetItem", 100, () -> ProvisionedThroughputExceededException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build())
                .statusCode(400).build());
        try {
            APIGatewayV2HTTPResponse response = describe(INSTANCE, "any");
            assertEquals(429, response.getStatusCode());
            assertEquals("ThrottlingException", response.getHeaders().get("X-Amzn-ErrorType"));
            assertTrue(backend.calls.operations().stream().filter("GetItem"::equals).count() >= 1);
        } finally {
            backend.calls.clear();
        }
        assertEquals(List.of(), backend.calls.operations());
    }
}
