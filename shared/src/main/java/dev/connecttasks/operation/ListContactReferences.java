package dev.connecttasks.operation;

import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.Reference;
import java.util.Map;

/** ListContactReferences: the contact's references, one read; the caller filters by type. */
public final class ListContactReferences {
    private final DescribeContact contacts;

    public ListContactReferences(DescribeContact contacts) {
        this.contacts = contacts;
    }

    public Map<String, Reference> references(ContactKey key) {
        return contacts.describe(key).references();
    }
}
