package dev.connecttasks.operation;

import static dev.connecttasks.testing.ApiAssertions.assertApiError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.Reference;
import dev.connecttasks.contact.ReferenceType;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.instance.FlowRequest;
import dev.connecttasks.instance.InstanceRequest;
import dev.connecttasks.memory.MemoryBackend;
import dev.connecttasks.memory.MemoryScheduler.Schedule;
import dev.connecttasks.operation.port.IdempotencyRecord;
import dev.connecttasks.testing.Flows;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** StartTaskContact's rules, links, idempotency and failure paths, on the in-memory ports. */
class StartTaskContactTest {
    private final MemoryBackend backend = new MemoryBackend();
    private final StartTaskContact operation = backend.startTaskContact();

    private TaskRequest task(String clientToken, Instant scheduledTime) {
        return new TaskRequest(backend.instanceId, backend.flowId, "Call back customer", "Re: order 42",
                Map.of("orderId", "42"), Map.of("Order", new Reference(ReferenceType.URL, "https://crm.example.com/42")),
                null, null, clientToken, scheduledTime);
    }

    private TaskRequest task() {
        return task(UUID.randomUUID().toString(), null);
    }

    private TaskRequest linked(String previousContactId, String relatedContactId, Map<String, String> attributes) {
        return new TaskRequest(backend.instanceId, backend.flowId, "Follow up", null, attributes, Map.of(),
                previousContactId, relatedContactId, null, null);
    }

    private Contact stored(String contactId) {
        return backend.describeContact().describe(new ContactKey(backend.instanceId, contactId));
    }

    private Instant inAnHour() {
        return backend.now().plus(Duration.ofHours(1));
    }

    @Test
    void aTaskStartedNowIsOnePendingContactWhoseArrivalStartsIt() {
        String contactId = operation.start(task());
        Contact contact = stored(contactId);
        assertEquals(FlowStatus.PENDING, contact.flowStatus());
        assertEquals(backend.now(), contact.initiatedAt());
        assertEquals(1, backend.contacts.size());
        assertEquals(Map.of(), backend.scheduler.schedules());
    }

    @Test
    void aScheduledTaskGetsOneScheduleNamingItsFlowAndNoStart() {
        Instant at = inAnHour();
        String contactId = operation.start(task(null, at));
        assertEquals(FlowStatus.SCHEDULED, stored(contactId).flowStatus());
        assertEquals(List.of(new Schedule(new ContactKey(backend.instanceId, contactId), at, backend.flowId)),
                List.copyOf(backend.scheduler.schedules().values()));
    }

    @Test
    void aScheduleQuotaIsAServiceQuotaExceededExceptionAndWritesNothing() {
        backend.scheduler.quota(0);
        assertApiError(ErrorType.SERVICE_QUOTA_EXCEEDED, "quota", () -> operation.start(task(null, inAnHour())));
        assertEquals(0, backend.contacts.size());
    }

    @Test
    void aReplayReturnsTheFirstContactAndWritesNothing() {
        TaskRequest request = task();
        String first = operation.start(request);
        long revision = backend.contacts.revision(new ContactKey(backend.instanceId, first));
        assertEquals(first, operation.start(request));
        assertEquals(1, backend.contacts.size());
        assertEquals(revision, backend.contacts.revision(new ContactKey(backend.instanceId, first)));
    }

    @Test
    void aReplayOfAScheduledStartLeavesOneSchedule() {
        TaskRequest request = task(UUID.randomUUID().toString(), inAnHour());
        String first = operation.start(request);
        assertEquals(first, operation.start(request));
        assertEquals(1, backend.contacts.size());
        assertEquals(1, backend.scheduler.schedules().size());
    }

    @Test
    void aReplayWhoseExtraScheduleCannotBeDeletedStillSucceeds() {
        TaskRequest request = task(UUID.randomUUID().toString(), inAnHour());
        String first = operation.start(request);
        backend.scheduler.failDeletes(new IllegalStateException("scheduler unavailable"));
        assertEquals(first, operation.start(request));
    }

    @Test
    void aClientTokenReusedWithOtherParametersIsAnInvalidRequest() {
        TaskRequest request = task();
        operation.start(request);
        TaskRequest other = new TaskRequest(request.instanceId(), request.contactFlowId(), "Something else",
                request.description(), request.attributes(), request.references(), null, null, request.clientToken(), null);
        assertApiError(ErrorType.INVALID_REQUEST, "already used with different parameters", () -> operation.start(other));
        assertEquals(1, backend.contacts.size());
    }

    @Test
    void aClientTokenIsFreeAgainAfter24Hours() {
        TaskRequest request = task();
        String first = operation.start(request);
        backend.clock.advance(IdempotencyRecord.LIFETIME);
        assertNotEquals(first, operation.start(request));
    }

    @Test
    void previousContactsChainToTheInitialContact() {
        String first = operation.start(task());
        String second = operation.start(linked(first, null, Map.of()));
        String third = operation.start(linked(second, null, Map.of()));
        assertEquals(first, stored(second).initialContactId());
        assertEquals(first, stored(third).initialContactId());
        assertEquals(second, stored(third).previousContactId());
    }

