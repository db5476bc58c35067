package dev.connecttasks.store;

/** What a ClientToken resolved to: the contact it created and a hash of the request that created it. */
public record IdempotencyRecord(String clientToken, String requestHash, String contactId) {
}
