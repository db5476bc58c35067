package dev.connecttasks.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.connecttasks.config.AwsClients;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.ScheduleChange;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.event.ContactEventJson;
import dev.connecttasks.eventbus.EventBridgeBus;
import dev.connecttasks.flow.StartMessage;
import dev.connecttasks.handler.ContactEventsHandler;
import dev.connecttasks.handler.FlowRunnerHandler;
import dev.connecttasks.json.Json;
import dev.connecttasks.local.LocalFunction.Failure;
import dev.connecttasks.local.LocalFunction.Response;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.operation.PublishContactEvents;
import dev.connecttasks.operation.Reconcile;
import dev.connecttasks.operation.StartFlow;
import dev.connecttasks.schedule.TaskSchedules;
import dev.connecttasks.testing.Emulator;
import dev.connecttasks.testing.TestBackend;
import dev.connecttasks.testing.TestClock;
import dev.connecttasks.testing.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * No task is ever lost: the starts that fail, come too soon, or never come, each against the emulator,
 * through the real handlers and the stream delivery of the local runtime, on a clock the test moves.
 * Each ends with every contact started exactly once (its revision moved once, by the start).
 */
class LostStartsIT {
    private static final String INSTANCE = DemoInstance.INSTANCE_ID;
    private static final String FLOW = DemoInstance.FLOW_ID;
    private final TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    private TestBackend backend;
    private SamTemplate template;

    @BeforeEach
    void wire() throws Exception {
        backend = TestBackend.create(clock);
        template = SamTemplate.read(Path.of(System.getProperty("user.dir")).getParent().resolve("template.yaml"),
                LocalNames.fromEnvironment());
        try (SqsClient sqs = LocalClients.sqs(LocalNames.fromEnvironment())) {
            sqs.createQueue(create -> create.queueName(LocalNames.fromEnvironment().ref(EmulatorSetup.STREAM_DEAD_LETTER_QUEUE)));
        }
    }

    private String start(String clientToken, Instant scheduledTime) {
        return backend.startTaskContact().start(new TaskRequest(INSTANCE, FLOW, "Call back", null, Map.of("orderId", "42"),
                Map.of(), null, null, clientToken, scheduledTime));
    }

