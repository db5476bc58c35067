package dev.connecttasks.contact;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A task contact as stored. Optional members are null when absent; the maps are never null.
 * Timestamps carry millisecond precision. {@code targetQueueId} is the queue a transfer named, which the
 * contact's flow starts with as its target queue. {@code taskTemplate} is the template a task was started
 * from, or null.
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
        Instant disconnectedAt,
        String disconnectReason,
        Map<String, String> tags,
        SegmentAttributes segmentAttributes,
        String initiationMethod,
        String targetQueueId,
        TaskTemplateInfo taskTemplate) {
    /** How a task began: StartTaskContact, or a transfer (TransferContact, a flow's transfer). */
    public static final String API = "API";
    public static final String TRANSFER = "TRANSFER";
    private static final int RETENTION_MONTHS = 24;

    public Contact {
        attributes = Map.copyOf(attributes);
        references = Map.copyOf(references);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        segmentAttributes = segmentAttributes == null ? SegmentAttributes.NONE : segmentAttributes;
        initiationMethod = initiationMethod == null ? API : initiationMethod;
    }

    /** A contact started from no task template. */
    public Contact(ContactKey key, String contactFlowId, String name, String description, Map<String, String> attributes,
            Map<String, Reference> references, String previousContactId, String initialContactId,
            String relatedContactId, Instant initiatedAt, Instant lastUpdatedAt, Instant scheduledAt,
            FlowStatus flowStatus, Instant flowStartedAt, QueueInfo queue, Instant disconnectedAt,
            String disconnectReason, Map<String, String> tags, SegmentAttributes segmentAttributes,
            String initiationMethod, String targetQueueId) {
        this(key, contactFlowId, name, description, attributes, references, previousContactId, initialContactId,
                relatedContactId, initiatedAt, lastUpdatedAt, scheduledAt, flowStatus, flowStartedAt, queue,
                disconnectedAt, disconnectReason, tags, segmentAttributes, initiationMethod, targetQueueId, null);
    }

    /** A contact without tags (as StartTaskContact creates one). */
    public Contact(ContactKey key, String contactFlowId, String name, String description, Map<String, String> attributes,
            Map<String, Reference> references, String previousContactId, String initialContactId,
            String relatedContactId, Instant initiatedAt, Instant lastUpdatedAt, Instant scheduledAt,
            FlowStatus flowStatus, Instant flowStartedAt, QueueInfo queue, Instant disconnectedAt) {
        this(key, contactFlowId, name, description, attributes, references, previousContactId, initialContactId,
                relatedContactId, initiatedAt, lastUpdatedAt, scheduledAt, flowStatus, flowStartedAt, queue,
                disconnectedAt, null, Map.of(), SegmentAttributes.NONE, API, null, null);
    }

    /** Whether the contact has ended (its flow disconnected it, or StopContact did): nothing can start it. */
    public boolean ended() {
        return disconnectedAt != null;
    }

    /**
     * When the contact expires unless it ends first: its expiry after the start of its flow (its
     * scheduled time, or its initiation).
     */
    public Instant expiry() {
        return expiryWith(segmentAttributes);
    }

    /** The expiry the contact would have with these segment attributes. */
    public Instant expiryWith(SegmentAttributes attributes) {
        return (scheduledAt != null ? scheduledAt : initiatedAt).plus(attributes.expiry());
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
