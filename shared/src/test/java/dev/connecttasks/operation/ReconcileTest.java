package dev.connecttasks.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.ScheduleChange;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.flow.StartMessage;
import dev.connecttasks.memory.MemoryBackend;
import dev.connecttasks.operation.Reconcile.Result;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reconciler finds the starts that were missed, and only those, on the in-memory ports. */
class ReconcileTest {
    private final MemoryBackend backend = new MemoryBackend();

    private ContactKey start(Instant scheduledTime) {
        String contactId = backend.startTaskContact().start(new TaskRequest(backend.instanceId, backend.flowId, "Call back",
                null, Map.of(), Map.of(), null, null, null, scheduledTime));
        return new ContactKey(backend.instanceId, contactId);
    }

    private Result reconcileAfter(Duration later) {
        return backend.reconcile(Clock.offset(backend.clock, later)).run();
    }

    private FlowStatus status(ContactKey key) {
        return backend.describeContact().describe(key).flowStatus();
    }

    @Test
    void anImmediateTaskNeverStartedIsStartedOnceAMinuteIsUp() {
        ContactKey missed = start(null);
        assertEquals(new Result(0, 0, 0, 0), reconcileAfter(Duration.ofSeconds(59)));
        assertEquals(FlowStatus.PENDING, status(missed));
        assertEquals(new Result(1, 1, 0, 0), reconcileAfter(Duration.ofSeconds(61)));
        assertEquals(FlowStatus.STARTED, status(missed));
        assertEquals(new Result(0, 0, 0, 0), reconcileAfter(Duration.ofMinutes(5)));
    }

    @Test
    void aScheduledTaskIsDueAtItsTimeAsItStandsNow() {
        Instant at = backend.now().plus(Duration.ofMinutes(10));
        ContactKey scheduled = start(at);
        backend.updateContactSchedule().reschedule(new ScheduleChange(scheduled, at.plus(Duration.ofMinutes(10))));
        assertEquals(new Result(0, 0, 0, 0), reconcileAfter(Duration.ofMinutes(15)));
        assertEquals(new Result(1, 1, 0, 0), reconcileAfter(Duration.ofMinutes(21)));
        assertEquals(FlowStatus.STARTED, status(scheduled));
    }

    @Test
    void startsThatHappenedAreLeftAlone() {
        ContactKey started = start(null);
        backend.runFlow().run(new StartMessage(started, backend.flowId, null));
        long revision = backend.contacts.revision(started);
        assertEquals(new Result(0, 0, 0, 0), reconcileAfter(Duration.ofMinutes(2)));
        assertEquals(revision, backend.contacts.revision(started));
    }

    @Test
    void aStartThatFailsIsCountedAndTheOthersGoOn() {
        ContactKey first = start(null);
        ContactKey second = start(null);
        backend.contacts.failNextWrite(new IllegalStateException("throttled"));
        Result result = reconcileAfter(Duration.ofMinutes(2));
        assertEquals(new Result(2, 1, 0, 1), result);
        assertEquals(1, (status(first) == FlowStatus.STARTED ? 1 : 0) + (status(second) == FlowStatus.STARTED ? 1 : 0));
        assertEquals(new Result(1, 1, 0, 0), reconcileAfter(Duration.ofMinutes(3)));
    }
}
