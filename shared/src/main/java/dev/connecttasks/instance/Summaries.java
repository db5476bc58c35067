package dev.connecttasks.instance;

import java.time.Instant;

/** What a listing shows of each queue, flow and instance: the members of Connect's summary shapes. */
public final class Summaries {
    private Summaries() {
    }

    public record QueueSummary(String instanceId, String id, String name, String queueType, Instant lastModifiedAt) {
    }

    public record FlowSummary(String instanceId, String id, String name, String type, String status) {
    }

    public record InstanceSummary(String id, String identityManagementType, String alias, Instant createdAt,
            boolean inboundCallsEnabled, boolean outboundCallsEnabled) {
    }
}
