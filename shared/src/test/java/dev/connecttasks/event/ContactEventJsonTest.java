package dev.connecttasks.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.connecttasks.contact.Arns;
import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.QueueInfo;
import dev.connecttasks.contact.SegmentAttributes;
import dev.connecttasks.event.ContactEvent.Type;
import dev.connecttasks.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactEventJsonTest {
    private static final Arns ARNS = new Arns("us-east-1", "123456789012");
    private static final String INSTANCE_ARN = "arn:aws:connect:us-east-1:123456789012:instance/i-1";

    @Test
    void aQueuedEventHoldsWhatTheContactHasAndNoAttributeValue() {
        Instant at = Instant.parse("2026-12-02T10:00:05Z");
        Contact queued = new Contact(new ContactKey("i-1", "c-2"), "f-1", "n", null, Map.of("orderId", "42"), Map.of(),
                "c-1", "c-0", null, Instant.parse("2026-12-02T10:00:00.125Z"), at, null, FlowStatus.STARTED, at,
                new QueueInfo("support", at), null);
        ContactEvent event = new ContactEvent(Type.QUEUED, at, queued, List.of());
        assertEquals("{\"eventType\":\"QUEUED\",\"contactId\":\"c-2\",\"initialContactId\":\"c-0\","
                + "\"previousContactId\":\"c-1\",\"channel\":\"TASK\",\"instanceArn\":\"" + INSTANCE_ARN + "\","
                + "\"initiationMethod\":\"API\",\"initiationTimestamp\":\"2026-12-02T10:00:00.125Z\","
                + "\"connectedToSystemTimestamp\":\"2026-12-02T10:00:05.000Z\",\"queueInfo\":{\"queueArn\":\""
                + INSTANCE_ARN + "/queue/support\",\"queueType\":\"STANDARD\",\"enqueueTimestamp\":\"2026-12-02T10:00:05.000Z\"}}",
                Json.write(ContactEventJson.detail(event, ARNS)));
        assertEquals(List.of(INSTANCE_ARN + "/contact/c-2", INSTANCE_ARN), ContactEventJson.resources(event, ARNS));
    }

    @Test
    void anUpdateNamesWhatChangedAndAnEndedTaskItsReason() {
        Instant at = Instant.parse("2026-12-02T10:00:05Z");
        Contact ended = new Contact(new ContactKey("i-1", "c-1"), "f-1", "n", null, Map.of(), Map.of(), null, null, null,
                at, at, null, FlowStatus.STARTED, at, null, at, "CONTACT_FLOW_DISCONNECT", Map.of(), null, null, null);
        String detail = Json.write(ContactEventJson.detail(new ContactEvent(Type.CONTACT_DATA_UPDATED, at, ended,
                List.of("UserDefinedAttributes")), ARNS));
        assertEquals(true, detail.contains("\"disconnectTimestamp\":\"2026-12-02T10:00:05.000Z\",\"disconnectReason\":"
                + "\"CONTACT_FLOW_DISCONNECT\",\"updatedProperties\":[\"UserDefinedAttributes\"]}"), detail);
    }

    @Test
    void aTransferredTaskSaysSoAndCarriesItsSegmentAttributes() {
        Instant at = Instant.parse("2026-12-02T10:00:05Z");
        Contact transferred = new Contact(new ContactKey("i-1", "c-3"), "f-1", "n", null, Map.of(), Map.of(), "c-2", "c-1",
                null, at, at, null, FlowStatus.PENDING, null, null, null, null, Map.of(),
                new SegmentAttributes(Map.of("connect:ContactExpiry", "{\"ValueMap\":{\"ExpiryDuration\":{\"ValueInteger\":5}}}"), 5),
                Contact.TRANSFER, "escalations");
        String detail = Json.write(ContactEventJson.detail(new ContactEvent(Type.INITIATED, at, transferred, List.of()), ARNS));
        assertEquals(true, detail.contains("\"initiationMethod\":\"TRANSFER\""), detail);
        assertEquals(true, detail.contains("\"segmentAttributes\":{\"connect:ContactExpiry\":{\"ValueMap\":"
                + "{\"ExpiryDuration\":{\"ValueInteger\":5}}}}"), detail);
    }
}