    @Test
    void aRelatedContactsAttributesAreCopiedUnderTheTasksOwn() {
        String related = operation.start(linked(null, null, Map.of("orderId", "41", "customer", "c-7")));
        Contact contact = stored(operation.start(linked(null, related, Map.of("orderId", "42"))));
        assertEquals(related, contact.relatedContactId());
        assertEquals(Map.of("orderId", "42", "customer", "c-7"), contact.attributes());
    }

    @Test
    void copiedAttributesStillKeepTheCap() {
        String related = operation.start(linked(null, null, Map.of("a", "x".repeat(20_000))));
        assertApiError(ErrorType.INVALID_PARAMETER, "32768",
                () -> operation.start(linked(null, related, Map.of("b", "y".repeat(20_000)))));
        assertEquals(1, backend.contacts.size());
    }

    @Test
    void unknownLinkedContactsAreNotFoundNamingTheirMember() {
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "PreviousContactId nope", () -> operation.start(linked("nope", null, Map.of())));
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "RelatedContactId nope", () -> operation.start(linked(null, "nope", Map.of())));
        String otherInstance = backend.createInstance().create(new InstanceRequest(null, "CONNECT_MANAGED", "other",
                null, true, false, Map.of()));
        String otherQueue = backend.createQueue(otherInstance, "Support", null);
        String otherFlow = backend.createContactFlow().create(new FlowRequest(otherInstance, "Demo", "CONTACT_FLOW", null,
                Flows.demoTaskInQueue(otherQueue), null, Map.of()));
        String elsewhere = operation.start(new TaskRequest(otherInstance, otherFlow, "n", null, null, null, null, null,
                null, null));
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "PreviousContactId", () -> operation.start(linked(elsewhere, null, Map.of())));
        assertEquals(1, backend.contacts.size());
    }

    @Test
    void unknownInstancesAndFlowsAreNotFoundAndSavedFlowsCannotStartTasks() {
        TaskRequest request = task();
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "Instance no-such-instance was not found.", () -> operation.start(
                new TaskRequest("no-such-instance", backend.flowId, "n", null, null, null, null, null, null, null)));
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "ContactFlowId no-such-flow was not found", () -> operation.start(
                new TaskRequest(backend.instanceId, "no-such-flow", "n", null, null, null, null, null, null, null)));
        String draft = backend.createContactFlow().create(new FlowRequest(backend.instanceId, "Draft", "CONTACT_FLOW", null, "{}",
                ContactFlow.SAVED, Map.of()));
        assertApiError(ErrorType.INVALID_PARAMETER, "not published", () -> operation.start(
                new TaskRequest(backend.instanceId, draft, "n", null, null, null, null, null, null, null)));
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "ContactFlowId no-such-flow", () -> operation.start(
                new TaskRequest(backend.instanceId, "no-such-flow", "n", null, null, null, null, null, null, inAnHour())));
        assertEquals(0, backend.contacts.size());
        assertEquals(Map.of(), backend.scheduler.schedules());
    }

    @Test
    void brokenRulesAreInvalidParametersAndTouchNothing() {
        assertApiError(ErrorType.INVALID_PARAMETER, "ScheduledTime must not be in the past",
                () -> operation.start(task(null, backend.now().minusSeconds(60))));
        assertApiError(ErrorType.INVALID_PARAMETER, "6 days",
                () -> operation.start(task(null, backend.now().plus(Duration.ofDays(7)))));
        assertApiError(ErrorType.INVALID_PARAMETER, "Attributes key 'order id'",
                () -> operation.start(linked(null, null, Map.of("order id", "42"))));
        assertEquals(0, backend.contacts.size());
        assertEquals(Map.of(), backend.scheduler.schedules());
    }

    @Test
    void aThirteenthTaskOnOnePreviousContactExceedsTheQuota() {
        String previous = operation.start(task());
        for (int i = 0; i < 12; i++) {
            operation.start(linked(previous, null, Map.of()));
        }
        assertApiError(ErrorType.SERVICE_QUOTA_EXCEEDED, "12 tasks", () -> operation.start(linked(previous, null, Map.of())));
        assertEquals(13, backend.contacts.size());
    }

    @Test
    void whenTheScheduleCannotBeCreatedNothingIsWritten() {
        backend.scheduler.failCreates(new IllegalStateException("connection reset"));
        assertThrows(IllegalStateException.class, () -> operation.start(task(null, inAnHour())));
        assertEquals(0, backend.contacts.size());
    }

    @Test
    void whenTheWriteFailsTheNewScheduleIsDeleted() {
        RuntimeException throttled = new IllegalStateException("throttled");
        backend.contacts.failNextWrite(throttled);
        assertSame(throttled, assertThrows(RuntimeException.class, () -> operation.start(task(null, inAnHour()))));
        assertEquals(Map.of(), backend.scheduler.schedules());
    }

    @Test
    void aDeleteThatFailsAfterAFailedWriteKeepsTheWritesError() {
        RuntimeException throttled = new IllegalStateException("throttled");
        RuntimeException unavailable = new IllegalStateException("scheduler unavailable");
        backend.contacts.failNextWrite(throttled);
        backend.scheduler.failDeletes(unavailable);
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> operation.start(task(null, inAnHour())));
        assertSame(throttled, thrown);
        assertEquals(List.of(unavailable), List.of(thrown.getSuppressed()));
    }
}
