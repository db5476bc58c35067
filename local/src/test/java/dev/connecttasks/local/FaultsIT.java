package dev.connecttasks.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.ScheduleChange;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.error.ApiException;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.flow.StartMessage;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.operation.StartFlow;
import dev.connecttasks.operation.StartOutcome;
import dev.connecttasks.testing.Emulator;
import dev.connecttasks.testing.TestBackend;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;
import software.amazon.awssdk.services.scheduler.model.ThrottlingException;

/**
 * Faults injected through SDK execution interceptors: downstream failures and throttles after (or
 * before) the contact's write, a process that dies between two steps, late and duplicate deliveries.
 * After each, the invariants of "The flow run" hold: every contact has a way to start (a schedule for
 * its time, or an invoke), none starts twice, and a retry with the same ClientToken neither loses
 * nor duplicates a task.
 */
class FaultsIT {
    private static final String INSTANCE = DemoInstance.INSTANCE_ID;
    private static final String FLOW = DemoInstance.FLOW_ID;
    private TestBackend backend;
    /** How many times each contact's flow was started by any delivery: never more than once. */
    private final Map<String, Integer> starts = new HashMap<>();

    @BeforeEach
    void wire() {
        backend = TestBackend.create();
    }

    private static TaskRequest task(String clientToken, Instant scheduledTime) {
        return new TaskRequest(INSTANCE, FLOW, "Call back", null, Map.of("orderId", "42"), Map.of(), null, null,
                clientToken, scheduledTime);
    }

