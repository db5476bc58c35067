package dev.connecttasks.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.QueueInfo;
import dev.connecttasks.contact.Reference;
import dev.connecttasks.contact.ReferenceType;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ContactItemsTest {

    @Test
    void aFullContactSurvivesTheRoundTrip() {
        Contact contact = new Contact(new ContactKey("i#1", "c#1"), "f", "n", "d", Map.of("k", "v"),
                Map.of("R", new Reference(ReferenceType.EMAIL, "a@example.com")), "p", "c0", "r",
                Instant.parse("2026-11-26T12:00:00.123Z"), Instant.parse("2026-11-26T12:00:01Z"),
                Instant.parse("2026-11-27T12:00:00Z"), FlowStatus.STARTED, Instant.parse("2026-11-27T12:00:00.5Z"),
                new QueueInfo("q", Instant.parse("2026-11-27T12:00:01Z")), Instant.parse("2026-11-27T13:00:00Z"));
        assertEquals(contact, ContactItems.fromItem(ContactItems.toItem(contact)));
    }

    @Test
    void aMinimalContactSurvivesTheRoundTrip() {
        Contact contact = new Contact(new ContactKey("i", "c"), "f", "", null, Map.of(), Map.of(), null, null, null,
                Instant.parse("2026-11-26T12:00:00Z"), Instant.parse("2026-11-26T12:00:00Z"), null,
                FlowStatus.PENDING, null, null, null);
        assertEquals(contact, ContactItems.fromItem(ContactItems.toItem(contact)));
    }

    @Test
    void theInstanceIsItsOwnKeyAttribute() {
        Map<String, AttributeValue> key = ContactItems.key(new ContactKey("a#b", "c"));
        assertEquals("C#c", key.get("pk").s());
        assertEquals("a#b", key.get("sk").s());
    }

    @Test
    void contactsExpireTwentyFourMonthsAfterInitiation() {
        Contact contact = new Contact(new ContactKey("i", "c"), "f", "n", null, Map.of(),
                Map.of("R", new Reference(ReferenceType.URL, "https://x.io")), null, null, null,
                Instant.parse("2026-02-28T10:00:00Z"), Instant.parse("2026-02-28T10:00:00Z"), null,
                FlowStatus.PENDING, null, null, null);
        Map<String, AttributeValue> item = ContactItems.toItem(contact);
        assertEquals(String.valueOf(Instant.parse("2028-02-28T10:00:00Z").getEpochSecond()), item.get("expiresAt").n());
        assertEquals("13", item.get("refBytes").n()); // "R" + "https://x.io"
    }
}
