package dev.connecttasks.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.contact.Arns;
import dev.connecttasks.contact.Contact;
import dev.connecttasks.json.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TreeMap;

/**
 * A contact event as Amazon Connect puts it on EventBridge: detail-type {@value #DETAIL_TYPE}, a
 * camelCase {@code detail} holding only the members the contact has, timestamps as
 * {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}, and the contact's and the instance's ARNs as resources.
 * Attribute values never appear, only that they changed.
 */
public final class ContactEventJson {
    public static final String DETAIL_TYPE = "Amazon Connect Contact Event";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private ContactEventJson() {
    }

    public static ObjectNode detail(ContactEvent event, Arns arns) {
        Contact contact = event.contact();
        String instanceArn = arns.instance(contact.instanceId());
        ObjectNode detail = Json.object()
                .put("eventType", event.type().name())
                .put("contactId", contact.id());
        putIfPresent(detail, "initialContactId", contact.initialContactId());
        putIfPresent(detail, "previousContactId", contact.previousContactId());
        putIfPresent(detail, "relatedContactId", contact.relatedContactId());
        detail.put("channel", "TASK")
                .put("instanceArn", instanceArn)
                .put("initiationMethod", contact.initiationMethod());
        putIfPresent(detail, "initiationTimestamp", contact.initiatedAt());
        putIfPresent(detail, "connectedToSystemTimestamp", contact.flowStartedAt());
        putIfPresent(detail, "scheduledTimestamp", contact.scheduledAt());
        if (contact.queue() != null) {
            detail.putObject("queueInfo")
                    .put("queueArn", instanceArn + "/queue/" + contact.queue().queueId())
                    .put("queueType", "STANDARD")
                    .put("enqueueTimestamp", timestamp(contact.queue().enqueuedAt()));
        }
        putIfPresent(detail, "disconnectTimestamp", contact.disconnectedAt());
        putIfPresent(detail, "disconnectReason", contact.disconnectReason());
        if (!contact.tags().isEmpty()) {
            ObjectNode tags = detail.putObject("tags");
            new TreeMap<>(contact.tags()).forEach(tags::put);
        }
        if (!contact.segmentAttributes().isEmpty()) {
            ObjectNode segmentAttributes = detail.putObject("segmentAttributes");
            new TreeMap<>(contact.segmentAttributes().values())
                    .forEach((key, json) -> segmentAttributes.set(key, Json.read(json)));
        }
        if (!event.updatedProperties().isEmpty()) {
            event.updatedProperties().forEach(detail.putArray("updatedProperties")::add);
        }
        return detail;
    }

    /** The event's resources: the contact's ARN, then its instance's. */
    public static List<String> resources(ContactEvent event, Arns arns) {
        return List.of(arns.contact(event.contact().key()), arns.instance(event.contact().instanceId()));
    }

    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    private static void putIfPresent(ObjectNode detail, String name, String value) {
        if (value != null) {
            detail.put(name, value);
        }
    }

    private static void putIfPresent(ObjectNode detail, String name, Instant value) {
        if (value != null) {
            detail.put(name, timestamp(value));
        }
    }
}
