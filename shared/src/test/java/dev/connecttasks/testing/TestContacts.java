package dev.connecttasks.testing;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.Reference;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Contacts as StartTaskContact would build them, for tests that write the table directly. */
public final class TestContacts {
    /** The flow the contacts name; tests that write them create it in their instances. */
    public static final String FLOW_ID = "flow-1";

    private TestContacts() {
    }

    public static Contact pending(String instanceId, Instant now) {
        return contact(instanceId, now, null, Map.of(), null);
    }

    public static Contact scheduled(String instanceId, Instant now, Instant at) {
        return contact(instanceId, now, at, Map.of(), null);
    }

    public static Contact withReferences(String instanceId, Instant now, Map<String, Reference> references) {
        return contact(instanceId, now, null, references, null);
    }

    public static Contact following(Contact previous, Instant now) {
        return contact(previous.instanceId(), now, null, Map.of(), previous.id());
    }

    private static Contact contact(String instanceId, Instant now, Instant scheduledAt,
            Map<String, Reference> references, String previousContactId) {
        return new Contact(new ContactKey(instanceId, UUID.randomUUID().toString()), FLOW_ID, "Call back",
                "About order 42", Map.of("orderId", "42"), references, previousContactId,
                previousContactId, null, now, now, scheduledAt,
                scheduledAt == null ? FlowStatus.PENDING : FlowStatus.SCHEDULED, null, null, null);
    }
}
