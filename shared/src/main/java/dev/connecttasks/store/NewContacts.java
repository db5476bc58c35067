package dev.connecttasks.store;

import static dev.connecttasks.error.ApiException.throttled;
import static dev.connecttasks.store.ContactItems.EXPIRES_AT;
import static dev.connecttasks.store.ContactItems.FLOW_STATUS;
import static dev.connecttasks.store.ContactItems.LINKED_TASKS;
import static dev.connecttasks.store.ContactItems.PK;
import static dev.connecttasks.store.ContactItems.TOKEN_CONTACT_ID;
import static dev.connecttasks.store.ContactItems.TOKEN_REQUEST_HASH;
import static dev.connecttasks.store.ContactItems.TRANSFERS;
import static dev.connecttasks.store.ContactItems.present;
import static dev.connecttasks.store.ItemValues.n;
import static dev.connecttasks.store.ItemValues.s;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.TaskTemplate;
import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.operation.port.Creation;
import dev.connecttasks.operation.port.IdempotencyRecord;
import dev.connecttasks.operation.port.NewContactStore.Refusal;
import dev.connecttasks.operation.port.NewContactStore.TransferRefusal;
import dev.connecttasks.operation.port.NewContactStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * New contacts: StartTaskContact's one transaction (the contact, the checks that its instance exists
 * and its flow is published, that its task template, if any, is still ACTIVE, its idempotency token, its
 * link to the previous contact and its place in its chain), and TransferContact's.
 */
public final class NewContacts implements NewContactStore {
    /** Where {@link #readForTransfer} puts the token's claim. */
    private static final ContactKey TOKEN = new ContactKey("", "");
    private final DynamoDbClient dynamo;
    private final String tableName;

