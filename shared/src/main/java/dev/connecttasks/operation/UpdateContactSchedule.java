package dev.connecttasks.operation;

import static dev.connecttasks.error.ApiException.invalidRequest;

import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.contact.ScheduleChange;
import dev.connecttasks.error.ApiException;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.operation.port.Change;
import dev.connecttasks.operation.port.ContactStore;
import dev.connecttasks.operation.port.TaskScheduler;
import java.time.Clock;
import java.time.Instant;

/**
 * UpdateContactSchedule. The schedule for the new time is created before the contact moves, so a
 * contact waiting for a time always has a schedule for it; the schedule for the old time then fires
 * into a no-op, because the flow-runner starts only the time the contact waits for. (Not reading the
 * contact first, the new schedule's input does not name the flow; the flow-runner then reads it.)
 */
public final class UpdateContactSchedule {
    private final ContactStore contacts;
    private final TaskScheduler schedules;
    private final Clock clock;

    public UpdateContactSchedule(ContactStore contacts, TaskScheduler schedules, Clock clock) {
        this.contacts = contacts;
        this.schedules = schedules;
        this.clock = clock;
    }

    public void reschedule(ScheduleChange change) {
        ContactKey key = change.key();
        Instant now = Clocks.now(clock);
        ContactRules.checkKey(key);
        ContactRules.checkScheduledTime(change.scheduledTime(), now);
        TaskScheduler.Outcome outcome = schedules.create(key, null, change.scheduledTime());
        if (outcome == TaskScheduler.Outcome.QUOTA_REACHED) {
            // UpdateContactSchedule's model names this LimitExceededException (429), not a 402
            throw new ApiException(ErrorType.LIMIT_EXCEEDED, "The quota of scheduled tasks has been reached; try again later.");
        }
        boolean created = outcome == TaskScheduler.Outcome.CREATED;
        try {
            Change rescheduled = contacts.reschedule(key, change.scheduledTime(), now);
            if (rescheduled != Change.DONE) {
                throw switch (rescheduled) {
                    case FLOW_STARTED -> invalidRequest("The flow of contact " + key.contactId() + " has already started.");
                    case NOT_SCHEDULED -> invalidRequest("Contact " + key.contactId() + " is not a scheduled task.");
                    default -> NotFound.contact(key);
                };
            }
        } catch (RuntimeException e) {
            if (created) {
                Cleanup.quietly(() -> schedules.delete(key, change.scheduledTime()), e);
            }
            throw e;
        }
    }
}
