package dev.connecttasks.operation;

import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.contact.TagChange;
import dev.connecttasks.contact.TagRules;
import dev.connecttasks.operation.port.Change;
import dev.connecttasks.operation.port.ContactStore;
import java.time.Clock;

/** TagContact: adds or replaces tags on a contact, at most {@value TagRules#MAX_TAGS} in all, on ended contacts too. */
public final class TagContact {
    private final ContactStore contacts;
    private final Clock clock;

    public TagContact(ContactStore contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    public void tag(TagChange change) {
        ContactRules.checkKey(change.key());
        TagRules.checkTags(change.tags());
        if (contacts.retag(change, Clocks.now(clock)) == Change.NO_SUCH_CONTACT) {
            throw NotFound.contact(change.key());
        }
    }
}
