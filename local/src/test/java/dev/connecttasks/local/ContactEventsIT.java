package dev.connecttasks.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connecttasks.json.Json;
import dev.connecttasks.offline.DemoInstance;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The contact events, as an integrator receives them: an EventBridge rule on the default bus (in the
 * emulator) routes every event of our source to an SQS queue, which the test reads.
 */
class ContactEventsIT {
    private static final String INSTANCE = DemoInstance.INSTANCE_ID;
    private static final String FLOW = DemoInstance.FLOW_ID;
    private static final String INSTANCE_ARN = "arn:aws:connect:us-east-1:000000000000:instance/" + INSTANCE;
    private static ConnectClient connect;
    private static EventBridgeClient events;
    private static SqsClient sqs;
    private static String queueUrl;
    private static String rule;
    private static final List<JsonNode> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void routeEventsToAQueue() throws Exception {
        connect = RunningBackend.connectClient();
        URI endpoint = URI.create(System.getenv("AWS_ENDPOINT_URL"));
        events = EventBridgeClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create()).build();
        sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create()).build();
        String queue = "contact-events-" + UUID.randomUUID();
        queueUrl = sqs.createQueue(create -> create.queueName(queue)).queueUrl();
        String queueArn = sqs.getQueueAttributes(get -> get.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        rule = "contact-events-" + UUID.randomUUID();
        events.putRule(put -> put.name(rule).eventPattern(
                "{\"source\":[\"connect-tasks\"],\"detail-type\":[\"Amazon Connect Contact Event\"]}"));
        events.putTargets(put -> put.rule(rule).targets(target -> target.id("queue").arn(queueArn)));
    }

    @AfterAll
    static void removeRule() {
        events.removeTargets(remove -> remove.rule(rule).ids("queue"));
        events.deleteRule(delete -> delete.name(rule));
    }

    /** The events received so far for one contact, in the order of their timestamps. */
    private static List<JsonNode> eventsOf(String contactId) {
        for (Message message : sqs.receiveMessage(receive -> receive.queueUrl(queueUrl).maxNumberOfMessages(10)).messages()) {
            try {
                received.add(Json.MAPPER.readTree(message.body()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            sqs.deleteMessage(delete -> delete.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        }
        List<JsonNode> ofContact = new ArrayList<>();
        received.stream().filter(event -> event.path("detail").path("contactId").asText().equals(contactId))
                .sorted(java.util.Comparator.comparing(event -> timestamp(event)))
                .forEach(ofContact::add);
        return ofContact;
    }

    private static String timestamp(JsonNode event) {
        JsonNode detail = event.path("detail");
        return switch (detail.path("eventType").asText()) {
            case "INITIATED" -> detail.path("initiationTimestamp").asText();
            case "CONNECTED_TO_SYSTEM" -> detail.path("connectedToSystemTimestamp").asText();
            case "QUEUED" -> detail.path("queueInfo").path("enqueueTimestamp").asText();
            default -> event.path("time").asText();
        };
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(event -> event.path("detail").path("eventType").asText()).toList();
    }

    private static List<JsonNode> awaitEvents(String contactId, String... types) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> eventsOf(contactId), got -> types(got).containsAll(List.of(types)));
    }

    private static void assertDetail(JsonNode event, String contactId, String type) {
        assertEquals("connect-tasks", event.path("source").asText());
        assertEquals("Amazon Connect Contact Event", event.path("detail-type").asText());
        assertEquals(List.of(INSTANCE_ARN + "/contact/" + contactId, INSTANCE_ARN),
                List.of(event.path("resources").get(0).asText(), event.path("resources").get(1).asText()));
        JsonNode detail = event.path("detail");
        assertEquals(type, detail.path("eventType").asText());
        assertEquals(contactId, detail.path("contactId").asText());
        assertEquals("TASK", detail.path("channel").asText());
        assertEquals(INSTANCE_ARN, detail.path("instanceArn").asText());
        assertEquals("API", detail.path("initiationMethod").asText());
        assertTrue(detail.path("initiationTimestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
                detail.toString());
        assertFalse(detail.toString().contains("orderId"), "attribute values never appear in an event: " + detail);
    }

    @Test
    void aTaskStartedNowIsInitiatedConnectedAndQueuedInThatOrder() {
        String contactId = connect.startTaskContact(start -> start.instanceId(INSTANCE).contactFlowId(FLOW)
                .name("Call back").attributes(Map.of("orderId", "42"))).contactId();
        List<JsonNode> got = awaitEvents(contactId, "INITIATED", "CONNECTED_TO_SYSTEM", "QUEUED");
        List<String> lifecycle = types(got).stream()
                .filter(type -> List.of("INITIATED", "CONNECTED_TO_SYSTEM", "QUEUED").contains(type)).toList();
        assertEquals(List.of("INITIATED", "CONNECTED_TO_SYSTEM", "QUEUED"), lifecycle);
        for (JsonNode event : got) {
            assertDetail(event, contactId, event.path("detail").path("eventType").asText());
        }
        JsonNode queued = got.stream().filter(event -> event.path("detail").path("eventType").asText().equals("QUEUED"))
                .findFirst().orElseThrow();
        assertEquals(INSTANCE_ARN + "/queue/support", queued.path("detail").path("queueInfo").path("queueArn").asText());
        assertEquals("STANDARD", queued.path("detail").path("queueInfo").path("queueType").asText());
        // the demo flow sets two attributes as it runs: which changed, never their values
        assertTrue(got.stream().anyMatch(event -> event.path("detail").path("updatedProperties").toString()
                .equals("[\"UserDefinedAttributes\"]")), types(got).toString());
    }

    @Test
    void aTaskScheduled3SecondsAheadIsInitiatedAtOnceAndConnectedWhenItsTimeComes() {
        Instant at = Instant.now().plusSeconds(3);
        String contactId = connect.startTaskContact(start -> start.instanceId(INSTANCE).contactFlowId(FLOW)
                .name("Later").scheduledTime(at)).contactId();
        List<JsonNode> got = awaitEvents(contactId, "INITIATED", "CONNECTED_TO_SYSTEM", "QUEUED");
        List<String> lifecycle = types(got).stream()
                .filter(type -> List.of("INITIATED", "CONNECTED_TO_SYSTEM", "QUEUED").contains(type)).toList();
        assertEquals(List.of("INITIATED", "CONNECTED_TO_SYSTEM", "QUEUED"), lifecycle);
        JsonNode initiated = got.get(0);
        assertDetail(initiated, contactId, "INITIATED");
        assertFalse(initiated.path("detail").path("scheduledTimestamp").isMissingNode());
        JsonNode connected = got.stream().filter(event -> event.path("detail").path("eventType").asText()
                .equals("CONNECTED_TO_SYSTEM")).findFirst().orElseThrow();
        assertTrue(connected.path("detail").path("connectedToSystemTimestamp").asText()
                .compareTo(initiated.path("detail").path("scheduledTimestamp").asText()) >= 0);
    }

    @Test
    void aRescheduleIsAContactDataUpdateOfTheScheduledTimestamp() {
        Instant at = Instant.now().plus(Duration.ofHours(1));
        String contactId = connect.startTaskContact(start -> start.instanceId(INSTANCE).contactFlowId(FLOW)
                .name("Later").scheduledTime(at)).contactId();
        connect.updateContactSchedule(update -> update.instanceId(INSTANCE).contactId(contactId)
                .scheduledTime(at.plusSeconds(600)));
        List<JsonNode> got = awaitEvents(contactId, "INITIATED", "CONTACT_DATA_UPDATED");
        JsonNode updated = got.stream().filter(event -> event.path("detail").path("eventType").asText()
                .equals("CONTACT_DATA_UPDATED")).findFirst().orElseThrow();
        assertDetail(updated, contactId, "CONTACT_DATA_UPDATED");
        assertEquals("[\"ScheduledTimestamp\"]", updated.path("detail").path("updatedProperties").toString());
    }
}
