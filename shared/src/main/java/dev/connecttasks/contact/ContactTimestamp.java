package dev.connecttasks.contact;

import java.time.Instant;
import java.util.function.Function;

/** The timestamps of a contact that SearchContacts ranges over, filters on and sorts by. */
public enum ContactTimestamp {
    INITIATION_TIMESTAMP(Contact::initiatedAt),
    SCHEDULED_TIMESTAMP(Contact::scheduledAt),
    /** Tasks here never reach an agent: no contact has this one. */
    CONNECTED_TO_AGENT_TIMESTAMP(contact -> null),
    DISCONNECT_TIMESTAMP(Contact::disconnectedAt),
    ENQUEUE_TIMESTAMP(contact -> contact.queue() == null ? null : contact.queue().enqueuedAt()),
    EXPIRY_TIMESTAMP(contact -> contact.ended() ? null : contact.expiry());

    private final Function<Contact, Instant> reader;

    ContactTimestamp(Function<Contact, Instant> reader) {
        this.reader = reader;
    }

    /** This timestamp of the contact, or null when it has none. */
    public Instant of(Contact contact) {
        return reader.apply(contact);
    }
}
