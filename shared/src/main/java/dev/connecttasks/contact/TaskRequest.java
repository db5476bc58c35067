package dev.connecttasks.contact;

import java.time.Instant;
import java.util.Map;

/**
 * The members of a StartTaskContact request, parsed; optional members are null when absent (with a
 * TaskTemplateId, ContactFlowId and Name may be, until the template fills them).
 */
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
        SegmentAttributes segmentAttributes,
        String taskTemplateId) {

    public TaskRequest {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        references = references == null ? Map.of() : Map.copyOf(references);
        segmentAttributes = segmentAttributes == null ? SegmentAttributes.NONE : segmentAttributes;
    }

    /** A request without a task template. */
    public TaskRequest(String instanceId, String contactFlowId, String name, String description,
            Map<String, String> attributes, Map<String, Reference> references, String previousContactId,
            String relatedContactId, String clientToken, Instant scheduledTime, SegmentAttributes segmentAttributes) {
        this(instanceId, contactFlowId, name, description, attributes, references, previousContactId,
                relatedContactId, clientToken, scheduledTime, segmentAttributes, null);
    }

    /** A request without SegmentAttributes. */
    public TaskRequest(String instanceId, String contactFlowId, String name, String description,
            Map<String, String> attributes, Map<String, Reference> references, String previousContactId,
            String relatedContactId, String clientToken, Instant scheduledTime) {
        this(instanceId, contactFlowId, name, description, attributes, references, previousContactId,
                relatedContactId, clientToken, scheduledTime, SegmentAttributes.NONE);
    }

    /** This request with what its task template gave it: the flow, and the members filled from defaults. */
    public TaskRequest filled(String flowId, String filledName, String filledDescription,
            Map<String, Reference> filledReferences, SegmentAttributes filledSegmentAttributes) {
        return new TaskRequest(instanceId, flowId, filledName, filledDescription, attributes, filledReferences,
                previousContactId, relatedContactId, clientToken, scheduledTime, filledSegmentAttributes, taskTemplateId);
    }

    public boolean scheduled() {
        return scheduledTime != null;
    }
}
