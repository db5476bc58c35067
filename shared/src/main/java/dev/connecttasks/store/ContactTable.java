package dev.connecttasks.store;

import static dev.connecttasks.error.ApiException.throttled;
import static dev.connecttasks.store.ContactItems.EXPIRES_AT;
import static dev.connecttasks.store.ContactItems.FLOW_STATUS;
import static dev.connecttasks.store.ContactItems.LAST_UPDATED_AT;
import static dev.connecttasks.store.ContactItems.PK;
import static dev.connecttasks.store.ContactItems.REFERENCES;
import static dev.connecttasks.store.ContactItems.REFERENCE_BYTES;
import static dev.connecttasks.store.ContactItems.REVISION;
import static dev.connecttasks.store.ContactItems.SCHEDULED_AT;
import static dev.connecttasks.store.ContactItems.present;
import static dev.connecttasks.store.ItemValues.millis;
import static dev.connecttasks.store.ItemValues.n;
import static dev.connecttasks.store.ItemValues.s;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactChanges;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.Reference;
import dev.connecttasks.contact.TagChange;
import dev.connecttasks.operation.port.Change;
import dev.connecttasks.operation.port.ContactStore.Stopping;
import dev.connecttasks.operation.port.ContactStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The contact table's reads and changes to existing contacts. Every write that can race is
 * conditional and every operation costs the fewest round trips it can: reads are one consistent
 * GetItem (or one BatchGetItem), UpdateContact is one UpdateItem in the common case. New contacts
 * are {@link NewContacts}; flow starts are {@link FlowRuns}.
 */
public final class ContactTable implements ContactStore {
    private final DynamoDbClient dynamo;
    private final String tableName;
    private final ContactTags tags;
    private final ContactAttributes attributes;

    public ContactTable(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.tags = new ContactTags(dynamo, tableName);
        this.attributes = new ContactAttributes(dynamo, tableName);
    }

    public String tableName() {
        return tableName;
    }

    /** One consistent read; a contact past its retention is gone even before TTL deletes it. */
    @Override
    public Optional<Contact> find(ContactKey key, Instant now) {
        Map<String, AttributeValue> item = consistentGet(dynamo, tableName, ContactItems.key(key));
        return present(item, now) ? Optional.of(ContactItems.fromItem(item)) : Optional.empty();
    }

    /** One item by its key, read consistently: every single read of the store. */
    static Map<String, AttributeValue> consistentGet(DynamoDbClient dynamo, String tableName, Map<String, AttributeValue> key) {
        return dynamo.getItem(get -> get.tableName(tableName).key(key).consistentRead(true)).item();
    }

