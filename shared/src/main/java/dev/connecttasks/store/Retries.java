package dev.connecttasks.store;

import static dev.connecttasks.error.ApiException.throttled;

import java.util.concurrent.ThreadLocalRandom;

/**
 * How the store retries what DynamoDB asks it to retry (a transaction conflict or throttle, keys it
 * left unprocessed, an optimistic update that lost a race): at most {@link #MAX_ATTEMPTS} attempts,
 * with a jittered, doubling pause between them; past that, the caller gets a ThrottlingException and
 * its SDK retries later.
 */
final class Retries {
    static final int MAX_ATTEMPTS = 5;

    private Retries() {
    }

    /** Pauses after failed attempt {@code attempt} (1-based): up to 20, 40, 80, 160 ms. */
    static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10L << attempt, (20L << attempt) + 1) / 2);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw throttled("Interrupted while retrying; retry the request.");
        }
    }
}
