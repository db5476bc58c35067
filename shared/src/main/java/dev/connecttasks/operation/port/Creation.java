package dev.connecttasks.operation.port;

/**
 * What a creating write (a contact, an instance, a flow) came to: written, the ClientToken already held
 * by an earlier request, or nothing written for a reason of type {@code R}, which each writer names
 * and the operation turns into its answer.
 */
public sealed interface Creation<R extends Enum<R>> {

    static <R extends Enum<R>> Creation<R> created() {
        return new Created<>();
    }

    static <R extends Enum<R>> Creation<R> refused(R reason) {
        return new Refused<>(reason);
    }

    record Created<R extends Enum<R>>() implements Creation<R> {
    }

    /** A live earlier request holds the ClientToken: what it created, and its request's hash. */
    record TokenHeld<R extends Enum<R>>(IdempotencyRecord earlier) implements Creation<R> {
    }

    record Refused<R extends Enum<R>>(R reason) implements Creation<R> {
    }
}
