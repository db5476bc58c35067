package dev.connecttasks.operation.port;

import dev.connecttasks.contact.ContactKey;
import java.time.Instant;

/**
 * One-shot starts of a task's flow at its scheduled time. A schedule belongs to one (contact, time)
 * pair, so creating it twice is harmless and one left behind by a reschedule starts nothing.
 */
public interface TaskScheduler {

    /** What creating a schedule came to. */
    enum Outcome {
        CREATED,
        /** A schedule for the same contact at the same time was there already. */
        ALREADY_THERE,
        /** The account's schedule quota is reached; nothing was created. */
        QUOTA_REACHED
    }

    /** {@code contactFlowId} may be null: the flow-runner then takes the contact's. */
    Outcome create(ContactKey key, String contactFlowId, Instant scheduledTime);

    /**
     * A one-shot schedule that tells the flow-runner the contact's expiry has come; one per (contact,
     * expiry), like a start's.
     */
    Outcome createExpiry(ContactKey key, Instant expiry);

    /** Deletes the schedule; one that is already gone (fired, or never created) is fine. */
    void delete(ContactKey key, Instant scheduledTime);
}
