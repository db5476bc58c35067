package dev.connecttasks.operation;

import static dev.connecttasks.testing.ApiAssertions.assertApiError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactChanges;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.Reference;
import dev.connecttasks.contact.ReferenceType;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.memory.MemoryBackend;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** UpdateContact and DescribeContact, on the in-memory ports. */
class UpdateContactTest {
    private final MemoryBackend backend = new MemoryBackend();
    private final UpdateContact operation = backend.updateContact();
    private final ContactKey key = new ContactKey(backend.instanceId, backend.startTaskContact().start(new TaskRequest(
            backend.instanceId, backend.flowId, "Call back", "About order 42", Map.of(),
            Map.of("Order", new Reference(ReferenceType.URL, "https://x.io/1")), null, null, null, null)));

    private Contact stored() {
        return backend.describeContact().describe(key);
    }

    @Test
    void nameAndDescriptionReplaceAndReferencesMerge() {
        backend.clock.advance(Duration.ofSeconds(5));
        operation.update(key, new ContactChanges("New name", null, Map.of("Amount", new Reference(ReferenceType.NUMBER, "12.5"))));
        operation.update(key, new ContactChanges(null, "New description", Map.of("Order", new Reference(ReferenceType.URL, "https://x.io/2"))));
        Contact updated = stored();
        assertEquals("New name", updated.name());
        assertEquals("New description", updated.description());
        assertEquals(Map.of("Order", new Reference(ReferenceType.URL, "https://x.io/2"),
                "Amount", new Reference(ReferenceType.NUMBER, "12.5")), updated.references());
        assertEquals(backend.now(), updated.lastUpdatedAt());
    }

    @Test
    void anUpdateWithNothingToUpdateIsAnInvalidRequest() {
        assertApiError(ErrorType.INVALID_REQUEST, "At least one of", () -> operation.update(key, new ContactChanges(null, null, null)));
    }

    @Test
    void brokenRulesAreInvalidParametersAndWriteNothing() {
        Contact before = stored();
        assertApiError(ErrorType.INVALID_PARAMETER, "4096", () -> operation.update(key, new ContactChanges("renamed", null,
                Map.of("Big", new Reference(ReferenceType.STRING, "x".repeat(4_100))))));
        assertApiError(ErrorType.INVALID_PARAMETER, "Name", () -> operation.update(key, new ContactChanges("n".repeat(1_025), null, null)));
        assertEquals(before, stored());
        assertEquals(1, backend.contacts.revision(key));
    }

    @Test
    void unknownContactsOtherInstancesAndExpiredContactsAreNotFound() {
        ContactChanges rename = new ContactChanges("renamed", null, null);
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "Contact nope was not found",
                () -> operation.update(new ContactKey(backend.instanceId, "nope"), rename));
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, key.contactId(),
                () -> operation.update(new ContactKey("other-instance", key.contactId()), rename));
        backend.clock.advance(Duration.ofDays(2 * 366));
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, key.contactId(), () -> operation.update(key, rename));
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, key.contactId(), () -> backend.describeContact().describe(key));
    }
}
