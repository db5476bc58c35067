package dev.connecttasks.instance;

import java.time.Instant;
import java.util.Map;

/** An Amazon Connect instance: the scope of every contact and flow. Created ACTIVE, as nothing is provisioned. */
public record Instance(
        String id,
        String identityManagementType,
        String alias,
        String directoryId,
        boolean inboundCallsEnabled,
        boolean outboundCallsEnabled,
        Map<String, String> tags,
        Instant createdAt) {

    public Instance {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
