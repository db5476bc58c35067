package dev.connecttasks.memory;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactChanges;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.contact.ContactTimestamp;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.QueueInfo;
import dev.connecttasks.contact.Reference;
import dev.connecttasks.contact.SegmentAttributes;
import dev.connecttasks.contact.TagChange;
import dev.connecttasks.contact.TagRules;
import dev.connecttasks.flow.ExpiryMessage;
import dev.connecttasks.flow.FlowResult;
import dev.connecttasks.flow.StartMessage;
import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.instance.Queue;
import dev.connecttasks.operation.port.Change;
import dev.connecttasks.operation.port.ContactAndFlow;
import dev.connecttasks.operation.port.ContactSearchIndex;
import dev.connecttasks.operation.port.ContactStore.Stopping;
import dev.connecttasks.operation.port.ContactStore;
import dev.connecttasks.operation.port.Creation;
import dev.connecttasks.operation.port.DueStarts;
import dev.connecttasks.operation.port.FlowRunStore;
import dev.connecttasks.operation.port.IdempotencyRecord;
import dev.connecttasks.operation.port.NewContactStore.TransferRefusal;
import dev.connecttasks.operation.port.NewContactStore;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The contact ports on a map, with the table's semantics: every write all or nothing and conditional
 * as the DynamoDB adapters' are, a contact past its retention gone, a revision per contact. For
 * operation tests, which run in milliseconds; the adapters' own tests hold the table to the same rules.
 */
public final class MemoryContacts implements ContactStore, NewContactStore, FlowRunStore, DueStarts, ContactSearchIndex {
    private record Stored(Contact contact, long revision, int linkedTasks, int transfers) {
        Stored(Contact contact, long revision, int linkedTasks) {
            this(contact, revision, linkedTasks, 0);
        }

        boolean presentAt(Instant now) {
            return contact.retainedUntil().isAfter(now);
        }
    }

    private final MemoryInstances instances;
    private final Map<ContactKey, Stored> contacts = new HashMap<>();
    private final TokenClaims tokens = new TokenClaims();
    private RuntimeException nextWriteFailure;

    public MemoryContacts(MemoryInstances instances) {
        this.instances = instances;
    }

    /** The next write throws this instead of writing (a throttle, a lost connection). */
    public synchronized void failNextWrite(RuntimeException failure) {
        nextWriteFailure = failure;
    }

    /** Every contact stored, present or past its retention. */
    public synchronized int size() {
        return contacts.size();
    }

    /** The keys of every contact stored, in no order. */
    public synchronized List<ContactKey> keys() {
        return List.copyOf(contacts.keySet());
    }

    public synchronized long revision(ContactKey key) {
        return contacts.get(key).revision();
    }

    public synchronized int linkedTasks(ContactKey key) {
        return contacts.get(key).linkedTasks();
    }

    @Override
    public synchronized Creation<Refusal> create(Contact contact, IdempotencyRecord token, Instant now) {
        failIfAsked();
        if (instances.findInstance(contact.instanceId()).isEmpty()) {
            return Creation.refused(Refusal.INSTANCE_MISSING);
        }
        Optional<ContactFlow> flow = instances.findFlow(contact.instanceId(), contact.contactFlowId());
        if (flow.isEmpty()) {
            return Creation.refused(Refusal.FLOW_MISSING);
        }
        if (!flow.get().published()) {
            return Creation.refused(Refusal.FLOW_NOT_PUBLISHED);
        }
        Optional<IdempotencyRecord> held = tokens.held(contact.instanceId(), token, now);
        if (held.isPresent()) {
            return new Creation.TokenHeld<>(held.get());
        }
        if (contact.taskTemplate() != null) {
            var template = instances.find(contact.instanceId(), contact.taskTemplate().id());
            if (template.isEmpty()) {
                return Creation.refused(Refusal.TEMPLATE_MISSING);
            }
            if (!template.get().template().active()) {
                return Creation.refused(Refusal.TEMPLATE_INACTIVE);
            }
        }
        ContactKey previousKey = null;
        if (contact.previousContactId() != null) {
            previousKey = new ContactKey(contact.instanceId(), contact.previousContactId());
            Stored previous = contacts.get(previousKey);
            if (previous == null || !previous.presentAt(now)) {
                return Creation.refused(Refusal.PREVIOUS_MISSING);
            }
            if (previous.linkedTasks() >= ContactRules.MAX_TASKS_PER_PREVIOUS_CONTACT) {
                return Creation.refused(Refusal.PREVIOUS_AT_CAPACITY);
            }
        }
        if (contacts.containsKey(contact.key())) {
            throw new IllegalStateException("a new contact id collided: " + contact.key());
        }
        contacts.put(contact.key(), new Stored(contact, 1, 0));
        tokens.claim(contact.instanceId(), token, now);
        if (previousKey != null) {
            Stored previous = contacts.get(previousKey);
            contacts.put(previousKey, new Stored(previous.contact(), previous.revision(), previous.linkedTasks() + 1, previous.transfers()));
        }
        return Creation.created();
    }

