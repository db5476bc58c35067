package dev.connecttasks.store;

/**
 * What a ClientToken resolved to: the id of what its request created (a contact, an instance) and a
 * hash of that request, to tell a retry from a reuse.
 */
public record IdempotencyRecord(String clientToken, String requestHash, String createdId) {
}
