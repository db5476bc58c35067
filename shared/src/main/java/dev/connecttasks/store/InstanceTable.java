package dev.connecttasks.store;

import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.instance.Instance;
import dev.connecttasks.operation.port.Creation;
import dev.connecttasks.operation.port.IdempotencyRecord;
import dev.connecttasks.operation.port.InstanceStore.FlowRefusal;
import dev.connecttasks.operation.port.InstanceStore.InstanceRefusal;
import dev.connecttasks.operation.port.InstanceStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Instances and their flows, in the contact table: one read to describe, one transaction to create. */
public final class InstanceTable implements InstanceStore {
    private static final String NOT_THERE = "attribute_not_exists(pk)";

    private final DynamoDbClient dynamo;
    private final String tableName;

    public InstanceTable(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    /**
     * Creates an instance, taking its alias (unique, ignoring case) and its ClientToken (for
     * {@link IdempotencyRecord#LIFETIME}) in the same transaction.
     */
    @Override
    public Creation<InstanceRefusal> create(Instance instance, IdempotencyRecord token, Instant now) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(put(InstanceItems.toItem(instance)));
        int aliasIndex = -1;
        if (instance.alias() != null) {
            aliasIndex = items.size();
            items.add(put(InstanceItems.claim(InstanceItems.aliasKey(instance.alias()), instance.id())));
        }
        int tokenIndex = -1;
        if (token != null) {
            tokenIndex = items.size();
            items.add(TransactWriteItem.builder().put(tokenPut(token, now)).build());
        }
        List<CancellationReason> reasons = Transactions.write(dynamo, items);
        if (Transactions.failed(reasons, tokenIndex)) {
            Map<String, AttributeValue> held = reasons.get(tokenIndex).item();
            return new Creation.TokenHeld<>(new IdempotencyRecord(token.clientToken(),
                    held.get(InstanceItems.REQUEST_HASH).s(), held.get(InstanceItems.OWNER_ID).s()));
        }
        if (Transactions.failed(reasons, aliasIndex)) {
            return Creation.refused(InstanceRefusal.ALIAS_TAKEN);
        }
        if (!reasons.isEmpty()) {
            throw new IllegalStateException("a new instance id collided: " + reasons);
        }
        return Creation.created();
    }

    @Override
    public Optional<Instance> findInstance(String instanceId) {
        Map<String, AttributeValue> item = ContactTable.consistentGet(dynamo, tableName, InstanceItems.instanceKey(instanceId));
        return item.isEmpty() ? Optional.empty() : Optional.of(InstanceItems.instance(item));
    }

    /** Creates a flow in an existing instance; its name must be new in the instance. */
    @Override
    public Creation<FlowRefusal> create(ContactFlow flow) {
        List<TransactWriteItem> items = List.of(
                TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                        .tableName(tableName)
                        .key(InstanceItems.instanceKey(flow.instanceId()))
                        .conditionExpression("attribute_exists(pk)")
                        .build()).build(),
                put(InstanceItems.toItem(flow)),
                put(InstanceItems.claim(InstanceItems.flowNameKey(flow.instanceId(), flow.name()), flow.id())));
        List<CancellationReason> reasons = Transactions.write(dynamo, items);
        if (Transactions.failed(reasons, 0)) {
            return Creation.refused(FlowRefusal.INSTANCE_MISSING);
        }
        if (Transactions.failed(reasons, 2)) {
            return Creation.refused(FlowRefusal.NAME_TAKEN);
        }
        if (!reasons.isEmpty()) {
            throw new IllegalStateException("a new flow id collided: " + reasons);
        }
        return Creation.created();
    }

    @Override
    public Optional<ContactFlow> findFlow(String instanceId, String contactFlowId) {
        Map<String, AttributeValue> item = ContactTable.consistentGet(dynamo, tableName, InstanceItems.flowKey(instanceId, contactFlowId));
        return item.isEmpty() ? Optional.empty() : Optional.of(InstanceItems.contactFlow(item));
    }

    /** The id of the flow with this name in the instance, if there is one. */
    public Optional<String> findFlowId(String instanceId, String name) {
        Map<String, AttributeValue> item = ContactTable.consistentGet(dynamo, tableName, InstanceItems.flowNameKey(instanceId, name));
        return item.isEmpty() ? Optional.empty() : Optional.of(item.get(InstanceItems.OWNER_ID).s());
    }

    /** The token's claim: new, or taking over one that expired (TTL deletes late). */
    private Put tokenPut(IdempotencyRecord token, Instant now) {
        Map<String, AttributeValue> item = InstanceItems.claim(InstanceItems.tokenKey(token.clientToken()), token.createdId());
        item.put(InstanceItems.REQUEST_HASH, AttributeValue.fromS(token.requestHash()));
        return TokenClaims.put(tableName, item, now);
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(item)
                .conditionExpression(NOT_THERE)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build()).build();
    }
}