    @Override
    public synchronized Creation<TransferRefusal> transfer(ContactKey fromKey, Function<Contact, Contact> successorOf,
            IdempotencyRecord token, Instant now) {
        failIfAsked();
        Optional<IdempotencyRecord> held = tokens.held(fromKey.instanceId(), token, now);
        if (held.isPresent()) {
            return new Creation.TokenHeld<>(held.get());
        }
        Optional<Stored> stored = present(fromKey, now);
        if (stored.isEmpty()) {
            return Creation.refused(TransferRefusal.NO_SUCH_CONTACT);
        }
        Contact from = stored.get().contact();
        if (from.ended()) {
            return Creation.refused(TransferRefusal.ENDED);
        }
        if (from.flowStatus() != FlowStatus.STARTED) {
            return Creation.refused(TransferRefusal.NOT_STARTED);
        }
        if (stored.get().transfers() >= ContactRules.MAX_TRANSFERS) {
            return Creation.refused(TransferRefusal.TRANSFER_LIMIT);
        }
        Contact successor = successorOf.apply(from);
        Optional<ContactFlow> flow = instances.findFlow(successor.instanceId(), successor.contactFlowId());
        if (flow.isEmpty()) {
            return Creation.refused(TransferRefusal.FLOW_MISSING);
        }
        if (!flow.get().published()) {
            return Creation.refused(TransferRefusal.FLOW_NOT_PUBLISHED);
        }
        contacts.put(successor.key(), new Stored(successor, 1, 0, stored.get().transfers() + 1));
        tokens.claim(fromKey.instanceId(), token, now);
        end(stored.get(), now, ContactRules.TRANSFERRED);
        return Creation.created();
    }

    @Override
    public synchronized Optional<Contact> find(ContactKey key, Instant now) {
        return present(key, now).map(Stored::contact);
    }

    @Override
    public synchronized Map<String, Contact> findAll(String instanceId, Collection<String> contactIds, Instant now) {
        Map<String, Contact> found = new HashMap<>();
        for (String contactId : contactIds) {
            find(new ContactKey(instanceId, contactId), now).ifPresent(contact -> found.put(contactId, contact));
        }
        return found;
    }

    @Override
    public synchronized Change update(ContactKey key, ContactChanges changes, Instant now) {
        failIfAsked();
        Optional<Stored> stored = present(key, now);
        if (stored.isEmpty()) {
            return Change.NO_SUCH_CONTACT;
        }
        Contact contact = stored.get().contact();
        Map<String, Reference> references = new HashMap<>(contact.references());
        references.putAll(changes.references());
        ContactRules.checkReferenceCap(references);
        replace(stored.get(), changed(contact, changes.name() != null ? changes.name() : contact.name(),
                changes.description() != null ? changes.description() : contact.description(),
                contact.attributes(), references, now, contact.scheduledAt(), contact.flowStatus(),
                contact.flowStartedAt(), contact.queue(), contact.disconnectedAt(),
                contact.segmentAttributes().merge(changes.segmentAttributes())));
        return Change.DONE;
    }

    @Override
    public synchronized Change retag(TagChange change, Instant now) {
        failIfAsked();
        Optional<Stored> stored = present(change.key(), now);
        if (stored.isEmpty()) {
            return Change.NO_SUCH_CONTACT;
        }
        Contact contact = stored.get().contact();
        Map<String, String> tags = new HashMap<>(contact.tags());
        tags.putAll(change.tags());
        change.removedKeys().forEach(tags::remove);
        TagRules.checkCap(tags);
        contacts.put(contact.key(), new Stored(new Contact(contact.key(), contact.contactFlowId(), contact.name(),
                contact.description(), contact.attributes(), contact.references(), contact.previousContactId(),
                contact.initialContactId(), contact.relatedContactId(), contact.initiatedAt(), now, contact.scheduledAt(),
                contact.flowStatus(), contact.flowStartedAt(), contact.queue(), contact.disconnectedAt(),
                contact.disconnectReason(), tags, contact.segmentAttributes(), contact.initiationMethod(), contact.targetQueueId(), contact.taskTemplate()),
                stored.get().revision() + 1, stored.get().linkedTasks(), stored.get().transfers()));
        return Change.DONE;
    }

