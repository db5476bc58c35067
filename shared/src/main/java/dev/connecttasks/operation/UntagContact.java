package dev.connecttasks.operation;

import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.contact.TagChange;
import dev.connecttasks.contact.TagRules;
import dev.connecttasks.operation.port.Change;
import dev.connecttasks.operation.port.ContactStore;
import java.time.Clock;

/** UntagContact: removes tags from a contact by key; a key the contact does not have is no error. */
public final class UntagContact {
    private final ContactStore contacts;
    private final Clock clock;

    public UntagContact(ContactStore contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    public void untag(TagChange change) {
        ContactRules.checkKey(change.key());
        TagRules.checkKeys(change.removedKeys());
        if (contacts.retag(change, Clocks.now(clock)) == Change.NO_SUCH_CONTACT) {
            throw NotFound.contact(change.key());
        }
    }
}
