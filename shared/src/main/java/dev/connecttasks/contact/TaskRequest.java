package dev.connecttasks.contact;

import java.time.Instant;
import java.util.Map;

/** The members of a StartTaskContact request, parsed; optional members are null when absent. */
public record TaskRequest(
        String instanceId,
        String contactFlowId,
        String name,
        String description,
        Map<String, String> attributes,
        Map<String, Reference> references,
        String previousContactId,
        String relatedContactId,
        String clientToken,
        Instant scheduledTime,
        SegmentAttributes segmentAttributes) {

    public TaskRequest {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        references = references == null ? Map.of() : Map.copyOf(references);
        segmentAttributes = segmentAttributes == null ? SegmentAttributes.NONE : segmentAttributes;
    }

    /** A request without SegmentAttributes. */
    public TaskRequest(String instanceId, String contactFlowId, String name, String description,
            Map<String, String> attributes, Map<String, Reference> references, String previousContactId,
            String relatedContactId, String clientToken, Instant scheduledTime) {
        this(instanceId, contactFlowId, name, description, attributes, references, previousContactId,
                relatedContactId, clientToken, scheduledTime, SegmentAttributes.NONE);
    }

    public boolean scheduled() {
        return scheduledTime != null;
    }
}
