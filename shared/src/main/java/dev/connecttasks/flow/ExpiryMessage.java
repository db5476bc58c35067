package dev.connecttasks.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.json.Json;
import java.time.Instant;

/**
 * The flow-runner's other input: a contact's expiry has come. It carries the expiry it belongs to, so a
 * schedule left behind when UpdateContact moved the expiry is recognised and changes nothing.
 */
public record ExpiryMessage(ContactKey key, Instant expiry) {
    static final String EXPIRY = "Expiry";

    public String toJson() {
        return Json.write(Json.object()
                .put("InstanceId", key.instanceId())
                .put("ContactId", key.contactId())
                .put(EXPIRY, Json.epochSeconds(expiry)));
    }

    /** Whether a flow-runner input is an expiry rather than a start. */
    public static boolean isExpiry(JsonNode node) {
        return node != null && node.has(EXPIRY);
    }

    public static ExpiryMessage fromJson(JsonNode node) {
        if (!node.path("InstanceId").isTextual() || !node.path("ContactId").isTextual() || !node.get(EXPIRY).isNumber()) {
            throw new IllegalArgumentException("an expiry input needs InstanceId and ContactId strings and Expiry epoch seconds");
        }
        return new ExpiryMessage(new ContactKey(node.get("InstanceId").textValue(), node.get("ContactId").textValue()),
                Json.instant(node.get(EXPIRY).decimalValue()));
    }
}
