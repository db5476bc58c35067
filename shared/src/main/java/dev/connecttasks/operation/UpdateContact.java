package dev.connecttasks.operation;

import static dev.connecttasks.error.ApiException.invalidRequest;

import dev.connecttasks.contact.ContactChanges;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.store.Change;
import dev.connecttasks.store.ContactTable;
import java.time.Clock;

/** UpdateContact: name and description replace, references merge under the 4,096-byte cap. */
public final class UpdateContact {
    private final ContactTable table;
    private final Clock clock;

    public UpdateContact(ContactTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    public void update(ContactKey key, ContactChanges changes) {
        ContactRules.checkKey(key);
        if (changes.isEmpty()) {
            throw invalidRequest("At least one of Name, Description or References must be present.");
        }
        ContactRules.checkChanges(changes);
        if (table.update(key, changes, Clocks.now(clock)) == Change.NO_SUCH_CONTACT) {
            throw NotFound.contact(key);
        }
    }
}
