package dev.connecttasks.operation.port;

/**
 * What a creating transaction (a contact, an instance, a flow) came to: written, the ClientToken
 * already held by an earlier request, or nothing written for a reason the caller turns into its answer.
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
        PREVIOUS_AT_CAPACITY,
        /** Another instance has the alias (ignoring case). */
        ALIAS_TAKEN,
        /** Another flow of the instance has the name. */
        NAME_TAKEN
    }
}
