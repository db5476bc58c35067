package dev.connecttasks.operation;

import static dev.connecttasks.error.ApiException.invalidRequest;

import dev.connecttasks.contact.ContactChanges;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.operation.port.Change;
import dev.connecttasks.operation.port.ContactStore;
import java.time.Clock;

/** UpdateContact: name and description replace, references merge under the 4,096-byte cap. */
public final class UpdateContact {
    private final ContactStore contacts;
    private final Clock clock;

    public UpdateContact(ContactStore contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    public void update(ContactKey key, ContactChanges changes) {
        ContactRules.checkKey(key);
        if (changes.isEmpty()) {
            throw invalidRequest("At least one of Name, Description or References must be present.");
        }
        ContactRules.checkChanges(changes);
        if (contacts.update(key, changes, Clocks.now(clock)) == Change.NO_SUCH_CONTACT) {
            throw NotFound.contact(key);
        }
    }
}
