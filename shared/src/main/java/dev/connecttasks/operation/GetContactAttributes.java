package dev.connecttasks.operation;

import static dev.connecttasks.error.ApiException.invalidRequest;

import dev.connecttasks.contact.ContactKey;
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
        // this operation's model has no InvalidParameterException: a malformed key is an invalid request
        if (key.instanceId().isEmpty() || key.instanceId().length() > 100 || key.contactId().isEmpty()
                || key.contactId().length() > 256) {
            throw invalidRequest("InstanceId must have 1 to 100 characters and InitialContactId 1 to 256.");
        }
        return contacts.find(key, Clocks.now(clock)).orElseThrow(() -> NotFound.contact(key)).attributes();
    }
}
