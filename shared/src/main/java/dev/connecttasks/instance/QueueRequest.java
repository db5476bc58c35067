package dev.connecttasks.instance;

import java.util.Map;

/**
 * The members of a CreateQueue request; optional members are null when absent. {@code unsupported}
 * names a member the model has that this service refuses (OutboundCallerConfig and the like), or is null.
 */
public record QueueRequest(String instanceId, String name, String description, String hoursOfOperationId,
        Integer maxContacts, Map<String, String> tags, String unsupported) {

    public QueueRequest {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
