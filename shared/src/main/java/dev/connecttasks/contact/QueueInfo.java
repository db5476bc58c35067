package dev.connecttasks.contact;

import java.time.Instant;

/** The queue a flow put the contact in, and when. */
public record QueueInfo(String queueId, Instant enqueuedAt) {
}