    /**
     * Items by key (at most 100), read consistently in one BatchGetItem, again for keys it leaves
     * unprocessed. Absent items are missing from the list.
     */
    static List<Map<String, AttributeValue>> consistentBatchGet(DynamoDbClient dynamo, String tableName,
            List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, KeysAndAttributes> pending = Map.of(tableName,
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > Retries.MAX_ATTEMPTS) {
                throw throttled("The table is busy; retry the request.");
            }
            if (attempt > 1) {
                Retries.backOff(attempt - 1);
            }
            Map<String, KeysAndAttributes> request = pending;
            var response = dynamo.batchGetItem(batch -> batch.requestItems(request));
            items.addAll(response.responses().getOrDefault(tableName, List.of()));
            pending = response.unprocessedKeys();
        }
        return items;
    }

    /** Contacts of one instance by id, in one consistent BatchGetItem; absent ids are missing from the map. */
    @Override
    public Map<String, Contact> findAll(String instanceId, Collection<String> contactIds, Instant now) {
        List<Map<String, AttributeValue>> keys = contactIds.stream()
                .map(contactId -> ContactItems.key(new ContactKey(instanceId, contactId))).toList();
        Map<String, Contact> found = new HashMap<>();
        for (Map<String, AttributeValue> item : consistentBatchGet(dynamo, tableName, keys)) {
            if (present(item, now)) {
                Contact contact = ContactItems.fromItem(item);
                found.put(contact.id(), contact);
            }
        }
        return found;
    }

    /**
     * UpdateContact in one conditional write when every reference is new and the cap has room; when a
     * reference is replaced (or the cap is near), or a new expiry meets a contact whose flow has started
     * (its due expiry moves), the failed write returns the item, and one more write, conditional on its
     * revision, applies the exact merge.
     */
    @Override
    public Change update(ContactKey key, ContactChanges changes, Instant now) {
        return writeInPlaceOrMerge(dynamo, addingNewReferences(key, changes, now), current -> {
            Map<String, Reference> merged = ContactItems.references(current.get(REFERENCES));
            merged.putAll(changes.references());
            ContactRules.checkReferenceCap(merged);
            return mergingReferences(key, changes, merged, current, now);
        }, now);
    }

    /**
     * A change written in place by one conditional UpdateItem; when its condition fails, the item it
     * returns is merged with the change (the merge applies the change's rules and may refuse it) and
     * written conditional on that item's revision, again while the contact keeps changing, up to
     * {@link Retries#MAX_ATTEMPTS} times.
     */
    static Change writeInPlaceOrMerge(DynamoDbClient dynamo, UpdateItemRequest inPlace,
            Function<Map<String, AttributeValue>, UpdateItemRequest> merging, Instant now) {
        Map<String, AttributeValue> current;
        try {
            dynamo.updateItem(inPlace);
            return Change.DONE;
        } catch (ConditionalCheckFailedException e) {
            current = e.item();
        }
        for (int attempt = 1; ; attempt++) {
            if (!present(current, now)) {
                return Change.NO_SUCH_CONTACT;
            }
            try {
                dynamo.updateItem(merging.apply(current));
                return Change.DONE;
            } catch (ConditionalCheckFailedException e) {
                if (attempt == Retries.MAX_ATTEMPTS) {
                    throw throttled("The contact is being changed concurrently; retry the request.");
                }
                Retries.backOff(attempt);
                current = e.item();
            }
        }
    }

    @Override
    public Change retag(TagChange change, Instant now) {
        return tags.retag(change, now);
    }

    @Override
    public Change updateAttributes(ContactKey key, Map<String, String> attributes, Instant now) {
        return this.attributes.update(key, attributes, now);
    }

    /** One conditional UpdateItem that returns the contact as it was, so no read comes first. */
    @Override
    public Stopping stop(ContactKey key, Instant now) {
        ExpressionPlaceholders expr = new ExpressionPlaceholders();
        String update = ending(expr, ContactRules.API_DISCONNECT, now);
        String condition = "attribute_exists(" + expr.name(PK) + ") AND " + expr.name(EXPIRES_AT) + " > "
                + expr.value(n(now.getEpochSecond())) + " AND attribute_not_exists(" + expr.name(ContactItems.DISCONNECTED_AT) + ")";
        try {
            var stopped = dynamo.updateItem(conditionalUpdate(tableName, key, expr, update, condition).toBuilder()
                    .returnValues(ReturnValue.ALL_OLD).build());
            return new Stopping(Change.DONE, ContactItems.fromItem(stopped.attributes()));
        } catch (ConditionalCheckFailedException e) {
            return new Stopping(present(e.item(), now) ? Change.ALREADY_ENDED : Change.NO_SUCH_CONTACT, null);
        }
    }

    /**
     * One conditional UpdateItem: the contact is open and due for exactly this expiry (its due keys
     * are in the expiry shards at {@code expiry}); the failed condition's item tells why not.
     */
    @Override
    public Change expire(ContactKey key, Instant expiry, Instant now) {
        ExpressionPlaceholders expr = new ExpressionPlaceholders();
        String update = ending(expr, ContactRules.EXPIRED, now);
        String condition = expr.name(EXPIRES_AT) + " > " + expr.value(n(now.getEpochSecond()))
                + " AND " + expr.name(ContactItems.DUE_SHARD) + " = " + expr.value(s(ContactItems.expiryShard(key.contactId())))
                + " AND " + expr.name(ContactItems.DUE_AT) + " = " + expr.value(millis(expiry));
        try {
            dynamo.updateItem(conditionalUpdate(tableName, key, expr, update, condition));
            return Change.DONE;
        } catch (ConditionalCheckFailedException e) {
            if (!present(e.item(), now)) {
                return Change.NO_SUCH_CONTACT;
            }
            return e.item().containsKey(ContactItems.DISCONNECTED_AT) ? Change.ALREADY_ENDED : Change.EXPIRY_MOVED;
        }
    }

    /**
     * The update that ends a contact with {@code reason} now: its disconnect, out of the due index and
     * out of its queue's count (the queued index), a new revision. Callers add to it only after its {@code ADD} clause.
     */
    static String ending(ExpressionPlaceholders expr, String reason, Instant now) {
        return "SET " + expr.name(ContactItems.DISCONNECTED_AT) + " = " + expr.value(millis(now))
                + ", " + expr.name(ContactItems.DISCONNECT_REASON) + " = " + expr.value(s(reason))
                + ", " + expr.name(LAST_UPDATED_AT) + " = " + expr.value(millis(now))
                + " REMOVE " + expr.name(ContactItems.DUE_SHARD) + ", " + expr.name(ContactItems.DUE_AT)
                + ", " + expr.name(ContactItems.QUEUED_IN)
                + " ADD " + expr.name(REVISION) + " " + expr.value(n(1));
    }

    /** Moves a scheduled contact whose flow has not started to a new time. */
    @Override
    public Change reschedule(ContactKey key, Instant scheduledTime, Instant now) {
        ExpressionPlaceholders expr = new ExpressionPlaceholders();
        String update = "SET " + expr.name(SCHEDULED_AT) + " = " + expr.value(millis(scheduledTime))
                + ", " + expr.name(ContactItems.DUE_AT) + " = " + expr.value(millis(scheduledTime))
                + ", " + expr.name(LAST_UPDATED_AT) + " = " + expr.value(millis(now))
                + " ADD " + expr.name(REVISION) + " " + expr.value(n(1));
        String condition = expr.name(FLOW_STATUS) + " = " + expr.value(s(FlowStatus.SCHEDULED.name()))
                + " AND " + expr.name(EXPIRES_AT) + " > " + expr.value(n(now.getEpochSecond()));
        try {
            dynamo.updateItem(conditionalUpdate(tableName, key, expr, update, condition));
            return Change.DONE;
        } catch (ConditionalCheckFailedException e) {
            if (!present(e.item(), now)) {
                return Change.NO_SUCH_CONTACT;
            }
            return FlowStatus.STARTED.name().equals(e.item().get(FLOW_STATUS).s()) ? Change.FLOW_STARTED : Change.NOT_SCHEDULED;
        }
    }

    private UpdateItemRequest addingNewReferences(ContactKey key, ContactChanges changes, Instant now) {
        ExpressionPlaceholders expr = new ExpressionPlaceholders();
        List<String> sets = changedMembers(expr, changes, now);
        StringBuilder condition = new StringBuilder("attribute_exists(").append(expr.name(PK)).append(") AND ")
                .append(expr.name(EXPIRES_AT)).append(" > ").append(expr.value(n(now.getEpochSecond())));
        String update = "SET " + String.join(", ", sets) + " ADD " + expr.name(REVISION) + " " + expr.value(n(1));
        if (changes.movesExpiry()) {
            condition.append(" AND (attribute_not_exists(").append(expr.name(ContactItems.DUE_SHARD)).append(") OR begins_with(")
                    .append(expr.name(ContactItems.DUE_SHARD)).append(", ").append(expr.value(s(ContactTableSchema.DUE_SHARD_PREFIX)))
                    .append("))");
        }
        if (!changes.references().isEmpty()) {
            int addedBytes = ContactRules.referenceBytes(changes.references());
            for (String name : changes.references().keySet()) {
                condition.append(" AND attribute_not_exists(").append(expr.name(REFERENCES)).append('.')
                        .append(expr.key(name)).append(')');
            }
            condition.append(" AND ").append(expr.name(REFERENCE_BYTES)).append(" <= ")
                    .append(expr.value(n(ContactRules.MAX_REFERENCE_BYTES - addedBytes)));
            update += ", " + expr.name(REFERENCE_BYTES) + " " + expr.value(n(addedBytes));
        }
        return conditionalUpdate(tableName, key, expr, update, condition.toString());
    }

    private UpdateItemRequest mergingReferences(ContactKey key, ContactChanges changes,
            Map<String, Reference> merged, Map<String, AttributeValue> current, Instant now) {
        ExpressionPlaceholders expr = new ExpressionPlaceholders();
        List<String> sets = changedMembers(expr, changes, now);
        sets.add(expr.name(REFERENCE_BYTES) + " = " + expr.value(n(ContactRules.referenceBytes(merged))));
        AttributeValue dueShard = current.get(ContactItems.DUE_SHARD);
        if (changes.movesExpiry() && dueShard != null && dueShard.s().startsWith(ContactTableSchema.EXPIRY_SHARD_PREFIX)) {
            Contact contact = ContactItems.fromItem(current);
            Instant expiry = contact.expiryWith(contact.segmentAttributes().merge(changes.segmentAttributes()));
            sets.add(expr.name(ContactItems.DUE_AT) + " = " + expr.value(millis(expiry)));
        }
        AttributeValue revision = current.get(REVISION);
        String update = "SET " + String.join(", ", sets) + " ADD " + expr.name(REVISION) + " " + expr.value(n(1));
        String condition = expr.name(REVISION) + " = " + expr.value(revision);
        return conditionalUpdate(tableName, key, expr, update, condition);
    }

    /** The SET clauses of an UpdateContact: the last update time, name, description, each reference. */
    private static List<String> changedMembers(ExpressionPlaceholders expr, ContactChanges changes, Instant now) {
        List<String> sets = new ArrayList<>();
        sets.add(expr.name(LAST_UPDATED_AT) + " = " + expr.value(millis(now)));
        if (changes.name() != null) {
            sets.add(expr.name(ContactItems.NAME) + " = " + expr.value(s(changes.name())));
        }
        if (changes.description() != null) {
            sets.add(expr.name(ContactItems.DESCRIPTION) + " = " + expr.value(s(changes.description())));
        }
        changes.references().forEach((name, reference) -> sets.add(expr.name(REFERENCES) + "."
                + expr.key(name) + " = " + expr.value(ContactItems.reference(reference))));
        changes.segmentAttributes().values().forEach((name, value) -> sets.add(expr.name(ContactItems.SEGMENT_ATTRIBUTES)
                + "." + expr.key(name) + " = " + expr.value(s(value))));
        if (changes.movesExpiry()) {
            sets.add(expr.name(ContactItems.EXPIRY_MINUTES) + " = " + expr.value(n(changes.segmentAttributes().expiryMinutes())));
        }
        return sets;
    }

    static UpdateItemRequest conditionalUpdate(String tableName, ContactKey key, ExpressionPlaceholders expr, String update, String condition) {
        return UpdateItemRequest.builder()
                .tableName(tableName)
                .key(ContactItems.key(key))
                .updateExpression(update)
                .conditionExpression(condition)
                .expressionAttributeNames(expr.names())
                .expressionAttributeValues(expr.values())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

}
