package dev.connecttasks.operation;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.operation.port.ContactStore;
import java.time.Clock;

/** DescribeContact, and the read ListContactReferences shares with it: one consistent GetItem. */
public final class DescribeContact {
    private final ContactStore contacts;
    private final Clock clock;

    public DescribeContact(ContactStore contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    public Contact describe(ContactKey key) {
        ContactRules.checkKey(key);
        return contacts.find(key, Clocks.now(clock)).orElseThrow(() -> NotFound.contact(key));
    }
}
