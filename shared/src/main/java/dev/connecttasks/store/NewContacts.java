package dev.connecttasks.store;

import static dev.connecttasks.store.ContactItems.EXPIRES_AT;
import static dev.connecttasks.store.ContactItems.FLOW_STATUS;
import static dev.connecttasks.store.ContactItems.LINKED_TASKS;
import static dev.connecttasks.store.ContactItems.PK;
import static dev.connecttasks.store.ContactItems.TOKEN_CONTACT_ID;
import static dev.connecttasks.store.ContactItems.TOKEN_REQUEST_HASH;
import static dev.connecttasks.store.ContactItems.present;
import static dev.connecttasks.store.ItemValues.n;
import static dev.connecttasks.store.ItemValues.s;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.operation.port.Creation;
import dev.connecttasks.operation.port.IdempotencyRecord;
import dev.connecttasks.operation.port.NewContactStore.Refusal;
import dev.connecttasks.operation.port.NewContactStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * New contacts: StartTaskContact's one transaction (the contact, the checks that its instance exists
 * and its flow is published, its idempotency token, its link to the previous contact).
 */
public final class NewContacts implements NewContactStore {
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
        if (Transactions.failed(reasons, previousIndex)) {
            return Creation.refused(present(reasons.get(previousIndex).item(), now)
                    ? Refusal.PREVIOUS_AT_CAPACITY : Refusal.PREVIOUS_MISSING);
        }
        if (!reasons.isEmpty()) {
            throw new IllegalStateException("a new contact id collided: " + reasons);
        }
        return Creation.created();
    }

    private Put tokenPut(String instanceId, IdempotencyRecord token, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(ContactItems.tokenKey(instanceId, token.clientToken()));
        item.put(TOKEN_CONTACT_ID, s(token.createdId()));
        item.put(TOKEN_REQUEST_HASH, s(token.requestHash()));
        return TokenClaims.put(tableName, item, now);
    }

    private Update linkToPrevious(Contact contact, Instant now) {
        ExpressionPlaceholders expr = new ExpressionPlaceholders();
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

    private TransactWriteItem exists(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                .tableName(tableName)
                .key(key)
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", PK))
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
