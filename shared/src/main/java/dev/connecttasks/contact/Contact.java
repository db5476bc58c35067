package dev.connecttasks.contact;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A task contact as stored. Optional members are null when absent; the maps are never null.
 * Timestamps carry millisecond precision.
 */
public record Contact(
        ContactKey key,
        String contactFlowId,
        String name,
        String description,
        Map<String, String> attributes,
        Map<String, Reference> references,
        String previousContactId,
        String initialContactId,
        String relatedContactId,
        Instant initiatedAt,
        Instant lastUpdatedAt,
        Instant scheduledAt,
        FlowStatus flowStatus,
        Instant flowStartedAt,
        QueueInfo queue,
        Instant disconnectedAt) {
    private static final int RETENTION_MONTHS = 24;

    public Contact {
        attributes = Map.copyOf(attributes);
        references = Map.copyOf(references);
    }

    public String instanceId() {
        return key.instanceId();
    }

    public String id() {
        return key.contactId();
    }

    /** A contact is kept for 24 months after it was initiated, then it is gone. */
    public Instant retainedUntil() {
        return initiatedAt.atOffset(ZoneOffset.UTC).plusMonths(RETENTION_MONTHS).toInstant();
    }
}
