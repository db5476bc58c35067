package dev.connecttasks.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reading and writing attribute values: strings, numbers, epoch-millisecond times, string maps. */
final class ItemValues {
    private ItemValues() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue millis(Instant value) {
        return n(value.toEpochMilli());
    }

    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    static Instant instant(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : Instant.ofEpochMilli(Long.parseLong(value.n()));
    }

    static AttributeValue stringMap(Map<String, String> entries) {
        Map<String, AttributeValue> map = new HashMap<>();
        entries.forEach((key, value) -> map.put(key, s(value)));
        return AttributeValue.fromM(map);
    }

    static Map<String, String> stringMap(AttributeValue value) {
        Map<String, String> entries = new HashMap<>();
        if (value != null && value.hasM()) {
            value.m().forEach((key, entry) -> entries.put(key, entry.s()));
        }
        return entries;
    }

    static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    static void putIfPresent(Map<String, AttributeValue> item, String name, Instant value) {
        if (value != null) {
            item.put(name, millis(value));
        }
    }
}
