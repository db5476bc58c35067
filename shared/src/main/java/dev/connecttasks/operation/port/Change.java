package dev.connecttasks.operation.port;

/** What a change to an existing contact came to; only DONE wrote anything. */
public enum Change {
    DONE,
    /** No live contact has that key (never written, past its retention, or in another instance). */
    NO_SUCH_CONTACT,
    /** A reschedule of a contact whose flow has started. */
    FLOW_STARTED,
    /** A reschedule of a contact that is not a scheduled task. */
    NOT_SCHEDULED,
    /** A stop, or an expiry, of a contact that has already ended. */
    ALREADY_ENDED,
    /** An expiry that is no longer the contact's: UpdateContact moved it. */
    EXPIRY_MOVED
}
