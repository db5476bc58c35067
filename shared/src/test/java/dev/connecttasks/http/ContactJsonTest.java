package dev.connecttasks.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.QueueInfo;
import dev.connecttasks.contact.Reference;
import dev.connecttasks.contact.ReferenceType;
import dev.connecttasks.contact.SegmentAttributes;
import dev.connecttasks.json.Json;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactJsonTest {
    private static final Contact CONTACT = new Contact(
            new ContactKey("i-1", "c-1"), "f-1", "Call back", "About order 42",
            Map.of("orderId", "42", "channel", "web"),
            Map.of("Order", new Reference(ReferenceType.URL, "https://crm.example.com/orders/42"),
                    "Amount", new Reference(ReferenceType.NUMBER, "19.99"),
                    "Due", new Reference(ReferenceType.DATE, "1795694400"),
                    "Owner", new Reference(ReferenceType.EMAIL, "a@example.com"),
                    "Note", new Reference(ReferenceType.STRING, "fragile")),
            "p-1", "c-0", "r-1",
            Instant.parse("2026-11-26T12:00:00.123Z"), Instant.parse("2026-11-26T12:05:00Z"),
            Instant.parse("2026-11-27T09:00:00Z"), FlowStatus.STARTED, Instant.parse("2026-11-27T09:00:01Z"),
            new QueueInfo("q-1", Instant.parse("2026-11-27T09:00:02.5Z")), null);

    @Test
    void describeContactResponseCarriesTheContactMembers() {
        String json = Json.write(ContactJson.describeContactResponse(CONTACT,
                "arn:aws:connect:us-east-1:123456789012:instance/i-1/contact/c-1"));
        assertEquals("""
                {"Contact":{"Arn":"arn:aws:connect:us-east-1:123456789012:instance/i-1/contact/c-1","Id":"c-1",\
                "InitialContactId":"c-0","PreviousContactId":"p-1","RelatedContactId":"r-1","InitiationMethod":"API",\
                "Name":"Call back","Description":"About order 42","Channel":"TASK",\
                "QueueInfo":{"Id":"q-1","EnqueueTimestamp":1795770002.5},"InitiationTimestamp":1795694400.123,\
                "LastUpdateTimestamp":1795694700,"ScheduledTimestamp":1795770000,\
                "Attributes":{"channel":"web","orderId":"42"}}}""", json);
    }

    @Test
    void eachReferenceSummaryHasExactlyOneUnionMember() {
        String json = Json.write(ContactJson.referenceSummaryList(CONTACT.references(), EnumSet.allOf(ReferenceType.class)));
        assertEquals("""
                {"ReferenceSummaryList":[{"Number":{"Name":"Amount","Value":"19.99"}},\
                {"Date":{"Name":"Due","Value":"1795694400"}},{"String":{"Name":"Note","Value":"fragile"}},\
                {"Url":{"Name":"Order","Value":"https://crm.example.com/orders/42"}},\
                {"Email":{"Name":"Owner","Value":"a@example.com"}}]}""", json);
    }

    @Test
    void referencesAreFilteredByType() {
        String json = Json.write(ContactJson.referenceSummaryList(CONTACT.references(),
                EnumSet.of(ReferenceType.URL, ReferenceType.ATTACHMENT)));
        assertEquals("{\"ReferenceSummaryList\":[{\"Url\":{\"Name\":\"Order\","
                + "\"Value\":\"https://crm.example.com/orders/42\"}}]}", json);
    }

    @Test
    void aTransferredExpiredContactSaysSoWithItsSegmentAttributesAsSent() {
        Instant at = Instant.parse("2026-11-27T09:00:00Z");
        Contact contact = new Contact(new ContactKey("i-1", "c-2"), "f-1", "n", null, Map.of(), Map.of(), "c-1", "c-1", null,
                at, at, null, FlowStatus.STARTED, at, null, at.plusSeconds(60), "EXPIRED", Map.of(),
                new SegmentAttributes(Map.of("connect:ContactExpiry", "{\"ValueMap\":{\"ExpiryDuration\":{\"ValueInteger\":1}}}",
                        "crm:steps", "{\"ValueList\":[{\"ValueInteger\":1},{\"ValueArn\":\"arn:x\"}]}"), 1),
                Contact.TRANSFER, "escalations");
        String json = Json.write(ContactJson.describeContactResponse(contact, "arn"));
        assertEquals(true, json.contains("\"InitiationMethod\":\"TRANSFER\""), json);
        assertEquals(true, json.contains("\"DisconnectReason\":\"EXPIRED\""), json);
        assertEquals(true, json.endsWith("\"SegmentAttributes\":{\"connect:ContactExpiry\":{\"ValueMap\":{\"ExpiryDuration\":"
                + "{\"ValueInteger\":1}}},\"crm:steps\":{\"ValueList\":[{\"ValueInteger\":1},{\"ValueArn\":\"arn:x\"}]}}}}"), json);
    }
}
