package dev.connecttasks.operation;

import dev.connecttasks.contact.AttributeUpdate;
import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.operation.port.Change;
import dev.connecttasks.operation.port.ContactStore;
import java.time.Clock;

/**
 * UpdateContactAttributes: merges attributes (adds or replaces keys) on every contact of the chain of
 * the contact named, ongoing or ended, all or nothing, under each contact's 32,768-byte cap.
 */
public final class UpdateContactAttributes {
    private final ContactStore contacts;
    private final Clock clock;

    public UpdateContactAttributes(ContactStore contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    public void update(AttributeUpdate update) {
        ContactRules.checkKey(update.key());
        ContactRules.checkAttributes(update.attributes());
        if (contacts.updateAttributes(update.key(), update.attributes(), Clocks.now(clock)) == Change.NO_SUCH_CONTACT) {
            throw NotFound.contact(update.key());
        }
    }
}
