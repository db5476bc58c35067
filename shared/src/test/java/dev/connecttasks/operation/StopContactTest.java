package dev.connecttasks.operation;

import static dev.connecttasks.testing.ApiAssertions.assertApiError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.StopRequest;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.flow.StartMessage;
import dev.connecttasks.memory.MemoryBackend;
import dev.connecttasks.operation.StartOutcome.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** StopContact in each state of a task, on the in-memory ports. */
class StopContactTest {
    private final MemoryBackend backend = new MemoryBackend();
    private final Instant inAnHour = backend.now().plus(Duration.ofHours(1));

    private ContactKey start(Instant scheduledTime) {
        return new ContactKey(backend.instanceId, backend.startTaskContact().start(new TaskRequest(backend.instanceId,
                backend.flowId, "Call back", null, Map.of(), Map.of(), null, null, null, scheduledTime)));
    }

    private void stop(ContactKey key) {
        backend.stopContact().stop(new StopRequest(key, false));
    }

    private Contact stored(ContactKey key) {
        return backend.describeContact().describe(key);
    }

    @Test
    void aScheduledTaskIsCancelledItsScheduleDeletedAndItsFlowNeverRuns() {
        ContactKey key = start(inAnHour);
        backend.clock.advance(Duration.ofMinutes(1));
        stop(key);
        Contact cancelled = stored(key);
        assertEquals(FlowStatus.SCHEDULED, cancelled.flowStatus());
        assertEquals(backend.now(), cancelled.disconnectedAt());
        assertEquals("API", cancelled.disconnectReason());
        assertEquals(Map.of(), backend.scheduler.schedules());
        // a firing left behind starts nothing, and the reconciler does not see it
        assertEquals(Refusal.ENDED, backend.runFlowWhenDue().run(new StartMessage(key, backend.flowId, inAnHour)).refusal());
        assertEquals(new Reconcile.Result(0, 0, 0, 0),
                backend.reconcile(Clock.offset(backend.clock, Duration.ofHours(2))).run());
    }

    @Test
    void aTaskStartedNowThatHasNotStartedNeverStarts() {
        ContactKey key = start(null);
        stop(key);
        assertEquals(Refusal.ENDED, backend.runFlow().run(new StartMessage(key, backend.flowId, null)).refusal());
        assertEquals(FlowStatus.PENDING, stored(key).flowStatus());
    }

    @Test
    void aQueuedTaskIsEnded() {
        ContactKey key = start(null);
        assertTrue(backend.runFlow().run(new StartMessage(key, backend.flowId, null)).claimed());
        backend.clock.advance(Duration.ofSeconds(30));
        stop(key);
        Contact ended = stored(key);
        assertEquals(FlowStatus.STARTED, ended.flowStatus());
        assertEquals(backend.now(), ended.disconnectedAt());
        assertEquals("API", ended.disconnectReason());
    }

    @Test
    void anEndedTaskIsGoneAnUnknownOneNotFoundAndADisconnectReasonRefused() {
        ContactKey key = start(null);
        stop(key);
        assertApiError(ErrorType.CONTACT_NOT_FOUND, "has already ended", () -> stop(key));
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "Contact nope",
                () -> stop(new ContactKey(backend.instanceId, "nope")));
        ContactKey other = start(null);
        assertApiError(ErrorType.INVALID_REQUEST, "DisconnectReason",
                () -> backend.stopContact().stop(new StopRequest(other, true)));
        assertEquals(null, stored(other).disconnectedAt());
    }

    @Test
    void aFlowThatEndsTheTaskRecordsItsReason() {
        String flowId = backend.createFlow(backend.instanceId, "Close", dev.connecttasks.testing.Flows.read("close-without-agent.json"));
        ContactKey key = new ContactKey(backend.instanceId, backend.startTaskContact().start(new TaskRequest(
                backend.instanceId, flowId, "Close", null, Map.of(), Map.of(), null, null, null, null)));
        backend.runFlow().run(new StartMessage(key, flowId, null));
        assertEquals("CONTACT_FLOW_DISCONNECT", stored(key).disconnectReason());
        assertApiError(ErrorType.CONTACT_NOT_FOUND, "has already ended", () -> stop(key));
    }
}
