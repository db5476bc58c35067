package dev.connecttasks.event;

import dev.connecttasks.contact.Contact;
import java.time.Instant;
import java.util.List;

/**
 * One Amazon Connect contact event: its type, when it happened, the contact as it stood afterwards,
 * and for CONTACT_DATA_UPDATED which properties changed.
 */
public record ContactEvent(Type type, Instant timestamp, Contact contact, List<String> updatedProperties) {

    /** The event types of a task's life, in Connect's names. */
    public enum Type {
        INITIATED,
        CONTACT_DATA_UPDATED,
        CONNECTED_TO_SYSTEM,
        QUEUED,
        DISCONNECTED,
        COMPLETED
    }

    public ContactEvent {
        updatedProperties = List.copyOf(updatedProperties);
    }
}