    @Override
    public synchronized Change updateAttributes(ContactKey key, Map<String, String> attributes, Instant now) {
        failIfAsked();
        Optional<Stored> addressed = present(key, now);
        if (addressed.isEmpty()) {
            return Change.NO_SUCH_CONTACT;
        }
        String initial = initialOf(addressed.get().contact());
        List<Stored> chain = contacts.values().stream()
                .filter(stored -> stored.presentAt(now) && stored.contact().instanceId().equals(key.instanceId())
                        && initialOf(stored.contact()).equals(initial))
                .toList();
        Map<ContactKey, Map<String, String>> merged = new HashMap<>();
        for (Stored member : chain) {
            Map<String, String> memberAttributes = new HashMap<>(member.contact().attributes());
            memberAttributes.putAll(attributes);
            ContactRules.checkAttributeCap(memberAttributes);
            merged.put(member.contact().key(), memberAttributes);
        }
        for (Stored member : chain) {
            Contact contact = member.contact();
            replace(member, changed(contact, contact.name(), contact.description(), merged.get(contact.key()),
                    contact.references(), now, contact.scheduledAt(), contact.flowStatus(), contact.flowStartedAt(),
                    contact.queue(), contact.disconnectedAt(), contact.segmentAttributes()));
        }
        return Change.DONE;
    }

    private static String initialOf(Contact contact) {
        return contact.initialContactId() != null ? contact.initialContactId() : contact.id();
    }

    @Override
    public synchronized Stopping stop(ContactKey key, Instant now) {
        failIfAsked();
        Optional<Stored> stored = present(key, now);
        if (stored.isEmpty()) {
            return new Stopping(Change.NO_SUCH_CONTACT, null);
        }
        Contact contact = stored.get().contact();
        if (contact.ended()) {
            return new Stopping(Change.ALREADY_ENDED, null);
        }
        end(stored.get(), now, ContactRules.API_DISCONNECT);
        return new Stopping(Change.DONE, contact);
    }

    @Override
    public synchronized Change expire(ContactKey key, Instant expiry, Instant now) {
        failIfAsked();
        Optional<Stored> stored = present(key, now);
        if (stored.isEmpty()) {
            return Change.NO_SUCH_CONTACT;
        }
        Contact contact = stored.get().contact();
        if (contact.ended()) {
            return Change.ALREADY_ENDED;
        }
        if (contact.flowStatus() != FlowStatus.STARTED || !contact.expiry().equals(expiry)) {
            return Change.EXPIRY_MOVED;
        }
        end(stored.get(), now, ContactRules.EXPIRED);
        return Change.DONE;
    }

    private void end(Stored stored, Instant now, String reason) {
        Contact contact = stored.contact();
        contacts.put(contact.key(), new Stored(new Contact(contact.key(), contact.contactFlowId(), contact.name(),
                contact.description(), contact.attributes(), contact.references(), contact.previousContactId(),
                contact.initialContactId(), contact.relatedContactId(), contact.initiatedAt(), now, contact.scheduledAt(),
                contact.flowStatus(), contact.flowStartedAt(), contact.queue(), now, reason, contact.tags(),
                contact.segmentAttributes(), contact.initiationMethod(), contact.targetQueueId(), contact.taskTemplate()),
                stored.revision() + 1, stored.linkedTasks(), stored.transfers()));
    }

    @Override
    public synchronized Change reschedule(ContactKey key, Instant scheduledTime, Instant now) {
        failIfAsked();
        Optional<Stored> stored = present(key, now);
        if (stored.isEmpty()) {
            return Change.NO_SUCH_CONTACT;
        }
        Contact contact = stored.get().contact();
        if (contact.flowStatus() != FlowStatus.SCHEDULED) {
            return contact.flowStatus() == FlowStatus.STARTED ? Change.FLOW_STARTED : Change.NOT_SCHEDULED;
        }
        replace(stored.get(), changed(contact, contact.name(), contact.description(), contact.attributes(),
                contact.references(), now, scheduledTime, contact.flowStatus(), contact.flowStartedAt(),
                contact.queue(), contact.disconnectedAt(), contact.segmentAttributes()));
        return Change.DONE;
    }

    @Override
    public synchronized Optional<ContactAndFlow> findForRun(ContactKey key, String contactFlowId, Instant now) {
        return present(key, now).map(stored -> new ContactAndFlow(stored.contact(), stored.revision(),
                instances.findFlow(key.instanceId(), stored.contact().contactFlowId()).orElse(null),
                stored.contact().initialContactId() != null || contacts.values().stream()
                        .anyMatch(other -> key.contactId().equals(other.contact().initialContactId()))));
    }

    @Override
    public synchronized void shareAttributes(ContactKey key, Map<String, String> attributes, Instant now) {
        updateAttributes(key, attributes, now);
    }

