package dev.connecttasks.store;

import static dev.connecttasks.error.ApiException.invalidParameter;
import static dev.connecttasks.error.ApiException.invalidRequest;
import static dev.connecttasks.error.ApiException.notFound;
import static dev.connecttasks.error.ApiException.quotaExceeded;
import static dev.connecttasks.error.ApiException.throttled;
import static dev.connecttasks.store.ContactItems.EXPIRES_AT;
import static dev.connecttasks.store.ContactItems.FLOW_STARTED_AT;
import static dev.connecttasks.store.ContactItems.FLOW_STATUS;
import static dev.connecttasks.store.ContactItems.LAST_UPDATED_AT;
import static dev.connecttasks.store.ContactItems.LINKED_TASKS;
import static dev.connecttasks.store.ContactItems.PK;
import static dev.connecttasks.store.ContactItems.REFERENCES;
import static dev.connecttasks.store.ContactItems.REFERENCE_BYTES;
import static dev.connecttasks.store.ContactItems.REVISION;
import static dev.connecttasks.store.ContactItems.SCHEDULED_AT;
import static dev.connecttasks.store.ContactItems.TOKEN_CONTACT_ID;
import static dev.connecttasks.store.ContactItems.TOKEN_REQUEST_HASH;
import static dev.connecttasks.store.ContactItems.live;
import static dev.connecttasks.store.ItemValues.millis;
import static dev.connecttasks.store.ItemValues.n;
import static dev.connecttasks.store.ItemValues.s;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactChanges;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.Reference;
import dev.connecttasks.flow.FlowRun;
import dev.connecttasks.instance.ContactFlow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The contact table. Every write that can race is conditional and every operation costs the fewest
 * round trips it can: reads are one consistent GetItem, UpdateContact is one UpdateItem in the
 * common case, a new contact is one transaction together with its idempotency token.
 */
public final class ContactTable {
    /** A ClientToken resolves to its contact for 24 hours. */
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(24);

    private final DynamoDbClient dynamo;
    private final String tableName;

