package dev.connecttasks.operation;

import static dev.connecttasks.testing.ApiAssertions.assertApiError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.ScheduleChange;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.flow.StartMessage;
import dev.connecttasks.memory.MemoryBackend;
import dev.connecttasks.memory.MemoryScheduler.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** UpdateContactSchedule's order of work and its answers, on the in-memory ports. */
class UpdateContactScheduleTest {
    private final MemoryBackend backend = new MemoryBackend();
    private final UpdateContactSchedule operation = backend.updateContactSchedule();
    private final Instant inAnHour = backend.now().plus(Duration.ofHours(1));

    private ContactKey start(Instant scheduledTime) {
        String contactId = backend.startTaskContact().start(new TaskRequest(backend.instanceId, backend.flowId, "Call back",
                null, Map.of(), Map.of(), null, null, null, scheduledTime));
        return new ContactKey(backend.instanceId, contactId);
    }

    private Set<Instant> scheduledTimes() {
        return backend.scheduler.schedules().values().stream().map(Schedule::scheduledTime).collect(Collectors.toSet());
    }

    @Test
    void movesTheContactAndGivesItAScheduleThatLetsTheContactNameTheFlow() {
        ContactKey key = start(inAnHour);
        Instant later = inAnHour.plus(Duration.ofMinutes(30));
        operation.reschedule(new ScheduleChange(key, later));
        assertEquals(later, backend.describeContact().describe(key).scheduledAt());
        assertTrue(backend.scheduler.schedules().containsValue(new Schedule(key, later, null)));
        // the schedule for the old time starts nothing; the new one starts the flow
        backend.clock.set(later);
        assertEquals(StartOutcome.Refusal.SUPERSEDED,
                backend.runFlow().run(new StartMessage(key, backend.flowId, inAnHour)).refusal());
        assertTrue(backend.runFlow().run(new StartMessage(key, null, later)).claimed());
    }

    @Test
    void contactsThatAreNotScheduledOrHaveStartedAreInvalidRequestsAndKeepNoNewSchedule() {
        ContactKey immediate = start(null);
        assertApiError(ErrorType.INVALID_REQUEST, "not a scheduled task",
                () -> operation.reschedule(new ScheduleChange(immediate, inAnHour)));
        ContactKey scheduled = start(inAnHour);
        backend.clock.set(inAnHour);
        assertTrue(backend.runFlow().run(new StartMessage(scheduled, backend.flowId, inAnHour)).claimed());
        assertApiError(ErrorType.INVALID_REQUEST, "already started",
                () -> operation.reschedule(new ScheduleChange(scheduled, inAnHour.plusSeconds(60))));
        assertEquals(FlowStatus.STARTED, backend.describeContact().describe(scheduled).flowStatus());
        assertEquals(Set.of(inAnHour), scheduledTimes());
    }

    @Test
    void aRefusedMoveToTheTimeAlreadyScheduledKeepsThatSchedule() {
        Instant started = backend.now();
        ContactKey scheduled = start(inAnHour);
        backend.clock.set(inAnHour);
        backend.runFlow().run(new StartMessage(scheduled, backend.flowId, inAnHour));
        backend.clock.set(started);
        // the schedule was there before this request, so the refusal must not delete it
        assertApiError(ErrorType.INVALID_REQUEST, "already started",
                () -> operation.reschedule(new ScheduleChange(scheduled, inAnHour)));
        assertEquals(Set.of(inAnHour), scheduledTimes());
    }

    @Test
    void timesOutsideTheWindowAreInvalidParametersAndCreateNothing() {
        ContactKey key = start(inAnHour);
        assertApiError(ErrorType.INVALID_PARAMETER, "past",
                () -> operation.reschedule(new ScheduleChange(key, backend.now().minusSeconds(5))));
        assertApiError(ErrorType.INVALID_PARAMETER, "6 days", () -> operation.reschedule(
                new ScheduleChange(key, backend.now().plus(Duration.ofDays(6)).plusSeconds(60))));
        assertEquals(Set.of(inAnHour), scheduledTimes());
    }

    @Test
    void unknownContactsAreNotFoundAndLeaveNoSchedule() {
        ContactKey key = start(inAnHour);
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "no-such-contact", () -> operation.reschedule(
                new ScheduleChange(new ContactKey(backend.instanceId, "no-such-contact"), inAnHour)));
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, key.contactId(), () -> operation.reschedule(
                new ScheduleChange(new ContactKey("another-instance", key.contactId()), inAnHour.plusSeconds(5))));
        assertEquals(Set.of(inAnHour), scheduledTimes());
    }

    @Test
    void aScheduleQuotaIsALimitExceededExceptionAndMovesNothing() {
        ContactKey key = start(inAnHour);
        backend.scheduler.quota(1);
        assertApiError(ErrorType.LIMIT_EXCEEDED, "quota",
                () -> operation.reschedule(new ScheduleChange(key, inAnHour.plusSeconds(60))));
        assertEquals(inAnHour, backend.describeContact().describe(key).scheduledAt());
    }

    @Test
    void aFailedMoveDeletesItsNewScheduleAndKeepsItsError() {
        ContactKey key = start(inAnHour);
        RuntimeException throttled = new IllegalStateException("throttled");
        backend.contacts.failNextWrite(throttled);
        assertSame(throttled, assertThrows(RuntimeException.class,
                () -> operation.reschedule(new ScheduleChange(key, inAnHour.plusSeconds(60)))));
        assertEquals(Set.of(inAnHour), scheduledTimes());
    }
}
