package dev.connecttasks.operation.port;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.ContactTimestamp;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.TagChange;
import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.instance.Instance;
import dev.connecttasks.instance.Queue;
import dev.connecttasks.testing.Flows;
import dev.connecttasks.testing.TestContacts;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The search index's contract, held by the DynamoDB adapter ({@code SearchIndexesIT}) and the in-memory
 * one ({@code MemorySearchIndexTest}). Each test works in instances of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SearchIndexContract {
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private String instanceId;

    /** The ports under test, over one store. */
    public record Ports(InstanceStore instances, NewContactStore newContacts, ContactStore contacts, ContactSearchIndex index) {
    }

    protected abstract Ports ports();

    private Ports ports;
    private String elsewhere;

    private Ports p() {
        return ports;
    }

    @BeforeAll
    void createPorts() {
        ports = ports();
    }

    @BeforeEach
    void createInstances() {
        instanceId = "search-" + UUID.randomUUID();
        elsewhere = "elsewhere-" + UUID.randomUUID();
        for (String id : List.of(instanceId, elsewhere)) {
            Instant created = Instant.now();
            ports.instances().create(new Instance(id, "CONNECT_MANAGED", null, null, true, false, Map.of(), created),
                    Queue.basic(id, "basic-" + id, "hours", created), null, created);
            ports.instances().create(new ContactFlow(id, TestContacts.FLOW_ID, "Demo", "CONTACT_FLOW", null,
                    Flows.read("demo-task.json"), ContactFlow.PUBLISHED, Map.of(), created));
        }
    }

    private Contact created(Contact contact) {
        assertEquals(Creation.created(), p().newContacts().create(contact, null, contact.initiatedAt()));
        return contact;
    }

    private List<String> ids(List<Contact> contacts) {
        return contacts.stream().map(Contact::id).toList();
    }

    private List<Contact> initiatedBetween(Instant start, Instant end, boolean ascending, Predicate<Contact> matches, int limit) {
        return p().index().inRange(instanceId, ContactTimestamp.INITIATION_TIMESTAMP, start, end, ascending, matches, limit, now);
    }

    @Test
    void aRangeGivesItsFirstMatchesInOrderFromEveryShardAndOnlyItsInstance() {
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            contacts.add(created(TestContacts.pending(instanceId, now.minus(Duration.ofMinutes(12 - i)))));
        }
        created(TestContacts.pending(elsewhere, now.minus(Duration.ofMinutes(5))));
        Instant from = now.minus(Duration.ofMinutes(10));
        List<String> inRange = ids(contacts.subList(2, 12));
        assertEquals(inRange.subList(0, 5), ids(initiatedBetween(from, now, true, contact -> true, 5)));
        List<String> newestFirst = new ArrayList<>(inRange);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst.subList(0, 5), ids(initiatedBetween(from, now, false, contact -> true, 5)));
        assertEquals(inRange, ids(initiatedBetween(from, now, true, contact -> true, 100)));
        String third = inRange.get(2);
        assertEquals(List.of(third), ids(initiatedBetween(from, now, true, contact -> contact.id().equals(third), 1)),
                "the limit counts matches, not contacts read");
    }

    @Test
    void eachTimestampHasItsIndexAndAContactJoinsItWhenItGetsIt() {
        Instant tomorrow = now.plus(Duration.ofDays(1));
        Contact scheduled = created(TestContacts.scheduled(instanceId, now, tomorrow));
        Contact pending = created(TestContacts.pending(instanceId, now));
        ContactSearchIndex index = p().index();
        assertEquals(List.of(scheduled.id()), ids(index.inRange(instanceId, ContactTimestamp.SCHEDULED_TIMESTAMP,
                tomorrow.minusSeconds(1), tomorrow.plusSeconds(1), true, contact -> true, 10, now)));
        assertEquals(List.of(), ids(index.inRange(instanceId, ContactTimestamp.DISCONNECT_TIMESTAMP,
                now.minusSeconds(60), now.plusSeconds(60), true, contact -> true, 10, now)));
        p().contacts().stop(pending.key(), now.plusSeconds(1));
        assertEquals(List.of(pending.id()), ids(index.inRange(instanceId, ContactTimestamp.DISCONNECT_TIMESTAMP,
                now.minusSeconds(60), now.plusSeconds(60), true, contact -> true, 10, now)));
        Instant later = tomorrow.plus(Duration.ofHours(3));
        p().contacts().reschedule(scheduled.key(), later, now);
        assertEquals(List.of(), ids(index.inRange(instanceId, ContactTimestamp.SCHEDULED_TIMESTAMP,
                tomorrow.minusSeconds(1), tomorrow.plusSeconds(1), true, contact -> true, 10, now)));
        assertEquals(List.of(scheduled.id()), ids(index.inRange(instanceId, ContactTimestamp.SCHEDULED_TIMESTAMP,
                later, later, true, contact -> true, 10, now)));
    }

    @Test
    void aFoundContactCarriesWhatASearchFiltersOnAndAnswers() {
        Contact contact = created(TestContacts.pending(instanceId, now));
        p().contacts().retag(new TagChange(contact.key(), Map.of("team", "billing"), null), now);
        Contact found = initiatedBetween(now, now, true, any -> true, 10).get(0);
        assertEquals(contact.name(), found.name());
        assertEquals(contact.attributes(), found.attributes());
        assertEquals(Map.of("team", "billing"), found.tags());
        assertEquals(contact.initiatedAt(), found.initiatedAt());
        assertEquals(contact.initiationMethod(), found.initiationMethod());
        assertEquals(FlowStatus.PENDING, found.flowStatus());
        assertEquals(contact.expiry(), found.expiry());
    }

    @Test
    void aContactPastItsRetentionIsNotFound() {
        Instant longAgo = now.minus(Duration.ofDays(2 * 366));
        created(TestContacts.pending(instanceId, longAgo));
        assertEquals(List.of(), ids(initiatedBetween(longAgo.minusSeconds(1), longAgo.plusSeconds(1), true, contact -> true, 10)));
    }

    @Test
    void anUnknownInstanceHasNothing() {
        assertEquals(List.of(), p().index().inRange("no-such-" + UUID.randomUUID(), ContactTimestamp.INITIATION_TIMESTAMP,
                now.minus(Duration.ofDays(1)), now, true, contact -> true, 10, now));
    }
}
