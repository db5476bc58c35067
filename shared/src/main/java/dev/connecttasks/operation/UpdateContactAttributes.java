package dev.connecttasks.operation;

import dev.connecttasks.contact.AttributeUpdate;
import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.operation.port.Change;
import dev.connecttasks.operation.port.ContactStore;
import java.time.Clock;
import java.time.Instant;

/**
 * UpdateContactAttributes: merges attributes (adds or replaces keys) on every contact of the chain of
 * the contact named, ongoing or ended, all or nothing, under each contact's 32,768-byte cap. An empty
 * map changes nothing (the contact must still exist).
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
        Instant now = Clocks.now(clock);
        boolean found = update.attributes().isEmpty()
                ? contacts.find(update.key(), now).isPresent()
                : contacts.updateAttributes(update.key(), update.attributes(), now) != Change.NO_SUCH_CONTACT;
        if (!found) {
            throw NotFound.contact(update.key());
        }
    }
}
