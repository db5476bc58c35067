package dev.connecttasks.contact;

/** Where a contact's flow is in its life: waiting for its start, or started (at most once). */
public enum FlowStatus {
    /** Started at a future time by its schedule; UpdateContactSchedule may still move it. */
    SCHEDULED,
    /** Started now: the flow-runner has been invoked and has not claimed the contact yet. */
    PENDING,
    /** The flow-runner claimed the contact; nothing can start it again. */
    STARTED
}
