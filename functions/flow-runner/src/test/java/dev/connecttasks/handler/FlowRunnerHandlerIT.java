package dev.connecttasks.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactChanges;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.QueueInfo;
import dev.connecttasks.contact.ScheduleChange;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.flow.ExpiryMessage;
import dev.connecttasks.flow.FlowEngine;
import dev.connecttasks.flow.StartMessage;
import dev.connecttasks.json.Json;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.operation.StartFlow;
import dev.connecttasks.store.ContactStreamRecords.ContactChange;
import dev.connecttasks.store.ContactStreamRecords;
import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.TestBackend;
import dev.connecttasks.testing.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class FlowRunnerHandlerIT {
    private static final String INSTANCE = DemoInstance.INSTANCE_ID;
    private static final String FLOW = DemoInstance.FLOW_ID;
    private TestBackend backend;
    private final List<Contact> flowsRun = new CopyOnWriteArrayList<>();
    private FlowRunnerHandler handler;
    private final Instant inOneHour = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void wire() {
        backend = TestBackend.create();
        FlowEngine engine = backend.flowEngine();
        handler = new FlowRunnerHandler(backend.runFlowWhenDue((contact, flow, now) -> {
            flowsRun.add(contact);
            return engine.run(contact, flow, now);
        }), backend.expireContact());
    }

    private String start(Instant scheduledTime) {
        return backend.startTaskContact().start(new TaskRequest(INSTANCE, FLOW, "Call back", null,
                Map.of("orderId", "42"), Map.of(), null, null, null, scheduledTime));
    }

    private String run(String input) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        TestContext context = new TestContext();
        handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), output, context);
        JsonNode logged = Json.MAPPER.readTree(context.logLines().get(context.logLines().size() - 1));
        return logged.get("outcome").asText();
    }

    private Contact stored(String contactId) {
        return backend.table.find(new ContactKey(INSTANCE, contactId), Instant.now()).orElseThrow();
    }

    @Test
    void aScheduledStartRunsTheFlowOnceWhateverHowOftenItIsInvoked() throws Exception {
        String contactId = start(inOneHour);
        String input = new StartMessage(new ContactKey(INSTANCE, contactId), FLOW, inOneHour).toJson();
        assertEquals("STARTED", run(input));
        assertEquals("ALREADY_STARTED", run(input));
        assertEquals(1, flowsRun.size());
        assertEquals(contactId, flowsRun.get(0).id());
        assertEquals(Map.of("orderId", "42"), flowsRun.get(0).attributes());
        Contact contact = stored(contactId);
        assertEquals(FlowStatus.STARTED, contact.flowStatus());
        assertTrue(contact.flowStartedAt() != null);
        assertEquals(contact.flowStartedAt(), contact.lastUpdatedAt());
        // the demo flow sets two attributes, then puts the task in the support queue
        assertEquals(Map.of("orderId", "42", "routedBy", "demo-task-flow", "taskName", "Call back"), contact.attributes());
        assertEquals(new QueueInfo("support", contact.flowStartedAt()), contact.queue());
        assertNull(contact.disconnectedAt());
    }

    @Test
    void aLoopingFlowStopsAtTheStepLimitWithTheTaskDisconnected() throws Exception {
        String loop = """
                {"Version":"2019-10-30","StartAction":"a","Actions":[
                 {"Identifier":"a","Type":"UpdateContactAttributes","Parameters":{"Attributes":{"x":"1"}},"Transitions":{"NextAction":"b"}},
                 {"Identifier":"b","Type":"Compare","Parameters":{"ComparisonValue":"$.Attributes.x"},
                  "Transitions":{"Conditions":[{"NextAction":"a","Condition":{"Operator":"Equals","Operands":["1"]}}]}}]}""";
        String flowId = backend.createFlow(INSTANCE, "Loop " + inOneHour.toEpochMilli(), loop);
        String contactId = backend.startTaskContact().start(new TaskRequest(INSTANCE, flowId, "Loop", null, Map.of(),
                Map.of(), null, null, null, null));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        TestContext context = new TestContext();
        handler.handleRequest(new ByteArrayInputStream(backend.streamEvent().getBytes(StandardCharsets.UTF_8)),
                output, context);
        JsonNode logged = Json.MAPPER.readTree(context.logLines().get(context.logLines().size() - 1));
        assertEquals("STEP_LIMIT", logged.get("end").asText());
        assertEquals(1000, logged.get("steps").asInt());
        Contact contact = stored(contactId);
        assertEquals(FlowStatus.STARTED, contact.flowStatus());
        assertEquals(contact.flowStartedAt(), contact.disconnectedAt());
        assertNull(contact.queue());
    }

    @Test
    void aStartCostsTwoTableRoundTripsWhenTheFlowIsKnownAndThreeAfterARescheduleThenItsExpirySchedule() throws Exception {
        String contactId = start(inOneHour);
        ContactKey key = new ContactKey(INSTANCE, contactId);
        backend.calls.clear();
        assertEquals("STARTED", run(new StartMessage(key, FLOW, inOneHour).toJson()));
        assertEquals(List.of("BatchGetItem", "UpdateItem", "CreateSchedule"), backend.calls.operations());

        String moved = start(inOneHour);
        ContactKey movedKey = new ContactKey(INSTANCE, moved);
        backend.updateContactSchedule().reschedule(new ScheduleChange(movedKey, inOneHour.plusSeconds(60)));
        backend.calls.clear();
        assertEquals("STARTED", run(new StartMessage(movedKey, null, inOneHour.plusSeconds(60)).toJson()));
        assertEquals(List.of("GetItem", "GetItem", "UpdateItem", "CreateSchedule"), backend.calls.operations());
    }

    @Test
    void anExpiryEndsAnOpenTaskInOneWriteAndAStaleOrEarlyOneChangesNothing() throws Exception {
        String contactId = start(inOneHour);
        ContactKey key = new ContactKey(INSTANCE, contactId);
        assertEquals("STARTED", run(new StartMessage(key, FLOW, inOneHour).toJson()));
        Instant expiry = stored(contactId).expiry();
        assertEquals(inOneHour.plus(Duration.ofDays(7)), expiry);

        assertThrows(StartFlow.NotYet.class, () -> run(new ExpiryMessage(key, Instant.now().plusSeconds(60)).toJson()));
        backend.calls.clear();
        ExpiryMessage due = new ExpiryMessage(key, expiry);
        FlowRunnerHandler late = new FlowRunnerHandler(backend.runFlow(), backend.expireContact(
                Clock.offset(Clock.systemUTC(), Duration.ofDays(8))));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        late.handleRequest(new ByteArrayInputStream(due.toJson().getBytes(StandardCharsets.UTF_8)), output, new TestContext());
        assertEquals("EXPIRED", Json.MAPPER.readTree(output.toByteArray()).get("outcome").asText());
        assertEquals(List.of("UpdateItem"), backend.calls.operations());
        assertEquals("EXPIRED", stored(contactId).disconnectReason());
        output.reset();
        late.handleRequest(new ByteArrayInputStream(due.toJson().getBytes(StandardCharsets.UTF_8)), output, new TestContext());
        assertEquals("ALREADY_ENDED", Json.MAPPER.readTree(output.toByteArray()).get("outcome").asText());
    }

    /** The handler's answer to a stream batch: the sequence numbers it reports failed. */
    private List<String> runBatch(String event) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), output, new TestContext());
        List<String> failed = new ArrayList<>();
        Json.MAPPER.readTree(output.toByteArray()).get("batchItemFailures")
                .forEach(failure -> failed.add(failure.get("itemIdentifier").asText()));
        return failed;
    }

    @Test
    void theStreamStartsEachNewImmediateTaskOnceAndNothingElse() throws Exception {
        String first = start(null);
        String scheduled = start(inOneHour);
        String second = start(null);
        backend.updateContact().update(new ContactKey(INSTANCE, first), new ContactChanges("Renamed", null, Map.of()));
        String batch = backend.streamEvent();
        assertEquals(List.of(), runBatch(batch));
        assertEquals(List.of(first, second), flowsRun.stream().map(Contact::id).toList());
        assertEquals(FlowStatus.SCHEDULED, stored(scheduled).flowStatus());
        // the mapping may deliver a batch again: nothing starts twice
        assertEquals(List.of(), runBatch(batch));
        assertEquals(2, flowsRun.size());
    }

    @Test
    void aStartThatFailsIsReportedAndTheBatchStopsThere() throws Exception {
        String first = start(null);
        String second = start(null);
        backend.calls.fail("BatchGetItem", 100, () -> SdkClientException.create("connection reset"));
        String batch = backend.streamEvent();
        List<String> failed;
        try {
            failed = runBatch(batch);
        } finally {
            backend.calls.clear();
        }
        List<ContactChange> changes = ContactStreamRecords.read(Json.MAPPER.readTree(batch));
        assertEquals(List.of(changes.get(0).sequenceNumber()), failed);
        assertEquals(FlowStatus.PENDING, stored(first).flowStatus());
        assertEquals(FlowStatus.PENDING, stored(second).flowStatus());
        // the retry, from the failed record on, starts both
        assertEquals(List.of(), runBatch(batch));
        assertEquals(FlowStatus.STARTED, stored(first).flowStatus());
        assertEquals(FlowStatus.STARTED, stored(second).flowStatus());
    }

    @Test
    void threeConcurrentInvocationsStartTheFlowOnce() throws Exception {
        String contactId = start(inOneHour);
        String input = new StartMessage(new ContactKey(INSTANCE, contactId), FLOW, inOneHour).toJson();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(() -> run(input));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> outcome : pool.invokeAll(calls)) {
                outcomes.add(outcome.get());
            }
            assertEquals(1, outcomes.stream().filter("STARTED"::equals).count(), outcomes.toString());
            assertEquals(2, outcomes.stream().filter("ALREADY_STARTED"::equals).count(), outcomes.toString());
        } finally {
            pool.shutdownNow();
        }
        // each invocation may compute a run; exactly one was written: created at revision 1, started at 2
        assertTrue(flowsRun.size() >= 1);
        assertEquals("2", backend.contactItems().stream().filter(item -> item.get("pk").s().equals("C#" + contactId))
                .findFirst().orElseThrow().get("rev").n());
    }

    @Test
    void anUnknownContactStartsNothing() throws Exception {
        assertEquals("NO_SUCH_CONTACT", run(ApiEvents.read("flow-runner-immediate.json")));
        // a schedule that fires for a contact not written yet is thrown, so Lambda retries it
        assertThrows(StartFlow.NotYet.class, () -> run(ApiEvents.read("flow-runner-scheduled.json")));
        assertEquals(0, flowsRun.size());
    }

    @Test
    void aMalformedInputIsLoggedAndDropped() throws Exception {
        assertEquals("REJECTED_INPUT", run("{\"ContactId\":\"c\"}"));
        assertEquals("REJECTED_INPUT", run("not json"));
        assertEquals(0, flowsRun.size());
    }
}
