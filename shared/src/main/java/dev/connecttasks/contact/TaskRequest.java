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
        Instant scheduledTime) {

    public TaskRequest {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        references = references == null ? Map.of() : Map.copyOf(references);
    }

    public boolean scheduled() {
        return scheduledTime != null;
    }
}
