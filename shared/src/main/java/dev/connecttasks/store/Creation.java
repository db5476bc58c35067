package dev.connecttasks.store;

/**
 * What StartTaskContact's transaction came to: the contact written, the ClientToken already held by
 * an earlier request, or nothing written for a reason the caller turns into its answer.
 */
public sealed interface Creation {
    Creation CREATED = new Created();

    record Created() implements Creation {
    }

    /** A live earlier request holds the ClientToken: what it created, and its request's hash. */
    record TokenHeld(IdempotencyRecord earlier) implements Creation {
    }

    enum Refused implements Creation {
        INSTANCE_MISSING,
        FLOW_MISSING,
        /** The flow exists but is saved, not published. */
        FLOW_NOT_PUBLISHED,
        PREVIOUS_MISSING,
        /** The previous contact already has the most tasks linked to it. */
        PREVIOUS_AT_CAPACITY
    }
}
