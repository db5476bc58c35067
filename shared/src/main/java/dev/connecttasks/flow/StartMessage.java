package dev.connecttasks.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

/**
 * The flow-runner's input: which contact to start, its flow when known (so contact and flow are read
 * together; a reschedule does not know it) and, for a scheduled task, the scheduled time this start belongs to (so a start for a superseded
 * schedule can be recognised). Scheduler sends it as the target input; an immediate task's start is
 * read from the table's stream instead.
 */
public record StartMessage(ContactKey key, String contactFlowId, Instant scheduledTime) {

    public String toJson() {
        ObjectNode node = Json.object()
                .put("InstanceId", key.instanceId())
                .put("ContactId", key.contactId());
        if (contactFlowId != null) {
            node.put("ContactFlowId", contactFlowId);
        }
        if (scheduledTime != null) {
            node.put("ScheduledTime", Json.epochSeconds(scheduledTime));
        }
        return Json.write(node);
    }

    /** Parses an input; a malformed one cannot ever start a flow, so it is reported, not retried. */
    public static StartMessage fromJson(InputStream input) throws IOException {
        return fromJson(Json.MAPPER.readTree(input));
    }

    public static StartMessage fromJson(JsonNode node) {
        if (node == null || !node.path("InstanceId").isTextual() || !node.path("ContactId").isTextual()) {
            throw new IllegalArgumentException("flow start input needs InstanceId and ContactId strings");
        }
        JsonNode scheduled = node.path("ScheduledTime");
        if (!scheduled.isMissingNode() && !scheduled.isNull() && !scheduled.isNumber()) {
            throw new IllegalArgumentException("ScheduledTime must be a number of epoch seconds");
        }
        return new StartMessage(
                new ContactKey(node.get("InstanceId").textValue(), node.get("ContactId").textValue()),
                node.path("ContactFlowId").isTextual() ? node.get("ContactFlowId").textValue() : null,
                scheduled.isNumber() ? Json.instant(scheduled.decimalValue()) : null);
    }
}
