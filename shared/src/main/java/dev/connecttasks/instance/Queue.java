package dev.connecttasks.instance;

import java.time.Instant;
import java.util.Map;

/**
 * A queue of an instance, always {@code STANDARD} and {@code ENABLED}. {@code maxContacts} (null: no
 * limit) caps how many contacts that have not ended it holds; {@code hoursOfOperationId} is stored as
 * given (there are no hours of operation here).
 */
public record Queue(
        String instanceId,
        String id,
        String name,
        String description,
        String hoursOfOperationId,
        Integer maxContacts,
        Map<String, String> tags,
        Instant lastModifiedAt) {

    public static final String STANDARD = "STANDARD";
    /** The queue every instance is created with. */
    public static final String BASIC_QUEUE_NAME = "BasicQueue";

    public Queue {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** The instance's own BasicQueue, created with it. */
    public static Queue basic(String instanceId, String queueId, String hoursOfOperationId, Instant createdAt) {
        return new Queue(instanceId, queueId, BASIC_QUEUE_NAME, null, hoursOfOperationId, null, Map.of(), createdAt);
    }
}