    @Override
    public synchronized Optional<Queue> findQueue(String instanceId, String queueId) {
        return instances.findQueue(instanceId, queueId);
    }

    /** Exact, where the table's index is eventually consistent. */
    @Override
    public synchronized int countQueued(String instanceId, String queueId, int limit) {
        long queued = contacts.values().stream().map(Stored::contact)
                .filter(contact -> contact.instanceId().equals(instanceId) && !contact.ended() && contact.queue() != null
                        && contact.queue().queueId().equals(queueId))
                .count();
        return (int) Math.min(queued, limit);
    }

    @Override
    public synchronized Optional<ContactFlow> findFlow(String instanceId, String contactFlowId) {
        return instances.findFlow(instanceId, contactFlowId);
    }

    @Override
    public synchronized boolean recordFlowRun(Contact read, long revision, FlowResult run, Instant now) {
        failIfAsked();
        Stored stored = contacts.get(read.key());
        if (stored == null || stored.revision() != revision) {
            return false;
        }
        Contact contact = stored.contact();
        replace(stored, changed(contact, contact.name(), contact.description(), run.attributes(),
                contact.references(), now, contact.scheduledAt(), FlowStatus.STARTED, now,
                run.queue() != null ? run.queue() : contact.queue(),
                run.disconnectedAt() != null ? run.disconnectedAt() : contact.disconnectedAt(), contact.segmentAttributes()));
        return true;
    }

    @Override
    public synchronized List<StartMessage> dueBy(Instant cutoff, int limit) {
        return contacts.values().stream()
                .map(Stored::contact)
                .filter(contact -> contact.flowStatus() != FlowStatus.STARTED && !contact.ended())
                .filter(contact -> !(contact.scheduledAt() != null ? contact.scheduledAt() : contact.initiatedAt()).isAfter(cutoff))
                .limit(limit)
                .map(contact -> new StartMessage(contact.key(), contact.contactFlowId(), contact.scheduledAt()))
                .toList();
    }

    @Override
    public synchronized List<ExpiryMessage> expiriesBy(Instant cutoff, int limit) {
        return contacts.values().stream()
                .map(Stored::contact)
                .filter(contact -> contact.flowStatus() == FlowStatus.STARTED && !contact.ended())
                .filter(contact -> !contact.expiry().isAfter(cutoff))
                .limit(limit)
                .map(contact -> new ExpiryMessage(contact.key(), contact.expiry()))
                .toList();
    }

    @Override
    public synchronized List<Contact> inRange(String instanceId, ContactTimestamp timestamp, Instant start, Instant end,
                                              boolean ascending, Predicate<Contact> matches, int limit, Instant now) {
        Comparator<Contact> order = Comparator.comparing(timestamp::of).thenComparing(Contact::id);
        return contacts.values().stream()
                .filter(stored -> stored.presentAt(now))
                .map(Stored::contact)
                .filter(contact -> contact.instanceId().equals(instanceId) && timestamp.of(contact) != null)
                .filter(contact -> !timestamp.of(contact).isBefore(start) && !timestamp.of(contact).isAfter(end))
                .filter(matches)
                .sorted(ascending ? order : order.reversed())
                .limit(limit)
                .toList();
    }

    private Optional<Stored> present(ContactKey key, Instant now) {
        Stored stored = contacts.get(key);
        return stored != null && stored.presentAt(now) ? Optional.of(stored) : Optional.empty();
    }

    /** The contact with what a write may change; its identity, links and initiation stay. */
    private static Contact changed(Contact contact, String name, String description, Map<String, String> attributes,
            Map<String, Reference> references, Instant lastUpdatedAt, Instant scheduledAt, FlowStatus flowStatus,
            Instant flowStartedAt, QueueInfo queue, Instant disconnectedAt, SegmentAttributes segmentAttributes) {
        return new Contact(contact.key(), contact.contactFlowId(), name, description, attributes, references,
                contact.previousContactId(), contact.initialContactId(), contact.relatedContactId(),
                contact.initiatedAt(), lastUpdatedAt, scheduledAt, flowStatus, flowStartedAt, queue, disconnectedAt,
                disconnectedAt == null ? null : contact.disconnectReason() != null ? contact.disconnectReason()
                        : ContactRules.FLOW_DISCONNECT, contact.tags(), segmentAttributes, contact.initiationMethod(), contact.targetQueueId(), contact.taskTemplate());
    }

    private void replace(Stored stored, Contact changed) {
        contacts.put(changed.key(), new Stored(changed, stored.revision() + 1, stored.linkedTasks(), stored.transfers()));
    }

    private void failIfAsked() {
        RuntimeException failure = nextWriteFailure;
        if (failure != null) {
            nextWriteFailure = null;
            throw failure;
        }
    }
}
