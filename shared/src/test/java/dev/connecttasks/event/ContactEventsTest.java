package dev.connecttasks.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.QueueInfo;
import dev.connecttasks.contact.SegmentAttributes;
import dev.connecttasks.event.ContactEvent.Type;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactEventsTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00.125Z");
    private static final Instant T1 = T0.plusSeconds(5);

    private static Contact contact(FlowStatus status, Instant scheduledAt, Map<String, String> attributes, QueueInfo queue,
            Instant disconnectedAt, String name) {
        return new Contact(new ContactKey("i-1", "c-1"), "f-1", name, null, attributes, Map.of(), null, null, null, T0,
                status == FlowStatus.STARTED ? T1 : T0, scheduledAt, status, status == FlowStatus.STARTED ? T1 : null,
                queue, disconnectedAt);
    }

    private static List<String> types(List<ContactEvent> events) {
        return events.stream().map(event -> event.type().name()).toList();
    }

    @Test
    void aNewContactIsInitiatedAtItsInitiation() {
        Contact created = contact(FlowStatus.PENDING, null, Map.of(), null, null, "n");
        assertEquals(List.of(new ContactEvent(Type.INITIATED, T0, created, List.of())), ContactEvents.of(null, created));
    }

    @Test
    void aFlowThatQueuesTheTaskConnectsItReportsItsAttributesAndQueuesIt() {
        Contact waiting = contact(FlowStatus.PENDING, null, Map.of("a", "1"), null, null, "n");
        Contact queued = contact(FlowStatus.STARTED, null, Map.of("a", "1", "b", "2"), new QueueInfo("support", T1), null, "n");
        List<ContactEvent> events = ContactEvents.of(waiting, queued);
        assertEquals(List.of("CONNECTED_TO_SYSTEM", "CONTACT_DATA_UPDATED", "QUEUED"), types(events));
        assertEquals(List.of(T1, T1, T1), events.stream().map(ContactEvent::timestamp).toList());
        assertEquals(List.of("UserDefinedAttributes"), events.get(1).updatedProperties());
    }

    @Test
    void aFlowThatEndsTheTaskConnectsDisconnectsAndCompletesIt() {
        Contact waiting = contact(FlowStatus.SCHEDULED, T0, Map.of(), null, null, "n");
        Contact ended = contact(FlowStatus.STARTED, T0, Map.of(), null, T1, "n");
        assertEquals(List.of("CONNECTED_TO_SYSTEM", "DISCONNECTED", "COMPLETED"), types(ContactEvents.of(waiting, ended)));
    }

    @Test
    void aNewScheduledTimeIsAContactDataUpdateAndOtherChangesAreNone() {
        Contact scheduled = contact(FlowStatus.SCHEDULED, T1, Map.of(), null, null, "n");
        Contact moved = contact(FlowStatus.SCHEDULED, T1.plusSeconds(60), Map.of(), null, null, "n");
        List<ContactEvent> events = ContactEvents.of(scheduled, moved);
        assertEquals(List.of("CONTACT_DATA_UPDATED"), types(events));
        assertEquals(List.of("ScheduledTimestamp"), events.get(0).updatedProperties());
        assertEquals(List.of(), ContactEvents.of(scheduled, contact(FlowStatus.SCHEDULED, T1, Map.of(), null, null, "renamed")));
        assertEquals(List.of(), ContactEvents.of(scheduled, null));
    }

    @Test
    void newTagsAreAContactDataUpdateOfTags() {
        Contact untagged = contact(FlowStatus.PENDING, null, Map.of(), null, null, "n");
        Contact tagged = new Contact(untagged.key(), "f-1", "n", null, Map.of(), Map.of(), null, null, null, T0, T1, null,
                FlowStatus.PENDING, null, null, null, null, Map.of("team", "billing"), null, null, null);
        List<ContactEvent> events = ContactEvents.of(untagged, tagged);
        assertEquals(List.of("CONTACT_DATA_UPDATED"), types(events));
        assertEquals(List.of("Tags"), events.get(0).updatedProperties());
    }

    @Test
    void newSegmentAttributesAreAContactDataUpdateAndAnExpiryOrATransferEndsTheTask() {
        Contact plain = contact(FlowStatus.STARTED, null, Map.of(), new QueueInfo("q", T1), null, "n");
        SegmentAttributes tier = new SegmentAttributes(Map.of("crm:tier", "{\"ValueString\":\"gold\"}"), null);
        Contact segmented = new Contact(plain.key(), "f-1", "n", null, Map.of(), Map.of(), null, null, null, T0, T1, null,
                FlowStatus.STARTED, T1, plain.queue(), null, null, Map.of(), tier, null, null);
        List<ContactEvent> updated = ContactEvents.of(plain, segmented);
        assertEquals(List.of("CONTACT_DATA_UPDATED"), types(updated));
        assertEquals(List.of("Segment Attributes"), updated.get(0).updatedProperties());
        for (String reason : List.of("EXPIRED", "TRANSFERRED")) {
            Contact ended = new Contact(plain.key(), "f-1", "n", null, Map.of(), Map.of(), null, null, null, T0, T1, null,
                    FlowStatus.STARTED, T1, plain.queue(), T1.plusSeconds(60), reason, Map.of(), null, null, null);
            List<ContactEvent> events = ContactEvents.of(plain, ended);
            assertEquals(List.of("DISCONNECTED", "COMPLETED"), types(events));
            assertEquals(reason, events.get(0).contact().disconnectReason());
        }
    }
}
