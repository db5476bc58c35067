package dev.connecttasks.operation.port;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactTimestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/** Contacts found by one of their timestamps: what SearchContacts reads. */
public interface ContactSearchIndex {

    /**
     * The contacts of the instance whose {@code timestamp} lies in [{@code start}, {@code end}] and that
     * pass {@code matches}: at most {@code limit}, the first in that timestamp's order (then by id),
     * ascending or not. They carry what a search filters on and answers, not their description or
     * references. The read may lag a write by the index's propagation delay.
     */
    List<Contact> inRange(String instanceId, ContactTimestamp timestamp, Instant start, Instant end,
                          boolean ascending, Predicate<Contact> matches, int limit, Instant now);
}
