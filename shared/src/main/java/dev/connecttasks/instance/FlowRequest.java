package dev.connecttasks.instance;

import java.util.Map;

/** The members of a CreateContactFlow request; Status defaults to PUBLISHED. */
public record FlowRequest(String instanceId, String name, String type, String description, String content,
        String status, Map<String, String> tags) {

    public FlowRequest {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        status = status == null ? ContactFlow.PUBLISHED : status;
    }
}
