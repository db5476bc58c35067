package dev.connecttasks.event;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.event.ContactEvent.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The events Amazon Connect would publish for one change of a contact, in the order they happened:
 * INITIATED when it is created; when its flow starts, CONNECTED_TO_SYSTEM, then CONTACT_DATA_UPDATED
 * if the flow changed its attributes, then QUEUED if the flow queued it, or DISCONNECTED and COMPLETED
 * if the flow ended it; CONTACT_DATA_UPDATED for a new scheduled time, new attributes, tags or segment
 * attributes at any other time; DISCONNECTED and COMPLETED whenever it ends (StopContact, expiry, transfer). A change nothing is published for (a new name, description or reference; TTL deletion) gives
 * no event.
 */
public final class ContactEvents {
    static final String SCHEDULED_TIMESTAMP = "ScheduledTimestamp";
    static final String USER_DEFINED_ATTRIBUTES = "UserDefinedAttributes";
    static final String TAGS = "Tags";
    static final String SEGMENT_ATTRIBUTES = "Segment Attributes";

    private ContactEvents() {
    }

    /** {@code before} is null for a new contact; {@code after} is null for a deleted one. */
    public static List<ContactEvent> of(Contact before, Contact after) {
        List<ContactEvent> events = new ArrayList<>();
        if (after == null) {
            return events;
        }
        if (before == null) {
            events.add(new ContactEvent(Type.INITIATED, after.initiatedAt(), after, List.of()));
            return events;
        }
        boolean started = before.flowStatus() != FlowStatus.STARTED && after.flowStatus() == FlowStatus.STARTED;
        if (started) {
            events.add(new ContactEvent(Type.CONNECTED_TO_SYSTEM, after.flowStartedAt(), after, List.of()));
        }
        List<String> updated = new ArrayList<>();
        if (!Objects.equals(before.scheduledAt(), after.scheduledAt())) {
            updated.add(SCHEDULED_TIMESTAMP);
        }
        if (!before.attributes().equals(after.attributes())) {
            updated.add(USER_DEFINED_ATTRIBUTES);
        }
        if (!before.tags().equals(after.tags())) {
            updated.add(TAGS);
        }
        if (!before.segmentAttributes().equals(after.segmentAttributes())) {
            updated.add(SEGMENT_ATTRIBUTES);
        }
        if (!updated.isEmpty()) {
            events.add(new ContactEvent(Type.CONTACT_DATA_UPDATED, after.lastUpdatedAt(), after, updated));
        }
        if (before.queue() == null && after.queue() != null) {
            events.add(new ContactEvent(Type.QUEUED, after.queue().enqueuedAt(), after, List.of()));
        }
        if (before.disconnectedAt() == null && after.disconnectedAt() != null) {
            events.add(new ContactEvent(Type.DISCONNECTED, after.disconnectedAt(), after, List.of()));
            events.add(new ContactEvent(Type.COMPLETED, after.disconnectedAt(), after, List.of()));
        }
        return events;
    }
}
