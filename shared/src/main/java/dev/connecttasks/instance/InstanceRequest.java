package dev.connecttasks.instance;

import java.util.Map;

/** The members of a CreateInstance request; optional members are null when absent. */
public record InstanceRequest(
        String clientToken,
        String identityManagementType,
        String alias,
        String directoryId,
        boolean inboundCallsEnabled,
        boolean outboundCallsEnabled,
        Map<String, String> tags) {

    public InstanceRequest {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
