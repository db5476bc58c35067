package dev.connecttasks.store;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Placeholders for one DynamoDB expression: every attribute name and value goes through here. */
final class ExpressionPlaceholders {
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();

    /** A placeholder for one of our own attribute names (plain identifiers). */
    String name(String attribute) {
        String placeholder = "#" + attribute;
        names.put(placeholder, attribute);
        return placeholder;
    }

    /** A placeholder for a map key chosen by a caller (any characters). */
    String key(String mapKey) {
        String placeholder = "#k" + names.size();
        names.put(placeholder, mapKey);
        return placeholder;
    }

    String value(AttributeValue value) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, value);
        return placeholder;
    }

    Map<String, String> names() {
        return names.isEmpty() ? null : names;
    }

    Map<String, AttributeValue> values() {
        return values.isEmpty() ? null : values;
    }
}
