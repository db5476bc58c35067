package dev.connecttasks.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's read units for what a Query returned, by its published sizing rules (the emulator reports
 * no real consumption): an item's size is its attribute names' and values' bytes; an eventually
 * consistent Query costs half a unit per 4 KB of the items of each page, rounded up.
 */
final class ReadUnits {
    private ReadUnits() {
    }

    static double ofQueryPage(List<Map<String, AttributeValue>> items) {
        long bytes = items.stream().mapToLong(ReadUnits::itemBytes).sum();
        return Math.max(1, Math.ceil(bytes / 4096.0)) * 0.5;
    }

    static long itemBytes(Map<String, AttributeValue> item) {
        return item.entrySet().stream().mapToLong(entry -> utf8(entry.getKey()) + valueBytes(entry.getValue())).sum();
    }

    private static long valueBytes(AttributeValue value) {
        if (value.s() != null) {
            return utf8(value.s());
        }
        if (value.n() != null) {
            return (value.n().replace("-", "").replace(".", "").length() + 1) / 2 + 1;
        }
        if (value.hasM()) {
            return 3 + value.m().entrySet().stream().mapToLong(entry -> 1 + utf8(entry.getKey()) + valueBytes(entry.getValue())).sum();
        }
        if (value.hasL()) {
            return 3 + value.l().stream().mapToLong(element -> 1 + valueBytes(element)).sum();
        }
        if (value.hasSs()) {
            return value.ss().stream().mapToLong(ReadUnits::utf8).sum();
        }
        return 1;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
