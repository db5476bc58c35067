package dev.connecttasks.operation;

import static dev.connecttasks.testing.ApiAssertions.assertApiError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.QueueInfo;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.flow.FlowEngine;
import dev.connecttasks.flow.FlowResult;
import dev.connecttasks.flow.StartMessage;
import dev.connecttasks.memory.MemoryBackend;
import dev.connecttasks.operation.StartOutcome.Refusal;
import dev.connecttasks.testing.Flows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The flow-runner's use case: which starts run a flow, and that a run is recorded once. */
class StartFlowTest {
    private final MemoryBackend backend = new MemoryBackend();
    private final Instant inAnHour = backend.now().plus(Duration.ofHours(1));

    private ContactKey start(String flowId, Instant scheduledTime) {
        String contactId = backend.startTaskContact().start(new TaskRequest(backend.instanceId, flowId, "Call back", null,
                Map.of("orderId", "42"), Map.of(), null, null, null, scheduledTime));
        return new ContactKey(backend.instanceId, contactId);
    }

    private Contact stored(ContactKey key) {
        return backend.describeContact().describe(key);
    }

    @Test
    void aScheduledStartRunsTheDemoFlowOnceWhateverHowOftenItComes() {
        ContactKey key = start(backend.flowId, inAnHour);
        StartMessage message = new StartMessage(key, backend.flowId, inAnHour);
        backend.clock.advance(Duration.ofHours(1));
        StartOutcome first = backend.runFlow().run(message);
        assertTrue(first.claimed());
        assertEquals(FlowResult.End.QUEUED, first.run().end());
        assertEquals(Refusal.ALREADY_STARTED, backend.runFlow().run(message).refusal());
        Contact contact = stored(key);
        assertEquals(FlowStatus.STARTED, contact.flowStatus());
        assertEquals(backend.now(), contact.flowStartedAt());
        assertEquals(contact.flowStartedAt(), contact.lastUpdatedAt());
        assertEquals(Map.of("orderId", "42", "routedBy", "demo-task-flow", "taskName", "Call back"), contact.attributes());
        assertEquals(new QueueInfo("support", contact.flowStartedAt()), contact.queue());
        assertNull(contact.disconnectedAt());
    }

    @Test
    void aFlowThatEndsWithoutAQueueDisconnectsTheTask() {
        String flowId = backend.createFlow(backend.instanceId, "Close", Flows.read("close-without-agent.json"));
        ContactKey key = start(flowId, null);
        assertTrue(backend.runFlow().run(new StartMessage(key, flowId, null)).claimed());
        Contact contact = stored(key);
        assertNull(contact.queue());
        assertEquals(contact.flowStartedAt(), contact.disconnectedAt());
    }

    @Test
    void startsThatTheContactDoesNotWaitForStartNothing() {
        ContactKey scheduled = start(backend.flowId, inAnHour);
        assertEquals(Refusal.SUPERSEDED, backend.runFlow().run(new StartMessage(scheduled, backend.flowId, null)).refusal());
        assertEquals(Refusal.SUPERSEDED,
                backend.runFlow().run(new StartMessage(scheduled, backend.flowId, inAnHour.plusSeconds(1))).refusal());
        ContactKey immediate = start(backend.flowId, null);
        assertEquals(Refusal.SUPERSEDED,
                backend.runFlow().run(new StartMessage(immediate, backend.flowId, inAnHour)).refusal());
        assertEquals(Refusal.NO_SUCH_CONTACT, backend.runFlow()
                .run(new StartMessage(new ContactKey(backend.instanceId, "missing"), backend.flowId, null)).refusal());
        assertEquals(FlowStatus.SCHEDULED, stored(scheduled).flowStatus());
        assertEquals(FlowStatus.PENDING, stored(immediate).flowStatus());
    }

    @Test
    void aScheduledStartThatComesTooSoonIsThrownSoItIsRetried() {
        ContactKey key = start(backend.flowId, inAnHour);
        assertThrows(StartFlow.NotYet.class, () -> backend.runFlow().run(new StartMessage(key, backend.flowId, inAnHour)));
        assertThrows(StartFlow.NotYet.class, () -> backend.runFlow()
                .run(new StartMessage(new ContactKey(backend.instanceId, "not-written-yet"), backend.flowId, inAnHour)));
        assertEquals(FlowStatus.SCHEDULED, stored(key).flowStatus());
        backend.clock.set(inAnHour);
        assertTrue(backend.runFlow().run(new StartMessage(key, backend.flowId, inAnHour)).claimed());
        // an immediate start of a contact that is gone is no error: nothing will ever write it
        assertEquals(Refusal.NO_SUCH_CONTACT, backend.runFlow()
                .run(new StartMessage(new ContactKey(backend.instanceId, "withdrawn"), backend.flowId, null)).refusal());
    }

    @Test
    void aLateStartStillStartsAFlowThatNeverStarted() {
        ContactKey key = start(backend.flowId, inAnHour);
        backend.clock.advance(Duration.ofDays(2));
        assertTrue(backend.runFlow().run(new StartMessage(key, backend.flowId, inAnHour)).claimed());
    }

    @Test
    void aRunOverAContactThatChangedMeanwhileIsComputedAgainFromTheChange() {
        ContactKey key = start(backend.flowId, null);
        List<String> namesSeen = new ArrayList<>();
        FlowEngine renamingOnce = (contact, flow, now) -> {
            namesSeen.add(contact.name());
            if (namesSeen.size() == 1) {
                backend.updateContact().update(key, new dev.connecttasks.contact.ContactChanges("Renamed", null, Map.of()));
            }
            return new FlowResult(contact.attributes(), null, now, 1, FlowResult.End.DISCONNECTED);
        };
        assertTrue(backend.runFlow(renamingOnce).run(new StartMessage(key, backend.flowId, null)).claimed());
        assertEquals(List.of("Call back", "Renamed"), namesSeen);
    }

    @Test
    void aContactThatKeepsChangingIsAThrottleSoTheStartIsRetried() {
        ContactKey key = start(backend.flowId, null);
        FlowEngine alwaysRaced = (contact, flow, now) -> {
            backend.updateContact().update(key, new dev.connecttasks.contact.ContactChanges("Renamed", null, Map.of()));
            return new FlowResult(contact.attributes(), null, now, 1, FlowResult.End.DISCONNECTED);
        };
        assertApiError(ErrorType.THROTTLING, "kept changing",
                () -> backend.runFlow(alwaysRaced).run(new StartMessage(key, backend.flowId, null)));
        assertEquals(FlowStatus.PENDING, stored(key).flowStatus());
    }
}
