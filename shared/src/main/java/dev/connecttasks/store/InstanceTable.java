package dev.connecttasks.store;

import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.instance.Instance;
import dev.connecttasks.instance.Queue;
import dev.connecttasks.instance.Summaries.FlowSummary;
import dev.connecttasks.instance.Summaries.InstanceSummary;
import dev.connecttasks.instance.Summaries.QueueSummary;
import dev.connecttasks.operation.port.Creation;
import dev.connecttasks.operation.port.IdempotencyRecord;
import dev.connecttasks.operation.port.InstanceStore.FlowRefusal;
import dev.connecttasks.operation.port.InstanceStore.InstanceRefusal;
import dev.connecttasks.operation.port.InstanceStore;
import dev.connecttasks.operation.port.ListPage;
import dev.connecttasks.operation.port.QueueStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Instances, their flows and their queues, in the contact table: one read to describe, one transaction
 * to create, one Query of the list index (rarely a few) to list.
 */
public final class InstanceTable implements InstanceStore, QueueStore {
    private static final String NOT_THERE = "attribute_not_exists(pk)";
    private static final int MAX_BATCH_KEYS = 100;

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final ListIndex lists;

    public InstanceTable(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.lists = new ListIndex(dynamo, tableName);
    }

    /**
     * Creates an instance and its BasicQueue, taking its alias (unique, ignoring case) and its
     * ClientToken (for {@link IdempotencyRecord#LIFETIME}) in the same transaction.
     */
    @Override
    public Creation<InstanceRefusal> create(Instance instance, Queue basicQueue, IdempotencyRecord token, Instant now) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(put(InstanceItems.toItem(instance)));
        items.add(put(InstanceItems.toItem(basicQueue)));
        items.add(put(InstanceItems.claim(InstanceItems.queueNameKey(basicQueue.instanceId(), basicQueue.name()), basicQueue.id())));
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
                instanceExists(flow.instanceId()),
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

    @Override
    public ListPage<FlowSummary> listFlows(String instanceId, Set<String> types, String resumeAfter, int maxResults) {
        ListIndex.Page page = lists.page(InstanceItems.flowsList(instanceId), id -> InstanceItems.flowKey(instanceId, id),
                resumeAfter, maxResults, InstanceItems.FLOW_TYPE, types);
        return new ListPage<>(page.items().stream().map(InstanceItems::flowSummary).toList(), page.resumeAfter());
    }

    @Override
    public ListPage<InstanceSummary> listInstances(String resumeAfter, int maxResults) {
        ListIndex.Page page = lists.page(InstanceItems.INSTANCES_LIST, InstanceItems::instanceKey, resumeAfter, maxResults,
                null, Set.of());
        return new ListPage<>(page.items().stream().map(InstanceItems::instanceSummary).toList(), page.resumeAfter());
    }

    /** Creates a queue in an existing instance; its name must be new in the instance. */
    @Override
    public Creation<QueueRefusal> create(Queue queue) {
        List<TransactWriteItem> items = List.of(
                instanceExists(queue.instanceId()),
                put(InstanceItems.toItem(queue)),
                put(InstanceItems.claim(InstanceItems.queueNameKey(queue.instanceId(), queue.name()), queue.id())));
        List<CancellationReason> reasons = Transactions.write(dynamo, items);
        if (Transactions.failed(reasons, 0)) {
            return Creation.refused(QueueRefusal.INSTANCE_MISSING);
        }
        if (Transactions.failed(reasons, 2)) {
            return Creation.refused(QueueRefusal.NAME_TAKEN);
        }
        if (!reasons.isEmpty()) {
            throw new IllegalStateException("a new queue id collided: " + reasons);
        }
        return Creation.created();
    }

    @Override
    public Optional<Queue> findQueue(String instanceId, String queueId) {
        Map<String, AttributeValue> item = ContactTable.consistentGet(dynamo, tableName, InstanceItems.queueKey(instanceId, queueId));
        return item.isEmpty() ? Optional.empty() : Optional.of(InstanceItems.queue(item));
    }

    /** Consistent BatchGetItems of the queues, a hundred keys to a call. */
    @Override
    public Set<String> missingQueues(String instanceId, Set<String> queueIds) {
        Set<String> missing = new HashSet<>(queueIds);
        List<String> ids = List.copyOf(queueIds);
        for (int from = 0; from < ids.size(); from += MAX_BATCH_KEYS) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + MAX_BATCH_KEYS)).stream()
                    .map(id -> InstanceItems.queueKey(instanceId, id)).toList();
            ContactTable.consistentBatchGet(dynamo, tableName, keys)
                    .forEach(item -> missing.remove(item.get(ContactItems.PK).s().substring(2)));
        }
        return missing;
    }

    @Override
    public ListPage<QueueSummary> listQueues(String instanceId, Set<String> queueTypes, String resumeAfter, int maxResults) {
        ListIndex.Page page = lists.page(InstanceItems.queuesList(instanceId), id -> InstanceItems.queueKey(instanceId, id),
                resumeAfter, maxResults, InstanceItems.QUEUE_TYPE, queueTypes);
        return new ListPage<>(page.items().stream().map(InstanceItems::queueSummary).toList(), page.resumeAfter());
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

    private TransactWriteItem instanceExists(String instanceId) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                .tableName(tableName)
                .key(InstanceItems.instanceKey(instanceId))
                .conditionExpression("attribute_exists(pk)")
                .build()).build();
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
