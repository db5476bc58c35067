package dev.connecttasks.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactChanges;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.SegmentAttributes;
import dev.connecttasks.contact.StopRequest;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.flow.ExpiryMessage;
import dev.connecttasks.flow.StartMessage;
import dev.connecttasks.memory.MemoryBackend;
import dev.connecttasks.operation.port.Change;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Task expiry on the in-memory ports: its schedule, a moved expiry, and the reconciler as the net. */
class ExpireContactTest {
    private final MemoryBackend backend = new MemoryBackend();

    private static SegmentAttributes expiryOf(int minutes) {
        return new SegmentAttributes(Map.of(SegmentAttributes.EXPIRY_KEY,
                "{\"ValueMap\":{\"ExpiryDuration\":{\"ValueInteger\":" + minutes + "}}}"), minutes);
    }

    private ContactKey startAndRun(SegmentAttributes segmentAttributes, Instant scheduledTime) {
        ContactKey key = new ContactKey(backend.instanceId, backend.startTaskContact().start(new TaskRequest(
                backend.instanceId, backend.flowId, "Call back", null, Map.of(), Map.of(), null, null, null,
                scheduledTime, segmentAttributes)));
        assertTrue(backend.runFlowWhenDue().run(new StartMessage(key, backend.flowId, scheduledTime)).claimed());
        return key;
    }

    private Contact stored(ContactKey key) {
        return backend.describeContact().describe(key);
    }

    private Change expireAt(ExpiryMessage expiry, Instant at) {
        return backend.expireContact(Clock.fixed(at, ZoneOffset.UTC)).run(expiry);
    }

    @Test
    void anOpenTaskExpiresWhenItsScheduleFiresAndNotBefore() {
        ContactKey key = startAndRun(expiryOf(5), null);
        Instant expiry = backend.now().plus(Duration.ofMinutes(5));
        assertEquals(Map.of(key.instanceId() + "/" + key.contactId() + "@" + expiry, expiry), backend.scheduler.expiries());
        ExpiryMessage message = new ExpiryMessage(key, expiry);

        assertThrows(StartFlow.NotYet.class, () -> expireAt(message, expiry.minusMillis(1)));
        assertNull(stored(key).disconnectedAt());
        assertEquals(Change.DONE, expireAt(message, expiry.plusMillis(300)));
        Contact expired = stored(key);
        assertEquals("EXPIRED", expired.disconnectReason());
        assertEquals(expiry.plusMillis(300), expired.disconnectedAt());
        assertEquals(Change.ALREADY_ENDED, expireAt(message, expiry.plusSeconds(1)));
    }

    @Test
    void withoutAnExpiryATaskLivesSevenDaysFromItsScheduledTime() {
        Instant scheduledTime = backend.now().plus(Duration.ofHours(3));
        ContactKey key = startAndRun(SegmentAttributes.NONE, scheduledTime);
        assertEquals(scheduledTime.plus(Duration.ofDays(7)), stored(key).expiry());
        assertEquals(1, backend.scheduler.expiries().size());
        assertEquals(scheduledTime.plus(Duration.ofDays(7)), backend.scheduler.expiries().values().iterator().next());
    }

    @Test
    void updateContactMovesTheExpiryAndTheOldScheduleChangesNothing() {
        ContactKey key = startAndRun(expiryOf(60), null);
        Instant first = stored(key).expiry();
        backend.updateContact().update(key, new ContactChanges(null, null, Map.of(), expiryOf(10)));
        Instant moved = stored(key).expiry();
        assertEquals(first.minus(Duration.ofMinutes(50)), moved);
        assertEquals(2, backend.scheduler.expiries().size());

        assertEquals(Change.EXPIRY_MOVED, expireAt(new ExpiryMessage(key, first), first));
        assertEquals(Change.DONE, expireAt(new ExpiryMessage(key, moved), moved));
        assertEquals(Change.ALREADY_ENDED, expireAt(new ExpiryMessage(key, first), first));
    }

    @Test
    void aTaskWhoseExpiryScheduleWasNeverCreatedIsExpiredByTheReconciler() {
        backend.scheduler.failCreates(new IllegalStateException("Scheduler is down"));
        ContactKey key = startAndRun(expiryOf(2), null);
        Instant expiry = stored(key).expiry();
        assertEquals(Map.of(), backend.scheduler.expiries());

        Clock justAfter = Clock.fixed(expiry.plus(Reconcile.GRACE).minusSeconds(1), ZoneOffset.UTC);
        assertEquals(new Reconcile.Result(0, 0, 0, 0), backend.reconcile(justAfter).run());
        Clock later = Clock.fixed(expiry.plus(Reconcile.GRACE).plusSeconds(1), ZoneOffset.UTC);
        assertEquals(new Reconcile.Result(1, 0, 1, 0), backend.reconcile(later).run());
        assertEquals("EXPIRED", stored(key).disconnectReason());
        assertEquals(new Reconcile.Result(0, 0, 0, 0), backend.reconcile(later).run());
    }

    @Test
    void aStoppedTaskNeverExpires() {
        ContactKey key = startAndRun(expiryOf(1), null);
        Instant expiry = stored(key).expiry();
        backend.stopContact().stop(new StopRequest(key, false));
        assertEquals(Change.ALREADY_ENDED, expireAt(new ExpiryMessage(key, expiry), expiry));
        assertEquals("API", stored(key).disconnectReason());
    }
}
