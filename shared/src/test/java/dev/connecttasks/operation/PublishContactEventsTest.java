package dev.connecttasks.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.event.ContactEvent;
import dev.connecttasks.event.ContactEvent.Type;
import dev.connecttasks.operation.PublishContactEvents.Result;
import dev.connecttasks.operation.port.ContactEventBus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Publishing a batch's events: refused ones are put again, and what stays refused marks its change. */
class PublishContactEventsTest {
    private static final Instant AT = Instant.parse("2026-12-02T10:00:00Z");

    /** A bus that refuses the events it is told to, and records what it accepted. */
    private static final class TestBus implements ContactEventBus {
        final List<ContactEvent> accepted = new ArrayList<>();
        Predicate<ContactEvent> refuses = event -> false;
        int calls;

        @Override
        public List<Integer> put(List<ContactEvent> events) {
            calls++;
            List<Integer> refused = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                if (refuses.test(events.get(i))) {
                    refused.add(i);
                } else {
                    accepted.add(events.get(i));
                }
            }
            return refused;
        }
    }

    private static ContactEvent event(String contactId, Type type) {
        Contact contact = new Contact(new ContactKey("i", contactId), "f", "n", null, Map.of(), Map.of(), null, null, null,
                AT, AT, null, FlowStatus.PENDING, null, null, null);
        return new ContactEvent(type, AT, contact, List.of());
    }

    private final TestBus bus = new TestBus();
    private final PublishContactEvents operation = new PublishContactEvents(bus, 3, Duration.ZERO);
    private final List<List<ContactEvent>> batch = List.of(
            List.of(event("a", Type.INITIATED)),
            List.of(event("b", Type.CONNECTED_TO_SYSTEM), event("b", Type.QUEUED)),
            List.of(event("c", Type.INITIATED)));

    @Test
    void everyEventIsPutInOrderInOneCall() {
        assertEquals(new Result(-1, 4, 0), operation.publish(batch));
        assertEquals(List.of(batch.get(0).get(0), batch.get(1).get(0), batch.get(1).get(1), batch.get(2).get(0)), bus.accepted);
        assertEquals(1, bus.calls);
    }

    @Test
    void anEventRefusedOnceIsPutAgainAlone() {
        List<ContactEvent> refusedOnce = new ArrayList<>(List.of(batch.get(1).get(1)));
        bus.refuses = refusedOnce::remove;
        assertEquals(new Result(-1, 4, 0), operation.publish(batch));
        assertEquals(2, bus.calls);
        assertEquals(batch.get(1).get(1), bus.accepted.get(3));
    }

    @Test
    void anEventRefusedEveryTimeMakesItsChangeTheFirstFailure() {
        bus.refuses = event -> event.contact().id().equals("b") && event.type() == Type.QUEUED;
        assertEquals(new Result(1, 3, 1), operation.publish(batch));
        assertEquals(3, bus.calls);
    }

    @Test
    void aBusThatIsDownFailsTheWholeBatch() {
        PublishContactEvents down = new PublishContactEvents(events -> {
            throw new IllegalStateException("unavailable");
        }, 3, Duration.ZERO);
        assertEquals(new Result(0, 0, 4), down.publish(batch));
        assertEquals(new Result(-1, 0, 0), down.publish(List.of(List.of(), List.of())));
    }
}
