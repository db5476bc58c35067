package dev.connecttasks.operation;

import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.operation.port.ContactStore;
import java.time.Clock;
import java.util.Map;

/** GetContactAttributes: the attributes of a contact, as one consistent read finds them. */
public final class GetContactAttributes {
    private final ContactStore contacts;
    private final Clock clock;

    public GetContactAttributes(ContactStore contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    public Map<String, String> get(ContactKey key) {
        ContactRules.checkRequestLength("InstanceId", key.instanceId(), 100);
        ContactRules.checkRequestLength("InitialContactId", key.contactId(), 256);
        return contacts.find(key, Clocks.now(clock)).orElseThrow(() -> NotFound.contact(key)).attributes();
    }
}
