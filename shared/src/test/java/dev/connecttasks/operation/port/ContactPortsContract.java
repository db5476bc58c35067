package dev.connecttasks.operation.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactChanges;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.QueueInfo;
import dev.connecttasks.contact.Reference;
import dev.connecttasks.contact.ReferenceType;
import dev.connecttasks.contact.SegmentAttributes;
import dev.connecttasks.contact.TagChange;
import dev.connecttasks.contact.TaskTemplate;
import dev.connecttasks.contact.TaskTemplateInfo;
import dev.connecttasks.contact.TransferRequest;
import dev.connecttasks.error.ApiException;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.flow.ExpiryMessage;
import dev.connecttasks.flow.FlowResult;
import dev.connecttasks.flow.StartMessage;
import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.instance.Instance;
import dev.connecttasks.instance.Queue;
import dev.connecttasks.operation.Reconcile;
import dev.connecttasks.operation.TransferContact;
import dev.connecttasks.operation.port.NewContactStore.Refusal;
import dev.connecttasks.testing.Flows;
import dev.connecttasks.testing.TestContacts;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every implementation of the contact ports must do, run against the DynamoDB adapters on the
 * emulator ({@code ContactTableIT}) and against the in-memory ones the operation tests use
 * ({@code MemoryContactsTest}), so the operation tests rest on the table's real behaviour.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ContactPortsContract {
    protected static final String INSTANCE = "instance-a";
    private ContactStore table;
    private NewContactStore newContacts;
    private FlowRunStore flowRuns;
    private InstanceStore instances;
    private QueueStore queues;
    private DueStarts due;
    private TaskTemplateStore templates;
    private ExecutorService pool;
    protected final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    /** The implementations under test, all over one store. */
    public record Ports(InstanceStore instances, QueueStore queues, ContactStore contacts, NewContactStore newContacts,
            FlowRunStore flowRuns, DueStarts due, TaskTemplateStore templates) {
    }

    protected abstract Ports ports();

    @BeforeAll
    void seed() {
        Ports ports = ports();
        table = ports.contacts();
        newContacts = ports.newContacts();
        flowRuns = ports.flowRuns();
        instances = ports.instances();
        queues = ports.queues();
        due = ports.due();
        templates = ports.templates();
        for (String instanceId : List.of(INSTANCE, "instance-b")) {
            Instant created = Instant.now();
            instances.create(new Instance(instanceId, "CONNECT_MANAGED", null, null, true, false, Map.of(), created),
                    Queue.basic(instanceId, "basic-" + instanceId, "hours", created), null, created);
            instances.create(new ContactFlow(instanceId, TestContacts.FLOW_ID, "Demo", "CONTACT_FLOW", null,
                    Flows.read("demo-task.json"), ContactFlow.PUBLISHED, Map.of(), created));
        }
        pool = Executors.newFixedThreadPool(20);
    }

    /** Starts a contact's flow the way the flow-runner does: read, then write conditional on the revision. */
    protected boolean start(ContactKey key, Instant at) {
        ContactAndFlow read = flowRuns.findForRun(key, TestContacts.FLOW_ID, now).orElseThrow();
        return flowRuns.recordFlowRun(read.contact(), read.revision(),
                new FlowResult(read.contact().attributes(), null, null, 1, FlowResult.End.DISCONNECTED), at);
    }

    @AfterAll
    void stopPool() {
        pool.shutdownNow();
    }

    protected Contact created(Contact contact) {
        assertEquals(Creation.created(), newContacts.create(contact, null, now));
        return contact;
    }

    private static ApiException failure(ErrorType type, Runnable call) {
        ApiException e = assertThrows(ApiException.class, call::run);
        assertEquals(type, e.type(), e.getMessage());
        return e;
    }

    @Test
    void aCreatedContactReadsBackWholeAndOnlyInItsInstance() {
        Contact contact = created(TestContacts.withReferences(INSTANCE, now,
                Map.of("Order", new Reference(ReferenceType.URL, "https://x.io/1"))));
        assertEquals(Optional.of(contact), table.find(contact.key(), now));
        assertEquals(Optional.empty(), table.find(new ContactKey("instance-b", contact.id()), now));
    }

    @Test
    void aContactPastItsRetentionIsGoneBeforeTtlDeletesIt() {
        Instant initiated = now.minus(Duration.ofDays(2 * 366));
        Contact old = created(TestContacts.pending(INSTANCE, initiated));
        assertEquals(Optional.empty(), table.find(old.key(), now));
        assertEquals(Change.NO_SUCH_CONTACT, table.update(old.key(), new ContactChanges("renamed", null, Map.of()), now));
    }

    @Test
    void aClientTokenResolvesToTheFirstContactAndCreatesNothingElse() {
        Contact first = TestContacts.pending(INSTANCE, now);
        Contact second = TestContacts.pending(INSTANCE, now);
        IdempotencyRecord token = new IdempotencyRecord("token-" + first.id(), "hash-1", first.id());
        assertEquals(Creation.created(), newContacts.create(first, token, now));
        Creation<Refusal> held = newContacts.create(second, new IdempotencyRecord(token.clientToken(), "hash-2", second.id()), now);
        assertEquals(new Creation.TokenHeld<>(new IdempotencyRecord(token.clientToken(), "hash-1", first.id())), held);
        assertEquals(Optional.empty(), table.find(second.key(), now));
        // the same token in another instance is another token
        Contact elsewhere = TestContacts.pending("instance-b", now);
        assertEquals(Creation.created(), newContacts.create(elsewhere,
                new IdempotencyRecord(token.clientToken(), "hash-1", elsewhere.id()), now));
    }

    @Test
    void aClientTokenOlderThan24HoursIsFreeAgain() {
        Contact first = TestContacts.pending(INSTANCE, now);
        Instant dayAgo = now.minus(IdempotencyRecord.LIFETIME).minusSeconds(1);
        assertEquals(Creation.created(), newContacts.create(first,
                new IdempotencyRecord("old-" + first.id(), "h", first.id()), dayAgo));
        Contact second = TestContacts.pending(INSTANCE, now);
        assertEquals(Creation.created(), newContacts.create(second,
                new IdempotencyRecord("old-" + first.id(), "h", second.id()), now));
        assertTrue(table.find(second.key(), now).isPresent());
    }

    @Test
    void concurrentCreatesWithOneTokenMakeExactlyOneContact() throws Exception {
        String clientToken = "race-" + now.toEpochMilli();
        List<Contact> attempts = new ArrayList<>();
        List<Callable<Creation<Refusal>>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Contact attempt = TestContacts.pending(INSTANCE, now);
            attempts.add(attempt);
            calls.add(() -> newContacts.create(attempt, new IdempotencyRecord(clientToken, "h", attempt.id()), now));
        }
        List<Future<Creation<Refusal>>> results = pool.invokeAll(calls);
        List<String> winners = new ArrayList<>();
        List<String> resolved = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Creation<Refusal> outcome = results.get(i).get();
            if (outcome instanceof Creation.TokenHeld<Refusal> held) {
                resolved.add(held.earlier().createdId());
            } else {
                assertEquals(Creation.created(), outcome);
                winners.add(attempts.get(i).id());
            }
        }
        assertEquals(1, winners.size());
        assertTrue(resolved.stream().allMatch(winners.get(0)::equals));
        long stored = attempts.stream().filter(c -> table.find(c.key(), now).isPresent()).count();
        assertEquals(1, stored);
    }

    @Test
    void previousContactLinksCountUpToTwelve() {
        Contact previous = created(TestContacts.pending(INSTANCE, now));
        for (int i = 0; i < 12; i++) {
            created(TestContacts.following(previous, now));
        }
        Contact thirteenth = TestContacts.following(previous, now);
        assertEquals(Creation.refused(Refusal.PREVIOUS_AT_CAPACITY), newContacts.create(thirteenth, null, now));
        assertEquals(Optional.empty(), table.find(thirteenth.key(), now));
    }

    @Test
    void aMissingPreviousContactIsNotFoundAndNothingIsWritten() {
        Contact orphan = TestContacts.following(TestContacts.pending(INSTANCE, now), now);
        assertEquals(Creation.refused(Refusal.PREVIOUS_MISSING), newContacts.create(orphan, null, now));
        assertEquals(Optional.empty(), table.find(orphan.key(), now));
    }

    @Test
    void findAllReadsSeveralContactsOfOneInstance() {
        Contact a = created(TestContacts.pending(INSTANCE, now));
        Contact b = created(TestContacts.pending(INSTANCE, now));
        Contact other = created(TestContacts.pending("instance-b", now));
        Map<String, Contact> found = table.findAll(INSTANCE, List.of(a.id(), b.id(), other.id(), "missing"), now);
        assertEquals(Map.of(a.id(), a, b.id(), b), found);
    }

    @Test
    void updateReplacesNameAndDescriptionAndMergesReferences() {
        Contact contact = created(TestContacts.withReferences(INSTANCE, now,
                Map.of("Order", new Reference(ReferenceType.URL, "https://x.io/1"))));
        Instant later = now.plusSeconds(5);
        table.update(contact.key(), new ContactChanges("New name", null,
                Map.of("Amount", new Reference(ReferenceType.NUMBER, "12.5"))), later);
        table.update(contact.key(), new ContactChanges(null, "New description",
                Map.of("Order", new Reference(ReferenceType.URL, "https://x.io/2"))), later.plusSeconds(1));
        Contact updated = table.find(contact.key(), now).orElseThrow();
        assertEquals("New name", updated.name());
        assertEquals("New description", updated.description());
        assertEquals(Map.of("Order", new Reference(ReferenceType.URL, "https://x.io/2"),
                "Amount", new Reference(ReferenceType.NUMBER, "12.5")), updated.references());
        assertEquals(later.plusSeconds(1), updated.lastUpdatedAt());
        assertEquals(contact.initiatedAt(), updated.initiatedAt());
    }

    @Test
    void anUpdateThatWouldBreakTheCapWritesNothing() {
        Contact contact = created(TestContacts.withReferences(INSTANCE, now,
                Map.of("Big", new Reference(ReferenceType.STRING, "x".repeat(4000)))));
        ApiException e = failure(ErrorType.INVALID_PARAMETER, () -> table.update(contact.key(), new ContactChanges(
                "renamed", null, Map.of("More", new Reference(ReferenceType.STRING, "y".repeat(100)))), now));
        assertTrue(e.getMessage().contains("4096"));
        Contact unchanged = table.find(contact.key(), now).orElseThrow();
        assertEquals(contact, unchanged);
        // replacing the big reference with a small one frees the room
        table.update(contact.key(), new ContactChanges(null, null, Map.of(
                "Big", new Reference(ReferenceType.STRING, "small"),
                "More", new Reference(ReferenceType.STRING, "y".repeat(100)))), now);
        assertEquals(2, table.find(contact.key(), now).orElseThrow().references().size());
    }

    @Test
    void concurrentUpdatesWithDistinctReferencesLoseNone() throws Exception {
        Contact contact = created(TestContacts.pending(INSTANCE, now));
        List<Future<?>> updates = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String name = "ref-" + i;
            updates.add(pool.submit(() -> table.update(contact.key(), new ContactChanges(null, null,
                    Map.of(name, new Reference(ReferenceType.STRING, "v".repeat(150)))), now)));
        }
        for (Future<?> update : updates) {
            update.get();
        }
        Contact updated = table.find(contact.key(), now).orElseThrow();
        assertEquals(20, updated.references().size());
    }

    @Test
    void updatingAMissingContactIsNotFound() {
        assertEquals(Change.NO_SUCH_CONTACT, table.update(new ContactKey(INSTANCE, "missing"),
                new ContactChanges("n", null, Map.of()), now));
        assertEquals(Optional.empty(), table.find(new ContactKey(INSTANCE, "missing"), now));
    }

    @Test
    void rescheduleMovesOnlyAScheduledContactThatHasNotStarted() {
        Instant at = now.plus(Duration.ofHours(1));
        Contact scheduled = created(TestContacts.scheduled(INSTANCE, now, at));
        assertEquals(Change.DONE, table.reschedule(scheduled.key(), at.plusSeconds(60), now));
        assertEquals(at.plusSeconds(60), table.find(scheduled.key(), now).orElseThrow().scheduledAt());

        Contact immediate = created(TestContacts.pending(INSTANCE, now));
        assertEquals(Change.NOT_SCHEDULED, table.reschedule(immediate.key(), at, now));

        assertTrue(start(scheduled.key(), now));
        assertEquals(Change.FLOW_STARTED, table.reschedule(scheduled.key(), at, now));

        assertEquals(Change.NO_SUCH_CONTACT, table.reschedule(new ContactKey(INSTANCE, "missing"), at, now));
        assertEquals(Change.NO_SUCH_CONTACT, table.reschedule(new ContactKey("instance-b", scheduled.id()), at, now));
    }

    @Test
    void aContactAndItsFlowAreReadInOneBatchWhenTheFlowIsKnown() {
        Contact contact = created(TestContacts.pending(INSTANCE, now));
        ContactAndFlow read = flowRuns.findForRun(contact.key(), TestContacts.FLOW_ID, now).orElseThrow();
        assertEquals(contact, read.contact());
        assertEquals(1, read.revision());
        assertEquals(TestContacts.FLOW_ID, read.flow().id());
        assertEquals(Flows.read("demo-task.json"), read.flow().content());
        // without the flow's id (after a reschedule) the contact names it
        assertEquals(TestContacts.FLOW_ID, flowRuns.findForRun(contact.key(), null, now).orElseThrow().flow().id());
        assertEquals(Optional.empty(), flowRuns.findForRun(new ContactKey(INSTANCE, "missing"), TestContacts.FLOW_ID, now));
        assertEquals(Optional.empty(), flowRuns.findForRun(new ContactKey("instance-b", contact.id()), null, now));
    }

    @Test
    void aRunIsRecordedOnlyOnTheRevisionItWasComputedFrom() {
        Contact contact = created(TestContacts.pending(INSTANCE, now));
        FlowResult run = new FlowResult(Map.of("orderId", "42", "routedBy", "flow"), new QueueInfo("support", now), null, 3,
                FlowResult.End.QUEUED);
        assertFalse(flowRuns.recordFlowRun(contact, 2, run, now));
        assertTrue(flowRuns.recordFlowRun(contact, 1, run, now.plusMillis(7)));
        assertFalse(flowRuns.recordFlowRun(contact, 1, run, now.plusMillis(8)));
        Contact started = table.find(contact.key(), now).orElseThrow();
        assertEquals(FlowStatus.STARTED, started.flowStatus());
        assertEquals(now.plusMillis(7), started.flowStartedAt());
        assertEquals(now.plusMillis(7), started.lastUpdatedAt());
        assertEquals(Map.of("orderId", "42", "routedBy", "flow"), started.attributes());
        assertEquals(new QueueInfo("support", now), started.queue());
        assertEquals(null, started.disconnectedAt());
    }

    @Test
    void aQueuesOpenContactsAreCountedUpToTheLimitUntilTheyEnd() {
        String queueId = "q-" + UUID.randomUUID();
        Queue queue = new Queue(INSTANCE, queueId, "Capped " + queueId, null, "hours", 2, Map.of(), now);
        assertEquals(Creation.created(), queues.create(queue));
        assertEquals(Optional.of(queue), flowRuns.findQueue(INSTANCE, queueId));
        assertEquals(Optional.empty(), flowRuns.findQueue("instance-b", queueId));
        List<Contact> queued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Contact contact = created(TestContacts.pending(INSTANCE, now));
            assertTrue(flowRuns.recordFlowRun(contact, 1, new FlowResult(Map.of(), new QueueInfo(queueId, now), null, 2,
                    FlowResult.End.QUEUED), now));
            queued.add(contact);
        }
        // the same queue id in another instance is another queue
        Contact elsewhere = created(TestContacts.pending("instance-b", now));
        flowRuns.recordFlowRun(elsewhere, 1, new FlowResult(Map.of(), new QueueInfo(queueId, now), null, 2, FlowResult.End.QUEUED), now);
        assertEquals(3, flowRuns.countQueued(INSTANCE, queueId, 10));
        assertEquals(2, flowRuns.countQueued(INSTANCE, queueId, 2));
        assertEquals(1, flowRuns.countQueued("instance-b", queueId, 10));
        // every ending leaves the queue: a stop, an expiry, a transfer (ContactTable.ending)
        assertEquals(Change.DONE, table.stop(queued.get(0).key(), now).change());
        assertEquals(2, flowRuns.countQueued(INSTANCE, queueId, 10));
        Contact expiring = table.find(queued.get(1).key(), now).orElseThrow();
        assertEquals(Change.DONE, table.expire(expiring.key(), expiring.expiry(), expiring.expiry()));
        assertEquals(1, flowRuns.countQueued(INSTANCE, queueId, 10));
        assertEquals(0, flowRuns.countQueued(INSTANCE, "no-such-queue", 10));
    }

    @Test
    void aDisconnectIsRecordedWithoutAQueue() {
        Contact contact = created(TestContacts.pending(INSTANCE, now));
        assertTrue(flowRuns.recordFlowRun(contact, 1,
                new FlowResult(Map.of(), null, now.plusSeconds(1), 1, FlowResult.End.DISCONNECTED), now));
        Contact ended = table.find(contact.key(), now).orElseThrow();
        assertEquals(now.plusSeconds(1), ended.disconnectedAt());
        assertEquals(null, ended.queue());
        assertEquals(Map.of(), ended.attributes());
    }

    @Test
    void anUnknownInstanceOrFlowIsNotFoundAndASavedFlowCannotStartTasks() {
        Contact elsewhere = TestContacts.pending("no-such-instance", now);
        assertEquals(Creation.refused(Refusal.INSTANCE_MISSING), newContacts.create(elsewhere, null, now));
        Contact unknownFlow = new Contact(new ContactKey(INSTANCE, "c-" + now.toEpochMilli()), "no-such-flow", "n", null,
                Map.of(), Map.of(), null, null, null, now, now, null, FlowStatus.PENDING, null, null, null);
        assertEquals(Creation.refused(Refusal.FLOW_MISSING), newContacts.create(unknownFlow, null, now));
        instances.create(new ContactFlow(INSTANCE, "draft", "Draft "
                + now.toEpochMilli(), "CONTACT_FLOW", null, "{}", ContactFlow.SAVED, Map.of(), now));
        Contact draft = new Contact(new ContactKey(INSTANCE, "d-" + now.toEpochMilli()), "draft", "n", null,
                Map.of(), Map.of(), null, null, null, now, now, null, FlowStatus.PENDING, null, null, null);
        assertEquals(Creation.refused(Refusal.FLOW_NOT_PUBLISHED), newContacts.create(draft, null, now));
        assertEquals(Optional.empty(), table.find(draft.key(), now));
    }

    @Test
    void aTaskFromATemplateIsWrittenOnlyWhileTheTemplateExistsAndIsActive() {
        TaskTemplate template = new TaskTemplate(INSTANCE, "tt-" + UUID.randomUUID(), "Callback", null, TestContacts.FLOW_ID,
                List.of(new TaskTemplate.Field("Title", null, "NAME", null)),
                new TaskTemplate.Constraints(List.of("Title"), null, null), List.of(), TaskTemplate.ACTIVE, now, now);
        Contact fromTemplate = withTemplate(TestContacts.pending(INSTANCE, now), template);
        assertEquals(Creation.refused(Refusal.TEMPLATE_MISSING), newContacts.create(fromTemplate, null, now));
        templates.create(template, null, now);
        TaskTemplate inactive = new TaskTemplate(INSTANCE, template.id(), template.name(), null, template.contactFlowId(),
                template.fields(), template.constraints(), List.of(), TaskTemplate.INACTIVE, now, now);
        templates.replace(inactive, 1);
        assertEquals(Creation.refused(Refusal.TEMPLATE_INACTIVE), newContacts.create(fromTemplate, null, now));
        assertEquals(Optional.empty(), table.find(fromTemplate.key(), now));
        templates.replace(template, 2);
        assertEquals(Creation.created(), newContacts.create(fromTemplate, null, now));
        assertEquals(new TaskTemplateInfo(template.id(), "Callback"), table.find(fromTemplate.key(), now).orElseThrow().taskTemplate());
    }

    private static Contact withTemplate(Contact c, TaskTemplate template) {
        return new Contact(c.key(), c.contactFlowId(), c.name(), c.description(), c.attributes(), c.references(),
                c.previousContactId(), c.initialContactId(), c.relatedContactId(), c.initiatedAt(), c.lastUpdatedAt(),
                c.scheduledAt(), c.flowStatus(), c.flowStartedAt(), c.queue(), c.disconnectedAt(), c.disconnectReason(),
                c.tags(), c.segmentAttributes(), c.initiationMethod(), c.targetQueueId(),
                new TaskTemplateInfo(template.id(), template.name()));
    }

    /** The due starts of this test's own contacts (other tests' contacts share the store). */
    private List<StartMessage> dueOf(Instant cutoff, Contact... contacts) {
        List<ContactKey> keys = java.util.Arrays.stream(contacts).map(Contact::key).toList();
        return due.dueBy(cutoff, 10_000).stream().filter(start -> keys.contains(start.key())).toList();
    }

    @Test
    void waitingContactsAreDueAtTheirTimeUntilTheirFlowStarts() {
        Instant at = now.plus(Duration.ofHours(1));
        Contact immediate = created(TestContacts.pending(INSTANCE, now));
        Contact scheduled = created(TestContacts.scheduled(INSTANCE, now, at));
        StartMessage immediateStart = new StartMessage(immediate.key(), TestContacts.FLOW_ID, null);
        StartMessage scheduledStart = new StartMessage(scheduled.key(), TestContacts.FLOW_ID, at);
        assertEquals(List.of(), dueOf(now.minusMillis(1), immediate, scheduled));
        assertEquals(List.of(immediateStart), dueOf(now, immediate, scheduled));
        assertEquals(Set.of(immediateStart, scheduledStart), Set.copyOf(dueOf(at, immediate, scheduled)));

        assertEquals(Change.DONE, table.reschedule(scheduled.key(), at.plusSeconds(60), now));
        assertEquals(List.of(immediateStart), dueOf(at, immediate, scheduled));
        assertEquals(List.of(new StartMessage(scheduled.key(), TestContacts.FLOW_ID, at.plusSeconds(60))),
                dueOf(at.plusSeconds(60), scheduled));

        assertTrue(start(immediate.key(), now));
        assertEquals(List.of(), dueOf(at.plusSeconds(60), immediate));
    }

    @Test
    void dueStartsAreReadUpToTheLimit() {
        List<Contact> waiting = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            waiting.add(created(TestContacts.pending(INSTANCE, now.minus(Duration.ofDays(400)))));
        }
        assertEquals(5, due.dueBy(now, 5).size());
        assertEquals(12, dueOf(now, waiting.toArray(Contact[]::new)).size());
    }

    private Map<String, String> tagsOf(Contact contact) {
        return table.find(contact.key(), now).orElseThrow().tags();
    }

    @Test
    void tagsAreAddedReplacedAndRemoved() {
        Contact contact = created(TestContacts.pending(INSTANCE, now));
        assertEquals(Map.of(), tagsOf(contact));
        Instant later = now.plusSeconds(5);
        assertEquals(Change.DONE, table.retag(new TagChange(contact.key(), Map.of("team", "billing", "priority", "high"),
                null), later));
        assertEquals(Map.of("team", "billing", "priority", "high"), tagsOf(contact));
        assertEquals(later, table.find(contact.key(), now).orElseThrow().lastUpdatedAt());
        assertEquals(Change.DONE, table.retag(new TagChange(contact.key(), Map.of("team", "sales"), null), later));
        assertEquals(Change.DONE, table.retag(new TagChange(contact.key(), null, List.of("priority", "absent")), later));
        assertEquals(Map.of("team", "sales"), tagsOf(contact));
        assertEquals(Change.NO_SUCH_CONTACT, table.retag(new TagChange(new ContactKey(INSTANCE, "missing"),
                Map.of("a", "b"), null), now));
        assertEquals(Change.NO_SUCH_CONTACT, table.retag(new TagChange(new ContactKey("instance-b", contact.id()),
                null, List.of("team")), now));
    }

    @Test
    void aContactHasAtMostSixTagsAndAFullOneCanStillReplaceOne() {
        Contact contact = created(TestContacts.pending(INSTANCE, now));
        Map<String, String> six = Map.of("a", "1", "b", "2", "c", "3", "d", "4", "e", "5", "f", "6");
        table.retag(new TagChange(contact.key(), six, null), now);
        failure(ErrorType.INVALID_PARAMETER, () -> table.retag(new TagChange(contact.key(), Map.of("g", "7"), null), now));
        assertEquals(six, tagsOf(contact));
        assertEquals(Change.DONE, table.retag(new TagChange(contact.key(), Map.of("a", "one"), null), now));
        assertEquals("one", tagsOf(contact).get("a"));
        assertEquals(6, tagsOf(contact).size());
    }

    @Test
    void concurrentTagsWithDistinctKeysLoseNone() throws Exception {
        Contact contact = created(TestContacts.pending(INSTANCE, now));
        List<Future<?>> tagging = new ArrayList<>();
        for (String key : List.of("a", "b", "c", "d", "e", "f")) {
            tagging.add(pool.submit(() -> table.retag(new TagChange(contact.key(), Map.of(key, key), null), now)));
        }
        for (Future<?> each : tagging) {
            each.get();
        }
        assertEquals(Map.of("a", "a", "b", "b", "c", "c", "d", "d", "e", "e", "f", "f"), tagsOf(contact));
    }

    @Test
    void aStopEndsAContactOnceAndTakesItOutOfTheDueStarts() {
        Instant at = now.plus(Duration.ofHours(1));
        Contact scheduled = created(TestContacts.scheduled(INSTANCE, now, at));
        ContactStore.Stopping stopping = table.stop(scheduled.key(), now.plusSeconds(1));
        assertEquals(Change.DONE, stopping.change());
        assertEquals(scheduled, stopping.before());
        Contact stopped = table.find(scheduled.key(), now).orElseThrow();
        assertEquals(now.plusSeconds(1), stopped.disconnectedAt());
        assertEquals("API", stopped.disconnectReason());
        assertEquals(List.of(), dueOf(at.plusSeconds(60), scheduled));
        assertEquals(Change.ALREADY_ENDED, table.stop(scheduled.key(), now.plusSeconds(2)).change());
        assertEquals(now.plusSeconds(1), table.find(scheduled.key(), now).orElseThrow().disconnectedAt());
        assertEquals(Change.NO_SUCH_CONTACT, table.stop(new ContactKey(INSTANCE, "missing"), now).change());
        assertEquals(Change.NO_SUCH_CONTACT, table.stop(new ContactKey("instance-b", scheduled.id()), now).change());
        // a run computed before the stop cannot be recorded after it
        assertFalse(flowRuns.recordFlowRun(scheduled, 1,
                new FlowResult(Map.of(), null, null, 1, FlowResult.End.QUEUED), now));
    }

    @Test
    void aStartedContactIsDueForItsExpiryAndExpiresOnceAtExactlyThatExpiry() {
        Contact contact = created(TestContacts.pending(INSTANCE, now));
        assertTrue(flowRuns.recordFlowRun(contact, 1,
                new FlowResult(Map.of(), new QueueInfo("q", now), null, 1, FlowResult.End.QUEUED), now));
        Instant expiry = contact.expiry();
        assertEquals(now.plus(Duration.ofDays(7)), expiry);
        assertEquals(List.of(), expiriesOf(expiry.minusMillis(1), contact));
        assertEquals(List.of(new ExpiryMessage(contact.key(), expiry)), expiriesOf(expiry, contact));
        assertEquals(List.of(), dueOf(expiry.plusSeconds(60), contact));

        assertEquals(Change.EXPIRY_MOVED, table.expire(contact.key(), expiry.minusSeconds(1), expiry));
        assertEquals(Change.NO_SUCH_CONTACT, table.expire(new ContactKey("instance-b", contact.id()), expiry, expiry));
        assertEquals(Change.DONE, table.expire(contact.key(), expiry, expiry.plusMillis(5)));
        Contact expired = table.find(contact.key(), now).orElseThrow();
        assertEquals("EXPIRED", expired.disconnectReason());
        assertEquals(expiry.plusMillis(5), expired.disconnectedAt());
        assertEquals(Change.ALREADY_ENDED, table.expire(contact.key(), expiry, expiry.plusMillis(6)));
        assertEquals(List.of(), expiriesOf(expiry.plusSeconds(60), contact));
    }

    @Test
    void aNewExpiryMovesTheDueExpiryOfAStartedContactOnly() {
        SegmentAttributes tenMinutes = new SegmentAttributes(Map.of(SegmentAttributes.EXPIRY_KEY,
                "{\"ValueMap\":{\"ExpiryDuration\":{\"ValueInteger\":10}}}"), 10);
        Contact waiting = created(TestContacts.scheduled(INSTANCE, now, now.plus(Duration.ofHours(1))));
        assertEquals(Change.DONE, table.update(waiting.key(), new ContactChanges(null, null, Map.of(), tenMinutes), now));
        Contact stillWaiting = table.find(waiting.key(), now).orElseThrow();
        assertEquals(tenMinutes, stillWaiting.segmentAttributes());
        assertEquals(List.of(new StartMessage(waiting.key(), TestContacts.FLOW_ID, waiting.scheduledAt())),
                dueOf(waiting.scheduledAt(), waiting));

        Contact started = created(TestContacts.pending(INSTANCE, now));
        assertTrue(flowRuns.recordFlowRun(started, 1, new FlowResult(Map.of(), null, null, 1, FlowResult.End.QUEUED), now));
        assertEquals(Change.DONE, table.update(started.key(), new ContactChanges(null, null, Map.of(), tenMinutes), now));
        Instant moved = now.plus(Duration.ofMinutes(10));
        assertEquals(moved, table.find(started.key(), now).orElseThrow().expiry());
        assertEquals(List.of(new ExpiryMessage(started.key(), moved)), expiriesOf(moved, started));
        assertEquals(Change.EXPIRY_MOVED, table.expire(started.key(), started.expiry(), started.expiry()));
        assertEquals(Change.DONE, table.expire(started.key(), moved, moved));
    }

    private List<ExpiryMessage> expiriesOf(Instant cutoff, Contact contact) {
        return due.expiriesBy(cutoff, Reconcile.MAX_STARTS_PER_RUN).stream()
                .filter(expiry -> expiry.key().equals(contact.key())).toList();
    }

    private Contact startedContact() {
        Contact contact = created(TestContacts.pending(INSTANCE, now));
        assertTrue(flowRuns.recordFlowRun(contact, 1,
                new FlowResult(contact.attributes(), new QueueInfo("q", now), null, 1, FlowResult.End.QUEUED), now));
        return table.find(contact.key(), now).orElseThrow();
    }

    private Creation<NewContactStore.TransferRefusal> transfer(ContactKey from, String newId, IdempotencyRecord token) {
        return newContacts.transfer(from, read -> TransferContact.successor(read,
                new TransferRequest(from, TestContacts.FLOW_ID, "escalations", null, null), newId, now), token, now);
    }

    @Test
    void aTransferEndsTheContactAndCreatesItsSuccessorOnceAndOnlyFromAnActiveContact() {
        Contact first = startedContact();
        String secondId = "t-" + UUID.randomUUID();
        IdempotencyRecord token = new IdempotencyRecord("transfer-" + secondId, "hash", secondId);
        assertEquals(Creation.created(), transfer(first.key(), secondId, token));
        Contact ended = table.find(first.key(), now).orElseThrow();
        assertEquals("TRANSFERRED", ended.disconnectReason());
        Contact second = table.find(new ContactKey(INSTANCE, secondId), now).orElseThrow();
        assertEquals("TRANSFER", second.initiationMethod());
        assertEquals(first.id(), second.previousContactId());
        assertEquals(first.id(), second.initialContactId());
        assertEquals("escalations", second.targetQueueId());
        assertEquals(List.of(new StartMessage(second.key(), TestContacts.FLOW_ID, null)), dueOf(now, second));

        assertEquals(new Creation.TokenHeld<>(token), transfer(first.key(), "other", token));
        assertEquals(Creation.refused(NewContactStore.TransferRefusal.ENDED), transfer(first.key(), "other", null));
        Contact waiting = created(TestContacts.pending(INSTANCE, now));
        assertEquals(Creation.refused(NewContactStore.TransferRefusal.NOT_STARTED), transfer(waiting.key(), "other", null));
        assertEquals(Creation.refused(NewContactStore.TransferRefusal.NO_SUCH_CONTACT),
                transfer(new ContactKey("instance-b", second.id()), "other", null));
        Contact active = startedContact();
        assertEquals(Creation.refused(NewContactStore.TransferRefusal.FLOW_MISSING), newContacts.transfer(active.key(),
                read -> TransferContact.successor(read, new TransferRequest(active.key(), "no-such-flow", null, null, null),
                        "other", now), null, now));
        assertNull(table.find(active.key(), now).orElseThrow().disconnectedAt());
        assertTrue(table.find(new ContactKey(INSTANCE, "other"), now).isEmpty());
    }

    @Test
    void aChainHoldsElevenTransfers() {
        ContactKey current = startedContact().key();
        for (int i = 0; i < 11; i++) {
            String next = "t-" + UUID.randomUUID();
            assertEquals(Creation.created(), transfer(current, next, null));
            current = new ContactKey(INSTANCE, next);
            Contact successor = table.find(current, now).orElseThrow();
            assertTrue(flowRuns.recordFlowRun(successor, 1, new FlowResult(Map.of(), null, null, 1, FlowResult.End.QUEUED), now));
        }
        assertEquals(Creation.refused(NewContactStore.TransferRefusal.TRANSFER_LIMIT), transfer(current, "over", null));
    }

    @Test
    void aTransferAgainstAStopHasExactlyOneWinner() throws Exception {
        for (int round = 0; round < 10; round++) {
            Contact contact = startedContact();
            String successorId = "t-" + UUID.randomUUID();
            Future<Creation<NewContactStore.TransferRefusal>> transferred = pool.submit(() -> transfer(contact.key(), successorId, null));
            Future<ContactStore.Stopping> stopped = pool.submit(() -> table.stop(contact.key(), now));
            boolean transferWon = transferred.get().equals(Creation.created());
            boolean stopWon = stopped.get().change() == Change.DONE;
            assertTrue(transferWon != stopWon, "transfer " + transferred.get() + ", stop " + stopped.get().change());
            Contact ended = table.find(contact.key(), now).orElseThrow();
            assertEquals(transferWon ? "TRANSFERRED" : "API", ended.disconnectReason());
            assertEquals(transferWon, table.find(new ContactKey(INSTANCE, successorId), now).isPresent());
        }
    }

    @Test
    void attributesReachEveryContactOfTheChainAndConcurrentUpdatesLoseNoKey() throws Exception {
        Contact first = startedContact();
        String secondId = "t-" + UUID.randomUUID();
        assertEquals(Creation.created(), transfer(first.key(), secondId, null));
        Contact second = table.find(new ContactKey(INSTANCE, secondId), now).orElseThrow();
        Contact third = created(new Contact(new ContactKey(INSTANCE, "l-" + UUID.randomUUID()), TestContacts.FLOW_ID, "n",
                null, Map.of("own", "x"), Map.of(), second.id(), first.id(), null, now, now, null,
                dev.connecttasks.contact.FlowStatus.PENDING, null, null, null));
        Contact outsider = startedContact();

        assertEquals(Change.DONE, table.updateAttributes(third.key(), Map.of("status", "open"), now));
        assertEquals(Change.DONE, table.updateAttributes(second.key(), Map.of("status", "resolved"), now));
        List<Future<Change>> updates = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String key = "k" + i;
            updates.add(pool.submit(() -> table.updateAttributes(third.key(), Map.of(key, key), now)));
        }
        for (Future<Change> update : updates) {
            assertEquals(Change.DONE, update.get());
        }
        for (Contact member : List.of(first, second, third)) {
            Map<String, String> attributes = table.find(member.key(), now).orElseThrow().attributes();
            assertEquals("resolved", attributes.get("status"), member.id());
            for (int i = 0; i < 20; i++) {
                assertEquals("k" + i, attributes.get("k" + i), member.id());
            }
        }
        assertEquals("x", table.find(third.key(), now).orElseThrow().attributes().get("own"));
        assertNull(table.find(outsider.key(), now).orElseThrow().attributes().get("status"));

        failure(ErrorType.INVALID_PARAMETER, () -> table.updateAttributes(first.key(), Map.of("big", "x".repeat(32_700)), now));
        assertNull(table.find(second.key(), now).orElseThrow().attributes().get("big"));
        assertEquals(Change.NO_SUCH_CONTACT, table.updateAttributes(new ContactKey("instance-b", first.id()), Map.of("a", "b"), now));
    }
}
