package dev.connecttasks.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.ScheduleChange;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.flow.FlowStart;
import dev.connecttasks.http.Json;
import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.TestBackend;
import dev.connecttasks.testing.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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

class FlowRunnerHandlerIT {
    private static final String INSTANCE = "11111111-2222-3333-4444-555555555555";
    private TestBackend backend;
    private final List<Contact> flowsRun = new CopyOnWriteArrayList<>();
    private FlowRunnerHandler handler;
    private final Instant inOneHour = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void wire() {
        backend = TestBackend.create();
        handler = new FlowRunnerHandler(backend.runFlow(flowsRun::add));
    }

    private String start(Instant scheduledTime) {
        return backend.startTaskContact().start(new TaskRequest(INSTANCE, "flow-1", "Call back", null,
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
        String input = new FlowStart(new ContactKey(INSTANCE, contactId), inOneHour).toJson();
        assertEquals("STARTED", run(input));
        assertEquals("ALREADY_STARTED", run(input));
        assertEquals(1, flowsRun.size());
        assertEquals(contactId, flowsRun.get(0).id());
        assertEquals(Map.of("orderId", "42"), flowsRun.get(0).attributes());
        Contact contact = stored(contactId);
        assertEquals(FlowStatus.STARTED, contact.flowStatus());
        assertTrue(contact.flowStartedAt() != null);
        assertEquals(contact.flowStartedAt(), contact.lastUpdatedAt());
    }

    @Test
    void theInvokePayloadOfAnImmediateTaskStartsItsFlow() throws Exception {
        String contactId = start(null);
        List<String> payloads = backend.invokedPayloads();
        assertEquals(1, payloads.size());
        assertEquals("STARTED", run(payloads.get(0)));
        assertEquals(contactId, flowsRun.get(0).id());
    }

    @Test
    void aSupersededScheduleStartsNothing() throws Exception {
        String contactId = start(inOneHour);
        ContactKey key = new ContactKey(INSTANCE, contactId);
        Instant later = inOneHour.plusSeconds(600);
        backend.updateContactSchedule().reschedule(new ScheduleChange(key, later));
        assertEquals("SUPERSEDED", run(new FlowStart(key, inOneHour).toJson()));
        assertEquals(FlowStatus.SCHEDULED, stored(contactId).flowStatus());
        assertEquals("STARTED", run(new FlowStart(key, later).toJson()));
        assertEquals(1, flowsRun.size());
    }

    @Test
    void aLateInvocationStillStartsAFlowThatNeverStarted() throws Exception {
        String contactId = start(inOneHour);
        // the runner does not compare the scheduled time with the clock: Scheduler may deliver late
        assertEquals("STARTED", run(new FlowStart(new ContactKey(INSTANCE, contactId), inOneHour).toJson()));
    }

    @Test
    void threeConcurrentInvocationsStartTheFlowOnce() throws Exception {
        String contactId = start(inOneHour);
        String input = new FlowStart(new ContactKey(INSTANCE, contactId), inOneHour).toJson();
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
        assertEquals(1, flowsRun.size());
    }

    @Test
    void anUnknownContactStartsNothing() throws Exception {
        assertEquals("NO_SUCH_CONTACT", run(ApiEvents.read("flow-runner-immediate.json")));
        assertEquals("NO_SUCH_CONTACT", run(ApiEvents.read("flow-runner-scheduled.json")));
        assertEquals(0, flowsRun.size());
    }

    @Test
    void aMalformedInputIsLoggedAndDropped() throws Exception {
        assertEquals("REJECTED_INPUT", run("{\"ContactId\":\"c\"}"));
        assertEquals("REJECTED_INPUT", run("not json"));
        assertEquals(0, flowsRun.size());
    }
}
