package dev.connecttasks.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The part of EventBridge's event-pattern language that Lambda's event filtering uses here: an object
 * matches when each of its fields matches, a list of values when the event's value is one of them, and
 * {@code {"prefix": "..."}} and {@code {"exists": true|false}} as in EventBridge.
 */
final class EventPatterns {
    private EventPatterns() {
    }

    static boolean matches(JsonNode pattern, JsonNode event) {
        if (pattern.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = pattern.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!matches(field.getValue(), event == null ? null : event.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (pattern.isArray()) {
            for (JsonNode allowed : pattern) {
                if (matchesOne(allowed, event)) {
                    return true;
                }
            }
            return false;
        }
        throw new IllegalArgumentException("a pattern's leaves are lists of values: " + pattern);
    }

    private static boolean matchesOne(JsonNode allowed, JsonNode value) {
        if (allowed.has("exists")) {
            return allowed.get("exists").asBoolean() == (value != null && !value.isNull());
        }
        if (allowed.has("prefix")) {
            return value != null && value.isTextual() && value.textValue().startsWith(allowed.get("prefix").asText());
        }
        return value != null && value.equals(allowed);
    }
}
