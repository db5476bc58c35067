package dev.connecttasks.operation;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.store.ContactTable;
import java.time.Clock;

/** DescribeContact, and the read ListContactReferences shares with it: one consistent GetItem. */
public final class DescribeContact {
    private final ContactTable table;
    private final Clock clock;

    public DescribeContact(ContactTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    public Contact describe(ContactKey key) {
        ContactRules.checkKey(key);
        return table.find(key, Clocks.now(clock)).orElseThrow(() -> NotFound.contact(key));
    }
}
