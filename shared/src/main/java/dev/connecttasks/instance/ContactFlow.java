package dev.connecttasks.instance;

import java.time.Instant;
import java.util.Map;

/** A contact flow of an instance: its flow-language {@code content} and whether it is published. */
public record ContactFlow(
        String instanceId,
        String id,
        String name,
        String type,
        String description,
        String content,
        String status,
        Map<String, String> tags,
        Instant lastModifiedAt) {

    public static final String PUBLISHED = "PUBLISHED";
    public static final String SAVED = "SAVED";

    public ContactFlow {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public boolean published() {
        return PUBLISHED.equals(status);
    }
}