    /** Started exactly once: started, and its revision moved once after its creation (or reschedule). */
    private void assertStartedOnce(String contactId, long revisionsBeforeTheStart) {
        assertEquals(FlowStatus.STARTED, backend.describeContact().describe(new ContactKey(INSTANCE, contactId)).flowStatus());
        String revision = Emulator.dynamo().getItem(get -> get.tableName(backend.settings.tableName()).consistentRead(true)
                .key(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("C#" + contactId),
                        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(INSTANCE))))
                .item().get("rev").n();
        assertEquals(Long.toString(revisionsBeforeTheStart + 1), revision, contactId);
    }

    /** A handler run in this JVM as the local runtime runs a function: an answer, or Lambda's error document. */
    private static LocalFunction inProcess(RequestStreamHandler handler) {
        return payload -> {
            try {
                ByteArrayOutputStream output = new ByteArrayOutputStream();
                handler.handleRequest(new ByteArrayInputStream(payload), output, new TestContext());
                return new Response(output.toByteArray());
            } catch (Exception e) {
                return Failure.of("Unhandled", "test", e.toString());
            }
        };
    }

    private StreamPoller poller(String functionId, LocalFunction function) throws Exception {
        SamTemplate.StreamMapping mapping = template.streamMappings().stream()
                .filter(candidate -> candidate.functionId().equals(functionId)).findFirst().orElseThrow();
        String streamArn = Emulator.dynamo().describeTable(describe -> describe.tableName(backend.settings.tableName()))
                .table().latestStreamArn();
        return new StreamPoller(AwsClients.dynamoDbStreams(backend.settings), LocalClients.sqs(LocalNames.fromEnvironment()),
                streamArn, mapping, function, LocalNames.fromEnvironment().functionArn(functionId), clock, clock::advance);
    }

    /** The dead-letter queue's messages about this test's table's stream. */
    private List<JsonNode> deadLetters(StreamPoller stream) throws Exception {
        String streamArn = Emulator.dynamo().describeTable(describe -> describe.tableName(backend.settings.tableName()))
                .table().latestStreamArn();
        List<JsonNode> mine = new ArrayList<>();
        try (SqsClient sqs = LocalClients.sqs(LocalNames.fromEnvironment())) {
            String queueUrl = sqs.getQueueUrl(get -> get.queueName(LocalNames.fromEnvironment()
                    .ref(EmulatorSetup.STREAM_DEAD_LETTER_QUEUE))).queueUrl();
            for (int read = 0; read < 5; read++) {
                for (Message message : sqs.receiveMessage(receive -> receive.queueUrl(queueUrl).maxNumberOfMessages(10))
                        .messages()) {
                    JsonNode body = Json.MAPPER.readTree(message.body());
                    if (body.path("DDBStreamBatchInfo").path("streamArn").asText().equals(streamArn)) {
                        mine.add(body);
                    }
                }
            }
        }
        return mine;
    }

    @Test
    void aFlowRunnerThatFailsForTenMinutesLosesNoTask() throws Exception {
        Instant recovery = clock.instant().plus(Duration.ofMinutes(10));
        LocalFunction runner = inProcess(new FlowRunnerHandler(backend.runFlow(), backend.expireContact()));
        StreamPoller stream = poller("FlowRunnerFunction", payload -> clock.instant().isBefore(recovery)
                ? Failure.of("Runtime.Unavailable", "test", "the flow-runner fails every call") : runner.invoke(payload));
        List<String> contacts = List.of(start(UUID.randomUUID().toString(), null), start(null, null), start(null, null));

        // the mapping retries (bisecting, with backoff) until its retries are spent, then moves on
        stream.poll();
        for (String contactId : contacts) {
            assertEquals(FlowStatus.PENDING, backend.describeContact().describe(new ContactKey(INSTANCE, contactId)).flowStatus());
        }
        assertTrue(clock.instant().isBefore(recovery));
        // and what it gave up on is described on the dead-letter queue: where the records are, not the records
        assertTrue(deadLetters(stream).stream().anyMatch(message -> message.path("requestContext").path("condition")
                .asText().equals("RetryAttemptsExhausted")), "no dead letter for the stream");

        clock.set(recovery);
        Reconcile.Result rescued = backend.reconcile(clock).run();
        assertEquals(new Reconcile.Result(3, 3, 0, 0), rescued);
        contacts.forEach(contactId -> assertStartedOnce(contactId, 1));
        assertEquals(new Reconcile.Result(0, 0, 0, 0), backend.reconcile(clock).run());
    }

    @Test
    void aScheduleThatFiresBeforeItsContactIsWrittenIsRetriedAndStartsIt() throws Exception {
        Instant at = clock.instant().plusSeconds(5);
        // StartTaskContact's order: the schedule first; it fires before the contact's write lands
        String contactId = UUID.randomUUID().toString();
        StartMessage firing = new StartMessage(new ContactKey(INSTANCE, contactId), FLOW, at);
        StartFlow atItsTime = backend.runFlow(backend.flowEngine(), Clock.fixed(at, java.time.ZoneOffset.UTC));
        assertThrows(StartFlow.NotYet.class, () -> atItsTime.run(firing));
        backend.newContacts.create(new dev.connecttasks.contact.Contact(firing.key(), FLOW, "Call back", null, Map.of(),
                Map.of(), null, null, null, clock.instant(), clock.instant(), at, FlowStatus.SCHEDULED, null, null, null),
                null, clock.instant());
        // Lambda's retry of the asynchronous invocation, a minute on
        StartFlow aMinuteOn = backend.runFlow(backend.flowEngine(), Clock.fixed(at.plusSeconds(60), java.time.ZoneOffset.UTC));
        assertTrue(aMinuteOn.run(firing).claimed());
        assertStartedOnce(contactId, 1);
    }

    @Test
    void aRescheduledTaskWhoseNewScheduleIsDeletedIsStartedByTheReconciler() {
        Instant first = clock.instant().plus(Duration.ofMinutes(5));
        Instant moved = first.plus(Duration.ofMinutes(5));
        String contactId = start(null, first);
        ContactKey key = new ContactKey(INSTANCE, contactId);
        backend.updateContactSchedule().reschedule(new ScheduleChange(key, moved));
        Emulator.scheduler().deleteSchedule(delete -> delete.groupName(backend.settings.scheduleGroup())
                .name(TaskSchedules.name(key, moved)));
        // the old schedule fires into a no-op; nothing else would ever start the task
        assertEquals(dev.connecttasks.operation.StartOutcome.Refusal.SUPERSEDED,
                backend.runFlowWhenDue().run(new StartMessage(key, FLOW, first)).refusal());
        assertEquals(new Reconcile.Result(0, 0, 0, 0), backend.reconcile(Clock.fixed(moved.plusSeconds(59), java.time.ZoneOffset.UTC)).run());
        assertEquals(new Reconcile.Result(1, 1, 0, 0), backend.reconcile(Clock.fixed(moved.plusSeconds(61), java.time.ZoneOffset.UTC)).run());
        assertStartedOnce(contactId, 2);
    }

    @Test
    void aTaskTwoSecondsAheadWhoseScheduleIsDeletedIsStartedByTheReconciler() {
        Instant at = clock.instant().plusSeconds(2);
        String contactId = start(UUID.randomUUID().toString(), at);
        ContactKey key = new ContactKey(INSTANCE, contactId);
        Emulator.scheduler().deleteSchedule(delete -> delete.groupName(backend.settings.scheduleGroup())
                .name(TaskSchedules.name(key, at)));
        assertEquals(List.of(), backend.scheduleNames());
        clock.set(at.plusSeconds(61));
        assertEquals(new Reconcile.Result(1, 1, 0, 0), backend.reconcile(clock).run());
        assertStartedOnce(contactId, 1);
    }

    @Test
    void anEventsFunctionThatFailsForAWhileLosesNoEvent() throws Exception {
        EventBridgeClient events = AwsClients.eventBridge(backend.settings, backend.calls);
        String source = "lost-events-" + UUID.randomUUID();
        SqsClient sqs = LocalClients.sqs(LocalNames.fromEnvironment());
        String queueUrl = sqs.createQueue(create -> create.queueName(source)).queueUrl();
        String queueArn = sqs.getQueueAttributes(get -> get.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        events.putRule(put -> put.name(source).eventPattern("{\"source\":[\"" + source + "\"]}"));
        events.putTargets(put -> put.rule(source).targets(target -> target.id("queue").arn(queueArn)));
        ContactEventsHandler handler = new ContactEventsHandler(new PublishContactEvents(
                new EventBridgeBus(events, "default", source, backend.arns), 2, Duration.ZERO));
        StreamPoller stream = poller("ContactEventsFunction", inProcess(handler));
        // EventBridge refuses the next seven PutEvents: the first deliveries fail, the mapping retries
        backend.calls.fail("PutEvents", 7, () -> SdkClientException.create("EventBridge is unavailable"));
        List<String> contacts = List.of(start(null, null), start(null, clock.instant().plus(Duration.ofHours(1))));
        stream.poll();
        // the first deliveries failed and the mapping delivered again
        assertTrue(backend.calls.operations().stream().filter("PutEvents"::equals).count() > 2);

        List<JsonNode> received = new ArrayList<>();
        for (int read = 0; read < 5; read++) {
            for (Message message : sqs.receiveMessage(receive -> receive.queueUrl(queueUrl).maxNumberOfMessages(10)).messages()) {
                received.add(Json.MAPPER.readTree(message.body()));
            }
        }
        for (String contactId : contacts) {
            assertTrue(received.stream().anyMatch(event -> event.path("detail").path("contactId").asText().equals(contactId)
                    && event.path("detail").path("eventType").asText().equals("INITIATED")), contactId + " " + received);
        }
        assertFalse(received.isEmpty());
        assertEquals(ContactEventJson.DETAIL_TYPE, received.get(0).path("detail-type").asText());
        events.removeTargets(remove -> remove.rule(source).ids("queue"));
        events.deleteRule(delete -> delete.name(source));
    }
}