    public ContactTable(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    public String tableName() {
        return tableName;
    }

    /** One consistent read; a contact past its retention is gone even before TTL deletes it. */
    public Optional<Contact> find(ContactKey key, Instant now) {
        Map<String, AttributeValue> item = consistentGet(ContactItems.key(key));
        return live(item, now) ? Optional.of(ContactItems.fromItem(item)) : Optional.empty();
    }

    private Map<String, AttributeValue> consistentGet(Map<String, AttributeValue> key) {
        return dynamo.getItem(get -> get.tableName(tableName).key(key).consistentRead(true)).item();
    }

    /** Contacts of one instance by id, in one consistent BatchGetItem; absent ids are missing from the map. */
    public Map<String, Contact> findAll(String instanceId, Collection<String> contactIds, Instant now) {
        Map<String, Contact> found = new HashMap<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String contactId : contactIds) {
            keys.add(ContactItems.key(new ContactKey(instanceId, contactId)));
        }
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
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(tableName, List.of())) {
                if (live(item, now)) {
                    Contact contact = ContactItems.fromItem(item);
                    found.put(contact.id(), contact);
                }
            }
            pending = response.unprocessedKeys();
        }
        return found;
    }

    /**
     * Writes a new contact, its idempotency record and its link to the previous contact in one
     * transaction. Returns the live record that already holds the ClientToken, if there is one, in
     * which case nothing was written.
     */
    public Optional<IdempotencyRecord> create(Contact contact, IdempotencyRecord token, Instant now) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(ContactItems.toItem(contact))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", PK))
                .build()).build());
        int instanceIndex = items.size();
        items.add(exists(InstanceItems.instanceKey(contact.instanceId())));
        int flowIndex = items.size();
        items.add(publishedFlow(contact.instanceId(), contact.contactFlowId()));
        int tokenIndex = token == null ? -1 : items.size();
        if (token != null) {
            items.add(TransactWriteItem.builder().put(tokenPut(contact.instanceId(), token, now)).build());
        }
        int previousIndex = contact.previousContactId() == null ? -1 : items.size();
        if (contact.previousContactId() != null) {
            items.add(TransactWriteItem.builder().update(linkToPrevious(contact, now)).build());
        }
        List<CancellationReason> reasons = Transactions.write(dynamo, items);
        if (Transactions.failed(reasons, instanceIndex)) {
            throw InstanceTable.instanceNotFound(contact.instanceId());
        }
        if (Transactions.failed(reasons, flowIndex)) {
            if (reasons.get(flowIndex).item() == null || reasons.get(flowIndex).item().isEmpty()) {
                throw notFound("ContactFlowId " + contact.contactFlowId() + " was not found in instance "
                        + contact.instanceId() + ".");
            }
            throw invalidParameter("ContactFlowId " + contact.contactFlowId() + " is saved but not published.");
        }
        if (Transactions.failed(reasons, tokenIndex)) {
            Map<String, AttributeValue> held = reasons.get(tokenIndex).item();
            return Optional.of(new IdempotencyRecord(token.clientToken(),
                    held.get(TOKEN_REQUEST_HASH).s(), held.get(TOKEN_CONTACT_ID).s()));
        }
        if (Transactions.failed(reasons, previousIndex)) {
            if (live(reasons.get(previousIndex).item(), now)) {
                throw quotaExceeded("PreviousContactId " + contact.previousContactId() + " already has "
                        + ContactRules.MAX_TASKS_PER_PREVIOUS_CONTACT + " tasks linked to it.");
            }
            throw previousNotFound(contact.previousContactId());
        }
        if (!reasons.isEmpty()) {
            throw new IllegalStateException("a new contact id collided: " + reasons);
        }
        return Optional.empty();
    }

    /**
     * UpdateContact in one conditional write when every reference is new and the cap has room; when a
     * reference is replaced (or the cap is near) the failed write returns the item, and one more
     * write, conditional on its revision, applies the exact merge.
     */
    public void update(ContactKey key, ContactChanges changes, Instant now) {
        Map<String, AttributeValue> current;
        try {
            dynamo.updateItem(addingNewReferences(key, changes, now));
            return;
        } catch (ConditionalCheckFailedException e) {
            current = e.item();
        }
        for (int attempt = 1; ; attempt++) {
            if (!live(current, now)) {
                throw contactNotFound(key);
            }
            Map<String, Reference> merged = ContactItems.references(current.get(REFERENCES));
            merged.putAll(changes.references());
            ContactRules.checkReferenceCap(merged);
            try {
                dynamo.updateItem(mergingReferences(key, changes, merged, current.get(REVISION), now));
                return;
            } catch (ConditionalCheckFailedException e) {
                if (attempt == Retries.MAX_ATTEMPTS) {
                    throw throttled("The contact is being updated concurrently; retry the request.");
                }
                Retries.backOff(attempt);
                current = e.item();
            }
        }
    }

    /** Moves a scheduled contact whose flow has not started to a new time. */
    public void reschedule(ContactKey key, Instant scheduledTime, Instant now) {
        Expr expr = new Expr();
        String update = "SET " + expr.name(SCHEDULED_AT) + " = " + expr.value(millis(scheduledTime))
                + ", " + expr.name(LAST_UPDATED_AT) + " = " + expr.value(millis(now))
                + " ADD " + expr.name(REVISION) + " " + expr.value(n(1));
        String condition = expr.name(FLOW_STATUS) + " = " + expr.value(s(FlowStatus.SCHEDULED.name()))
                + " AND " + expr.name(EXPIRES_AT) + " > " + expr.value(n(now.getEpochSecond()));
        try {
            dynamo.updateItem(conditionalUpdate(key, expr, update, condition));
        } catch (ConditionalCheckFailedException e) {
            if (!live(e.item(), now)) {
                throw contactNotFound(key);
            }
            if (FlowStatus.STARTED.name().equals(e.item().get(FLOW_STATUS).s())) {
                throw invalidRequest("The flow of contact " + key.contactId() + " has already started.");
            }
            throw invalidRequest("Contact " + key.contactId() + " is not a scheduled task.");
        }
    }

    /**
     * Reads a contact and its flow for a run: in one consistent BatchGetItem when the flow-runner was told
     * the flow's id (StartTaskContact tells it), else the contact and then its flow (after a reschedule).
     */
    public Optional<ContactToRun> findForRun(ContactKey key, String contactFlowId, Instant now) {
        Map<String, AttributeValue> contactKey = ContactItems.key(key);
        Map<String, AttributeValue> contactItem;
        Map<String, AttributeValue> flowItem = null;
        if (contactFlowId == null) {
            contactItem = consistentGet(contactKey);
        } else {
            Map<String, AttributeValue> flowKey = InstanceItems.flowKey(key.instanceId(), contactFlowId);
            var response = dynamo.batchGetItem(batch -> batch.requestItems(Map.of(tableName,
                    KeysAndAttributes.builder().keys(contactKey, flowKey).consistentRead(true).build())));
            if (!response.unprocessedKeys().isEmpty()) {
                throw throttled("The table is busy; the flow start will be retried.");
            }
            contactItem = null;
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(tableName, List.of())) {
                if (item.get(PK).equals(contactKey.get(PK))) {
                    contactItem = item;
                } else {
                    flowItem = item;
                }
            }
        }
        if (!live(contactItem, now)) {
            return Optional.empty();
        }
        Contact contact = ContactItems.fromItem(contactItem);
        if (!contact.contactFlowId().equals(contactFlowId)) {
            flowItem = consistentGet(InstanceItems.flowKey(key.instanceId(), contact.contactFlowId()));
        }
        return Optional.of(new ContactToRun(contact, Long.parseLong(contactItem.get(REVISION).n()),
                flowItem == null || flowItem.isEmpty() ? null : InstanceItems.contactFlow(flowItem)));
    }

    /**
     * Records a flow's start and what its run did, in one write conditional on the revision the run was
     * computed from: it succeeds at most once per contact, and not at all when anything changed the
     * contact meanwhile (a reschedule, an update, another start). Returns whether it was written.
     */
    public boolean recordFlowRun(ContactKey key, long revision, FlowRun run, Instant now) {
        Expr expr = new Expr();
        StringBuilder update = new StringBuilder("SET ")
                .append(expr.name(FLOW_STATUS)).append(" = ").append(expr.value(s(FlowStatus.STARTED.name())))
                .append(", ").append(expr.name(FLOW_STARTED_AT)).append(" = ").append(expr.value(millis(now)))
                .append(", ").append(expr.name(LAST_UPDATED_AT)).append(" = ").append(expr.value(millis(now)))
                .append(", ").append(expr.name(ContactItems.ATTRIBUTES)).append(" = ")
                .append(expr.value(ItemValues.stringMap(run.attributes())));
        if (run.queue() != null) {
            update.append(", ").append(expr.name(ContactItems.QUEUE_ID)).append(" = ").append(expr.value(s(run.queue().queueId())))
                    .append(", ").append(expr.name(ContactItems.ENQUEUED_AT)).append(" = ")
                    .append(expr.value(millis(run.queue().enqueuedAt())));
        }
        if (run.disconnectedAt() != null) {
            update.append(", ").append(expr.name(ContactItems.DISCONNECTED_AT)).append(" = ")
                    .append(expr.value(millis(run.disconnectedAt())));
        }
        update.append(" ADD ").append(expr.name(REVISION)).append(' ').append(expr.value(n(1)));
        String condition = expr.name(REVISION) + " = " + expr.value(n(revision));
        try {
            dynamo.updateItem(conditionalUpdate(key, expr, update.toString(), condition));
            return true;
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return false;
        }
    }

    /**
     * Undoes {@link #create} for an immediate task whose flow could not be invoked: removes the
     * contact, its idempotency record and its link, unless the flow has started meanwhile. Returns
     * false when it had (the contact stays, and is a success).
     */
    public boolean withdraw(Contact contact, String clientToken, Instant now) {
        List<TransactWriteItem> items = new ArrayList<>();
        Expr contactExpr = new Expr();
        items.add(TransactWriteItem.builder().delete(Delete.builder()
                .tableName(tableName)
                .key(ContactItems.key(contact.key()))
                .conditionExpression(contactExpr.name(FLOW_STATUS) + " = "
                        + contactExpr.value(s(FlowStatus.PENDING.name())))
                .expressionAttributeNames(contactExpr.names())
                .expressionAttributeValues(contactExpr.values())
                .build()).build());
        if (clientToken != null) {
            Expr tokenExpr = new Expr();
            items.add(TransactWriteItem.builder().delete(Delete.builder()
                    .tableName(tableName)
                    .key(ContactItems.tokenKey(contact.instanceId(), clientToken))
                    .conditionExpression(tokenExpr.name(TOKEN_CONTACT_ID) + " = " + tokenExpr.value(s(contact.id())))
                    .expressionAttributeNames(tokenExpr.names())
                    .expressionAttributeValues(tokenExpr.values())
                    .build()).build());
        }
        if (contact.previousContactId() != null) {
            Expr linkExpr = new Expr();
            items.add(TransactWriteItem.builder().update(Update.builder()
                    .tableName(tableName)
                    .key(ContactItems.key(new ContactKey(contact.instanceId(), contact.previousContactId())))
                    .updateExpression("ADD " + linkExpr.name(LINKED_TASKS) + " " + linkExpr.value(n(-1)))
                    .conditionExpression("attribute_exists(" + linkExpr.name(PK) + ")")
                    .expressionAttributeNames(linkExpr.names())
                    .expressionAttributeValues(linkExpr.values())
                    .build()).build());
        }
        List<CancellationReason> reasons = Transactions.write(dynamo, items);
        if (reasons.isEmpty()) {
            return true;
        }
        if (Transactions.failed(reasons, 0)) {
            return false;
        }
        throw new IllegalStateException("the contact's token or link changed under it: " + reasons);
    }

    private Put tokenPut(String instanceId, IdempotencyRecord token, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(ContactItems.tokenKey(instanceId, token.clientToken()));
        item.put(TOKEN_CONTACT_ID, s(token.createdId()));
        item.put(TOKEN_REQUEST_HASH, s(token.requestHash()));
        item.put(EXPIRES_AT, n(now.plus(TOKEN_LIFETIME).getEpochSecond()));
        Expr expr = new Expr();
        return Put.builder()
                .tableName(tableName)
                .item(item)
                .conditionExpression("attribute_not_exists(" + expr.name(PK) + ") OR "
                        + expr.name(EXPIRES_AT) + " <= " + expr.value(n(now.getEpochSecond())))
                .expressionAttributeNames(expr.names())
                .expressionAttributeValues(expr.values())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    private Update linkToPrevious(Contact contact, Instant now) {
        Expr expr = new Expr();
        String linked = expr.name(LINKED_TASKS);
        return Update.builder()
                .tableName(tableName)
                .key(ContactItems.key(new ContactKey(contact.instanceId(), contact.previousContactId())))
                .updateExpression("ADD " + linked + " " + expr.value(n(1)))
                .conditionExpression(expr.name(EXPIRES_AT) + " > " + expr.value(n(now.getEpochSecond()))
                        + " AND (attribute_not_exists(" + linked + ") OR " + linked + " < "
                        + expr.value(n(ContactRules.MAX_TASKS_PER_PREVIOUS_CONTACT)) + ")")
                .expressionAttributeNames(expr.names())
                .expressionAttributeValues(expr.values())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    private UpdateItemRequest addingNewReferences(ContactKey key, ContactChanges changes, Instant now) {
        Expr expr = new Expr();
        List<String> sets = changedMembers(expr, changes, now);
        StringBuilder condition = new StringBuilder("attribute_exists(").append(expr.name(PK)).append(") AND ")
                .append(expr.name(EXPIRES_AT)).append(" > ").append(expr.value(n(now.getEpochSecond())));
        String update = "SET " + String.join(", ", sets) + " ADD " + expr.name(REVISION) + " " + expr.value(n(1));
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
        return conditionalUpdate(key, expr, update, condition.toString());
    }

    private UpdateItemRequest mergingReferences(ContactKey key, ContactChanges changes,
            Map<String, Reference> merged, AttributeValue revision, Instant now) {
        Expr expr = new Expr();
        List<String> sets = changedMembers(expr, changes, now);
        sets.add(expr.name(REFERENCE_BYTES) + " = " + expr.value(n(ContactRules.referenceBytes(merged))));
        String update = "SET " + String.join(", ", sets) + " ADD " + expr.name(REVISION) + " " + expr.value(n(1));
        String condition = expr.name(REVISION) + " = " + expr.value(revision);
        return conditionalUpdate(key, expr, update, condition);
    }

    /** The SET clauses of an UpdateContact: the last update time, name, description, each reference. */
    private static List<String> changedMembers(Expr expr, ContactChanges changes, Instant now) {
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
        return sets;
    }

    private UpdateItemRequest conditionalUpdate(ContactKey key, Expr expr, String update, String condition) {
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

    private TransactWriteItem exists(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                .tableName(tableName)
                .key(key)
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", PK))
                .build()).build();
    }

    private TransactWriteItem publishedFlow(String instanceId, String contactFlowId) {
        Expr expr = new Expr();
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                .tableName(tableName)
                .key(InstanceItems.flowKey(instanceId, contactFlowId))
                .conditionExpression(expr.name(InstanceItems.FLOW_STATUS) + " = " + expr.value(s(ContactFlow.PUBLISHED)))
                .expressionAttributeNames(expr.names())
                .expressionAttributeValues(expr.values())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build()).build();
    }

    private static RuntimeException contactNotFound(ContactKey key) {
        return notFound("Contact " + key.contactId() + " was not found in instance " + key.instanceId() + ".");
    }

    private static RuntimeException previousNotFound(String previousContactId) {
        return notFound("PreviousContactId " + previousContactId + " was not found in this instance.");
    }
}
