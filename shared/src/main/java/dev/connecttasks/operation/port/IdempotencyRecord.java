package dev.connecttasks.operation.port;

import java.time.Duration;

/**
 * What a ClientToken resolved to: the id of what its request created (a contact, an instance) and a
 * hash of that request, to tell a retry from a reuse.
 */
public record IdempotencyRecord(String clientToken, String requestHash, String createdId) {
    /** A ClientToken resolves to what it created for 24 hours. */
    public static final Duration LIFETIME = Duration.ofHours(24);
}