    public NewContacts(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    /**
     * Writes a new contact, its idempotency record and its link to the previous contact in one
     * transaction, with the checks that its instance exists and its flow is published.
     */
    @Override
    public Creation<Refusal> create(Contact contact, IdempotencyRecord token, Instant now) {
        Creation<Refusal> created = create(contact, token, true, now);
        // null: past its retention the chain's initial contact is gone, and the chain goes on without it
        return created != null ? created : create(contact, token, false, now);
    }

    private Creation<Refusal> create(Contact contact, IdempotencyRecord token, boolean joinInitial, Instant now) {
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
        int templateIndex = contact.taskTemplate() == null ? -1 : items.size();
        if (contact.taskTemplate() != null) {
            items.add(activeTemplate(contact.instanceId(), contact.taskTemplate().id()));
        }
        int tokenIndex = token == null ? -1 : items.size();
        if (token != null) {
            items.add(TransactWriteItem.builder().put(tokenPut(contact.instanceId(), token, now)).build());
        }
        int previousIndex = contact.previousContactId() == null ? -1 : items.size();
        boolean previousIsInitial = contact.previousContactId() != null
                && contact.previousContactId().equals(contact.initialContactId());
        if (contact.previousContactId() != null) {
            items.add(TransactWriteItem.builder().update(linkToPrevious(contact, previousIsInitial, now)).build());
        }
        int initialIndex = contact.previousContactId() == null || previousIsInitial || !joinInitial ? -1 : items.size();
        if (initialIndex >= 0) {
            items.add(TransactWriteItem.builder().update(
                    joinChain(new ContactKey(contact.instanceId(), contact.initialContactId()), contact.id())).build());
        }
        List<CancellationReason> reasons = Transactions.write(dynamo, items);
        if (Transactions.failed(reasons, instanceIndex)) {
            return Creation.refused(Refusal.INSTANCE_MISSING);
        }
        if (Transactions.failed(reasons, flowIndex)) {
            Map<String, AttributeValue> flow = reasons.get(flowIndex).item();
            return Creation.refused(flow == null || flow.isEmpty() ? Refusal.FLOW_MISSING : Refusal.FLOW_NOT_PUBLISHED);
        }
        if (Transactions.failed(reasons, tokenIndex)) {
            Map<String, AttributeValue> held = reasons.get(tokenIndex).item();
            return new Creation.TokenHeld<>(new IdempotencyRecord(token.clientToken(),
                    held.get(TOKEN_REQUEST_HASH).s(), held.get(TOKEN_CONTACT_ID).s()));
        }
        if (Transactions.failed(reasons, templateIndex)) {
            Map<String, AttributeValue> template = reasons.get(templateIndex).item();
            return Creation.refused(template == null || template.isEmpty() ? Refusal.TEMPLATE_MISSING : Refusal.TEMPLATE_INACTIVE);
        }
        if (Transactions.failed(reasons, previousIndex)) {
            return Creation.refused(present(reasons.get(previousIndex).item(), now)
                    ? Refusal.PREVIOUS_AT_CAPACITY : Refusal.PREVIOUS_MISSING);
        }
        if (Transactions.failed(reasons, initialIndex)) {
            return null;
        }
        if (!reasons.isEmpty()) {
            throw new IllegalStateException("a new contact id collided: " + reasons);
        }
        return Creation.created();
    }

    @Override
    public Creation<TransferRefusal> transfer(ContactKey fromKey, Function<Contact, Contact> successorOf,
            IdempotencyRecord token, Instant now) {
        boolean initialGone = false;
        for (int attempt = 1; ; attempt++) {
            Map<ContactKey, Map<String, AttributeValue>> read = readForTransfer(fromKey, token);
            Map<String, AttributeValue> held = read.get(TOKEN);
            if (present(held, now)) {
                return new Creation.TokenHeld<>(new IdempotencyRecord(token.clientToken(),
                        held.get(TOKEN_REQUEST_HASH).s(), held.get(TOKEN_CONTACT_ID).s()));
            }
            Map<String, AttributeValue> fromItem = read.get(fromKey);
            if (!present(fromItem, now)) {
                return Creation.refused(TransferRefusal.NO_SUCH_CONTACT);
            }
            Contact from = ContactItems.fromItem(fromItem);
            int transfers = fromItem.containsKey(TRANSFERS) ? Integer.parseInt(fromItem.get(TRANSFERS).n()) : 0;
            if (from.ended()) {
                return Creation.refused(TransferRefusal.ENDED);
            }
            if (from.flowStatus() != FlowStatus.STARTED) {
                return Creation.refused(TransferRefusal.NOT_STARTED);
            }
            if (transfers >= ContactRules.MAX_TRANSFERS) {
                return Creation.refused(TransferRefusal.TRANSFER_LIMIT);
            }
            Contact successor = successorOf.apply(from);
            Map<String, AttributeValue> successorItem = ContactItems.toItem(successor);
            successorItem.put(TRANSFERS, n(transfers + 1));
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(TransactWriteItem.builder().put(Put.builder()
                    .tableName(tableName)
                    .item(successorItem)
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PK))
                    .build()).build());
            int flowIndex = items.size();
            items.add(publishedFlow(successor.instanceId(), successor.contactFlowId()));
            int tokenIndex = token == null ? -1 : items.size();
            if (token != null) {
                items.add(TransactWriteItem.builder().put(tokenPut(successor.instanceId(), token, now)).build());
            }
            ContactKey initialKey = new ContactKey(fromKey.instanceId(), successor.initialContactId());
            boolean joinsChainOnFrom = initialKey.equals(fromKey);
            items.add(TransactWriteItem.builder().update(endTransferred(fromKey, fromItem.get(ContactItems.REVISION),
                    joinsChainOnFrom ? successor.id() : null, now)).build());
            int initialIndex = joinsChainOnFrom || initialGone ? -1 : items.size();
            if (initialIndex >= 0) {
                items.add(TransactWriteItem.builder().update(joinChain(initialKey, successor.id())).build());
            }
            List<CancellationReason> reasons = Transactions.write(dynamo, items);
            if (reasons.isEmpty()) {
                return Creation.created();
            }
            if (Transactions.failed(reasons, flowIndex)) {
                Map<String, AttributeValue> flow = reasons.get(flowIndex).item();
                return Creation.refused(flow == null || flow.isEmpty()
                        ? TransferRefusal.FLOW_MISSING : TransferRefusal.FLOW_NOT_PUBLISHED);
            }
            // past its retention, the chain's initial contact is gone: the chain goes on without it
            initialGone = Transactions.failed(reasons, initialIndex);
            if (attempt == Retries.MAX_ATTEMPTS) {
                throw throttled("The contact is being changed concurrently; retry the request.");
            }
            // the token was taken, or the contact changed since it was read: read again
            Retries.backOff(attempt);
        }
    }

    /** The transferred contact and the token's claim, in one consistent read. */
    private Map<ContactKey, Map<String, AttributeValue>> readForTransfer(ContactKey fromKey, IdempotencyRecord token) {
        Map<ContactKey, Map<String, AttributeValue>> read = new HashMap<>();
        if (token == null) {
            read.put(fromKey, ContactTable.consistentGet(dynamo, tableName, ContactItems.key(fromKey)));
            return read;
        }
        var response = dynamo.batchGetItem(batch -> batch.requestItems(Map.of(tableName, KeysAndAttributes.builder()
                .keys(ContactItems.key(fromKey), ContactItems.tokenKey(fromKey.instanceId(), token.clientToken()))
                .consistentRead(true).build())));
        if (!response.unprocessedKeys().isEmpty()) {
            throw throttled("The table is busy; retry the request.");
        }
        for (Map<String, AttributeValue> item : response.responses().getOrDefault(tableName, List.of())) {
            read.put(item.get(PK).s().startsWith("T#") ? TOKEN : fromKey, item);
        }
        return read;
    }

    /** Ends the transferred contact, if it is still as read; on the chain's initial contact, adds the successor. */
    private Update endTransferred(ContactKey key, AttributeValue revision, String joiningId, Instant now) {
        ExpressionPlaceholders expr = new ExpressionPlaceholders();
        String update = ContactTable.ending(expr, ContactRules.TRANSFERRED, now);
        if (joiningId != null) {
            update += ", " + expr.name(ContactItems.CHAIN) + " " + expr.value(AttributeValue.fromSs(List.of(joiningId)));
        }
        return Update.builder()
                .tableName(tableName)
                .key(ContactItems.key(key))
                .updateExpression(update)
                .conditionExpression(expr.name(ContactItems.REVISION) + " = " + expr.value(revision))
                .expressionAttributeNames(expr.names())
                .expressionAttributeValues(expr.values())
                .build();
    }

    /** Adds a contact to its chain's initial contact, which must exist. */
    private Update joinChain(ContactKey initialKey, String joiningId) {
        ExpressionPlaceholders expr = new ExpressionPlaceholders();
        return Update.builder()
                .tableName(tableName)
                .key(ContactItems.key(initialKey))
                .updateExpression("ADD " + expr.name(ContactItems.CHAIN) + " " + expr.value(AttributeValue.fromSs(List.of(joiningId))))
                .conditionExpression("attribute_exists(" + expr.name(PK) + ")")
                .expressionAttributeNames(expr.names())
                .expressionAttributeValues(expr.values())
                .build();
    }

    private Put tokenPut(String instanceId, IdempotencyRecord token, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(ContactItems.tokenKey(instanceId, token.clientToken()));
        item.put(TOKEN_CONTACT_ID, s(token.createdId()));
        item.put(TOKEN_REQUEST_HASH, s(token.requestHash()));
        return TokenClaims.put(tableName, item, now);
    }

    /** Counts the link on the previous contact; when it is the chain's initial contact, adds the new one to the chain. */
    private Update linkToPrevious(Contact contact, boolean previousIsInitial, Instant now) {
        ExpressionPlaceholders expr = new ExpressionPlaceholders();
        String linked = expr.name(LINKED_TASKS);
        String update = "ADD " + linked + " " + expr.value(n(1));
        if (previousIsInitial) {
            update += ", " + expr.name(ContactItems.CHAIN) + " " + expr.value(AttributeValue.fromSs(List.of(contact.id())));
        }
        return Update.builder()
                .tableName(tableName)
                .key(ContactItems.key(new ContactKey(contact.instanceId(), contact.previousContactId())))
                .updateExpression(update)
                .conditionExpression(expr.name(EXPIRES_AT) + " > " + expr.value(n(now.getEpochSecond()))
                        + " AND (attribute_not_exists(" + linked + ") OR " + linked + " < "
                        + expr.value(n(ContactRules.MAX_TASKS_PER_PREVIOUS_CONTACT)) + ")")
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

    /** The task template still exists and is ACTIVE (it was read before the write; it may have changed since). */
    private TransactWriteItem activeTemplate(String instanceId, String templateId) {
        ExpressionPlaceholders expr = new ExpressionPlaceholders();
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                .tableName(tableName)
                .key(TaskTemplateItems.key(instanceId, templateId))
                .conditionExpression(expr.name(TaskTemplateItems.STATUS) + " = " + expr.value(s(TaskTemplate.ACTIVE)))
                .expressionAttributeNames(expr.names())
                .expressionAttributeValues(expr.values())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build()).build();
    }

    private TransactWriteItem publishedFlow(String instanceId, String contactFlowId) {
        ExpressionPlaceholders expr = new ExpressionPlaceholders();
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                .tableName(tableName)
                .key(InstanceItems.flowKey(instanceId, contactFlowId))
                .conditionExpression(expr.name(InstanceItems.FLOW_STATUS) + " = " + expr.value(s(ContactFlow.PUBLISHED)))
                .expressionAttributeNames(expr.names())
                .expressionAttributeValues(expr.values())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build()).build();
    }
}