    private static Supplier<RuntimeException> throttle(String code) {
        return switch (code) {
            case "Lambda" -> () -> TooManyRequestsException.builder().statusCode(429)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("TooManyRequestsException").build()).build();
            case "Scheduler" -> () -> ThrottlingException.builder().statusCode(429)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build()).build();
            default -> () -> ProvisionedThroughputExceededException.builder().statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build())
                    .build();
        };
    }

    private static Supplier<RuntimeException> death() {
        return () -> SdkClientException.create("the process died here");
    }

    /** The error class the caller would see (as HttpApi maps it). */
    private static ErrorType failure(Runnable call) {
        try {
            call.run();
        } catch (ApiException e) {
            return e.type();
        } catch (AwsServiceException e) {
            return e.isThrottlingException() ? ErrorType.THROTTLING : ErrorType.INTERNAL;
        } catch (RuntimeException e) {
            return ErrorType.INTERNAL;
        }
        throw new AssertionError("the call did not fail");
    }

    /** Delivers a flow start as the flow-runner receives it, and counts the starts. */
    private String deliver(String input) throws Exception {
        StartOutcome claim = backend.runFlowWhenDue().run(StartMessage.fromJson(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8))));
        if (claim.claimed()) {
            starts.merge(claim.contact().id(), 1, Integer::sum);
            return "STARTED";
        }
        return claim.refusal().name();
    }

    /** What Scheduler does when the schedules come due: deliver each one's input, then delete it. */
    private List<String> fireSchedules() throws Exception {
        List<String> outcomes = new ArrayList<>();
        for (ScheduleSummary summary : Emulator.scheduler().listSchedulesPaginator(list -> list
                .groupName(backend.settings.scheduleGroup())).schedules()) {
            GetScheduleResponse schedule = Emulator.scheduler().getSchedule(get -> get
                    .groupName(backend.settings.scheduleGroup()).name(summary.name()));
            try {
                outcomes.add(deliver(schedule.target().input()));
            } catch (StartFlow.NotYet tooSoon) {
                outcomes.add("NOT_YET");
            }
            Emulator.scheduler().deleteSchedule(delete -> delete.groupName(backend.settings.scheduleGroup())
                    .name(summary.name()));
        }
        return outcomes;
    }

    /** What the stream's event source mapping makes the flow-runner start, for the records so far. */
    private List<String> deliverStreamedStarts() throws Exception {
        List<String> outcomes = new ArrayList<>();
        for (String payload : backend.streamedStarts()) {
            outcomes.add(deliver(payload));
        }
        return outcomes;
    }

    private List<Map<String, AttributeValue>> contacts() {
        return backend.contactItems();
    }

    private Contact stored(String contactId) {
        return backend.table.find(new ContactKey(INSTANCE, contactId), Instant.now()).orElseThrow();
    }

    /** Every waiting contact has its start coming: a schedule for its exact time, or its record on the stream. */
    private void assertEveryContactCanStart() {
        for (Map<String, AttributeValue> item : contacts()) {
            String contactId = item.get("pk").s().substring(2);
            Contact contact = stored(contactId);
            if (contact.flowStatus() == FlowStatus.SCHEDULED) {
                assertTrue(backend.scheduleNames().contains(
                        dev.connecttasks.schedule.TaskSchedules.name(contact.key(), contact.scheduledAt())), contactId);
            } else if (contact.flowStatus() == FlowStatus.PENDING) {
                assertTrue(backend.streamedStarts().stream().anyMatch(payload -> payload.contains(contactId)), contactId);
            }
        }
        starts.forEach((contactId, count) -> assertEquals(1, count, contactId + " started " + count + " times"));
    }

    @Test
    void aProcessThatDiesAfterTheWriteLeavesATaskThatTheStreamStartsOnce() throws Exception {
        String token = UUID.randomUUID().toString();
        backend.calls.loseAnswers("TransactWriteItems", 3, death());
        assertEquals(ErrorType.INTERNAL, failure(() -> backend.startTaskContact().start(task(token, null))));
        assertEquals(1, contacts().size());
        backend.calls.clear();
        // the caller's retry with its ClientToken finds the same contact; the stream starts it once
        String contactId = backend.startTaskContact().start(task(token, null));
        assertEquals(List.of("STARTED"), deliverStreamedStarts());
        assertEquals(FlowStatus.STARTED, stored(contactId).flowStatus());
        assertEquals(1, contacts().size());
        assertEveryContactCanStart();
    }

    @Test
    void withoutAClientTokenEachAttemptThatWroteIsATaskAndEachStartsOnce() throws Exception {
        backend.calls.loseAnswers("TransactWriteItems", 3, death());
        assertEquals(ErrorType.INTERNAL, failure(() -> backend.startTaskContact().start(task(null, null))));
        backend.calls.clear();
        backend.startTaskContact().start(task(null, null));
        assertEquals(2, contacts().size());
        assertEquals(List.of("STARTED", "STARTED"), deliverStreamedStarts());
        assertEquals(List.of("ALREADY_STARTED", "ALREADY_STARTED"), deliverStreamedStarts());
        assertEveryContactCanStart();
    }

    @Test
    void aReplayedScheduledStartSucceedsEvenWhenItsExtraScheduleCannotBeDeleted() throws Exception {
        String token = UUID.randomUUID().toString();
        Instant at = Instant.now().plus(Duration.ofHours(1));
        String contactId = backend.startTaskContact().start(task(token, at));
        backend.calls.fail("DeleteSchedule", 100, death());
        assertEquals(contactId, backend.startTaskContact().start(task(token, at)));
        backend.calls.clear();
        assertEquals(1, contacts().size());
        assertEveryContactCanStart();
    }

    @Test
    void aThrottledScheduleLeavesNothingAndTheRetrySchedulesOnce() throws Exception {
        String token = UUID.randomUUID().toString();
        Instant at = Instant.now().plus(Duration.ofHours(1));
        backend.calls.fail("CreateSchedule", 100, throttle("Scheduler"));
        assertEquals(ErrorType.THROTTLING, failure(() -> backend.startTaskContact().start(task(token, at))));
        assertEquals(0, contacts().size());
        assertEquals(List.of(), backend.scheduleNames());
        backend.calls.clear();
        backend.startTaskContact().start(task(token, at));
        assertEquals(1, backend.scheduleNames().size());
        assertEveryContactCanStart();
        assertEquals(List.of("STARTED"), fireSchedules());
        assertEveryContactCanStart();
    }

    @Test
    void aThrottledTableAfterTheScheduleRemovesTheScheduleAndAnswers429() throws Exception {
        String token = UUID.randomUUID().toString();
        Instant at = Instant.now().plus(Duration.ofHours(1));
        backend.calls.fail("TransactWriteItems", 100, throttle("DynamoDb"));
        assertEquals(ErrorType.THROTTLING, failure(() -> backend.startTaskContact().start(task(token, at))));
        assertEquals(0, contacts().size());
        assertEquals(List.of(), backend.scheduleNames());
        backend.calls.clear();
        backend.startTaskContact().start(task(token, at));
        assertEquals(List.of("STARTED"), fireSchedules());
        assertEveryContactCanStart();
    }

    @Test
    void aProcessThatDiesBetweenScheduleAndWriteLeavesAScheduleThatStartsNothing() throws Exception {
        String token = UUID.randomUUID().toString();
        Instant at = Instant.now().plus(Duration.ofHours(1));
        backend.calls.fail("TransactWriteItems", 1, death());
        backend.calls.fail("DeleteSchedule", 100, death());
        assertEquals(ErrorType.INTERNAL, failure(() -> backend.startTaskContact().start(task(token, at))));
        assertEquals(0, contacts().size());
        assertEquals(1, backend.scheduleNames().size());
        backend.calls.clear();
        String contactId = backend.startTaskContact().start(task(token, at));
        // the orphan's start finds no contact and is thrown (Lambda retries it, then gives it to the
        // on-failure queue); the retry's schedule starts the task, once
        List<String> outcomes = fireSchedules();
        assertEquals(2, outcomes.size());
        assertTrue(outcomes.containsAll(List.of("NOT_YET", "STARTED")), outcomes.toString());
        assertEquals(FlowStatus.STARTED, stored(contactId).flowStatus());
        assertEveryContactCanStart();
    }

    @Test
    void aFailedRescheduleKeepsTheOldTimeAndItsSchedule() throws Exception {
        Instant at = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        String contactId = backend.startTaskContact().start(task(null, at));
        backend.calls.fail("UpdateItem", 100, throttle("DynamoDb"));
        assertEquals(ErrorType.THROTTLING, failure(() -> backend.updateContactSchedule()
                .reschedule(new ScheduleChange(new ContactKey(INSTANCE, contactId), at.plusSeconds(600)))));
        backend.calls.clear();
        assertEquals(at, stored(contactId).scheduledAt());
        assertEquals(1, backend.scheduleNames().size());
        assertEveryContactCanStart();
        assertEquals(List.of("STARTED"), fireSchedules());
        assertEveryContactCanStart();
    }

    @Test
    void aProcessThatDiesMidRescheduleStartsTheTaskOnceAtTheOldTime() throws Exception {
        Instant at = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        String contactId = backend.startTaskContact().start(task(null, at));
        backend.calls.fail("UpdateItem", 1, death());
        backend.calls.fail("DeleteSchedule", 100, death());
        assertEquals(ErrorType.INTERNAL, failure(() -> backend.updateContactSchedule()
                .reschedule(new ScheduleChange(new ContactKey(INSTANCE, contactId), at.plusSeconds(600)))));
        backend.calls.clear();
        assertEquals(2, backend.scheduleNames().size());
        assertEveryContactCanStart();
        List<String> outcomes = fireSchedules();
        assertTrue(outcomes.containsAll(List.of("STARTED", "SUPERSEDED")), outcomes.toString());
        assertEquals(at, stored(contactId).scheduledAt());
        assertEveryContactCanStart();
    }

    @Test
    void repeatedDeliveriesOfOneScheduleStartOnce() throws Exception {
        Instant at = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
        String contactId = backend.startTaskContact().start(task(null, at));
        String input = new StartMessage(new ContactKey(INSTANCE, contactId), FLOW, at).toJson();
        assertEquals("STARTED", deliver(input));
        assertEquals("ALREADY_STARTED", deliver(input));
        assertEquals("ALREADY_STARTED", deliver(input));
        assertEveryContactCanStart();
    }

    @Test
    void aFlowRunWhoseWriteFailsHasNoEffectAndItsRetryStartsOnce() throws Exception {
        String contactId = backend.startTaskContact().start(task(null, null));
        String input = backend.streamedStarts().get(0);
        backend.calls.fail("UpdateItem", 100, throttle("DynamoDb"));
        assertThrows(RuntimeException.class, () -> deliver(input));
        backend.calls.clear();
        assertEquals(FlowStatus.PENDING, stored(contactId).flowStatus());
        assertEquals("STARTED", deliver(input));
        assertEveryContactCanStart();
    }

    @Test
    void aPersistentlyThrottledTableIsA429OnReadsAndWrites() {
        String contactId = backend.startTaskContact().start(task(null, null));
        backend.calls.fail("GetItem", 100, throttle("DynamoDb"));
        backend.calls.fail("UpdateItem", 100, throttle("DynamoDb"));
        assertEquals(ErrorType.THROTTLING, failure(() -> backend.describeContact().describe(new ContactKey(INSTANCE, contactId))));
        assertEquals(ErrorType.THROTTLING, failure(() -> backend.updateContact().update(new ContactKey(INSTANCE, contactId),
                new dev.connecttasks.contact.ContactChanges("n", null, Map.of()))));
        backend.calls.clear();
        assertEquals("Call back", stored(contactId).name());
    }
}
