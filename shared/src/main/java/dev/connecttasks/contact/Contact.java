package dev.connecttasks.contact;

import java.time.Instant;
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
}
