package dev.connecttasks.store;

import static dev.connecttasks.error.ApiException.throttled;
import static dev.connecttasks.store.ContactItems.FLOW_STARTED_AT;
import static dev.connecttasks.store.ContactItems.FLOW_STATUS;
import static dev.connecttasks.store.ContactItems.LAST_UPDATED_AT;
import static dev.connecttasks.store.ContactItems.PK;
import static dev.connecttasks.store.ContactItems.REVISION;
import static dev.connecttasks.store.ContactItems.present;
import static dev.connecttasks.store.ItemValues.millis;
import static dev.connecttasks.store.ItemValues.n;
import static dev.connecttasks.store.ItemValues.s;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.flow.FlowResult;
import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.instance.Queue;
import dev.connecttasks.operation.port.ContactAndFlow;
import dev.connecttasks.operation.port.FlowRunStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** The flow-runner's view of the table: a contact and its flow read for a run, and the run recorded once. */
public final class FlowRuns implements FlowRunStore {
    private final DynamoDbClient dynamo;
    private final String tableName;
    private final ContactAttributes attributesOfChains;

    public FlowRuns(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.attributesOfChains = new ContactAttributes(dynamo, tableName);
    }

    /**
     * Reads a contact and its flow for a run: in one consistent BatchGetItem when the flow-runner was told
     * the flow's id (StartTaskContact tells it), else the contact and then its flow (after a reschedule).
     */
    @Override
    public Optional<ContactAndFlow> findForRun(ContactKey key, String contactFlowId, Instant now) {
        Map<String, AttributeValue> contactKey = ContactItems.key(key);
        Map<String, AttributeValue> contactItem;
        Map<String, AttributeValue> flowItem = null;
        if (contactFlowId == null) {
            contactItem = ContactTable.consistentGet(dynamo, tableName, contactKey);
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
        if (!present(contactItem, now)) {
            return Optional.empty();
        }
        Contact contact = ContactItems.fromItem(contactItem);
        if (!contact.contactFlowId().equals(contactFlowId)) {
            flowItem = ContactTable.consistentGet(dynamo, tableName, InstanceItems.flowKey(key.instanceId(), contact.contactFlowId()));
        }
        return Optional.of(new ContactAndFlow(contact, Long.parseLong(contactItem.get(REVISION).n()),
                flowItem == null || flowItem.isEmpty() ? null : InstanceItems.contactFlow(flowItem),
                contact.initialContactId() != null || contactItem.containsKey(ContactItems.CHAIN)));
    }

    @Override
    public void shareAttributes(ContactKey key, Map<String, String> attributes, Instant now) {
        attributesOfChains.update(key, attributes, now);
    }

    @Override
    public Optional<Queue> findQueue(String instanceId, String queueId) {
        Map<String, AttributeValue> item = ContactTable.consistentGet(dynamo, tableName, InstanceItems.queueKey(instanceId, queueId));
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(InstanceItems.queue(item));
    }

    /** Queries of the sparse queued index that count its keys (Select COUNT), {@code limit} at most. */
    @Override
    public int countQueued(String instanceId, String queueId, int limit) {
        int count = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            ExpressionPlaceholders expr = new ExpressionPlaceholders();
            var response = dynamo.query(QueryRequest.builder()
                    .tableName(tableName)
                    .indexName(ContactTableSchema.QUEUED_INDEX)
                    .keyConditionExpression(expr.name(ContactItems.QUEUED_IN) + " = " + expr.value(s(queueId))
                            + " AND " + expr.name(ContactItems.SK) + " = " + expr.value(s(instanceId)))
                    .expressionAttributeNames(expr.names())
                    .expressionAttributeValues(expr.values())
                    .select(Select.COUNT)
                    .limit(limit - count)
                    .exclusiveStartKey(startKey)
                    .build());
            count += response.count();
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (startKey != null && count < limit);
        return count;
    }

    @Override
    public Optional<ContactFlow> findFlow(String instanceId, String contactFlowId) {
        Map<String, AttributeValue> item = ContactTable.consistentGet(dynamo, tableName, InstanceItems.flowKey(instanceId, contactFlowId));
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(InstanceItems.contactFlow(item));
    }

    /**
     * Records a flow's start and what its run did, in one write conditional on the revision the run was
     * computed from: it succeeds at most once per contact, and not at all when anything changed the
     * contact meanwhile (a reschedule, an update, another start). A contact left open moves to the due
     * index's expiry shards, due at its expiry. Returns whether it was written.
     */
    @Override
    public boolean recordFlowRun(Contact contact, long revision, FlowResult run, Instant now) {
        ExpressionPlaceholders expr = new ExpressionPlaceholders();
        StringBuilder update = new StringBuilder("SET ")
                .append(expr.name(FLOW_STATUS)).append(" = ").append(expr.value(s(FlowStatus.STARTED.name())))
                .append(", ").append(expr.name(FLOW_STARTED_AT)).append(" = ").append(expr.value(millis(now)))
                .append(", ").append(expr.name(LAST_UPDATED_AT)).append(" = ").append(expr.value(millis(now)))
                .append(", ").append(expr.name(ContactItems.ATTRIBUTES)).append(" = ")
                .append(expr.value(ItemValues.stringMap(run.attributes())))
                .append(", ").append(expr.name(ContactItems.ATTRIBUTE_BYTES)).append(" = ")
                .append(expr.value(n(ContactRules.attributeBytes(run.attributes()))));
        if (run.queue() != null) {
            update.append(", ").append(expr.name(ContactItems.QUEUE_ID)).append(" = ").append(expr.value(s(run.queue().queueId())))
                    .append(", ").append(expr.name(ContactItems.ENQUEUED_AT)).append(" = ")
                    .append(expr.value(millis(run.queue().enqueuedAt())))
                    .append(", ").append(expr.name(ContactItems.QUEUED_IN)).append(" = ").append(expr.value(s(run.queue().queueId())));
        }
        if (run.disconnectedAt() != null) {
            update.append(", ").append(expr.name(ContactItems.DISCONNECTED_AT)).append(" = ")
                    .append(expr.value(millis(run.disconnectedAt())))
                    .append(", ").append(expr.name(ContactItems.DISCONNECT_REASON)).append(" = ")
                    .append(expr.value(s(ContactRules.FLOW_DISCONNECT)));
        }
        if (run.disconnectedAt() == null) {
            update.append(", ").append(expr.name(ContactItems.DUE_SHARD)).append(" = ").append(expr.value(s(ContactItems.expiryShard(contact.id()))))
                    .append(", ").append(expr.name(ContactItems.DUE_AT)).append(" = ").append(expr.value(millis(contact.expiry())));
        } else {
            update.append(" REMOVE ").append(expr.name(ContactItems.DUE_SHARD)).append(", ").append(expr.name(ContactItems.DUE_AT));
        }
        update.append(" ADD ").append(expr.name(REVISION)).append(' ').append(expr.value(n(1)));
        String condition = expr.name(REVISION) + " = " + expr.value(n(revision));
        try {
            dynamo.updateItem(ContactTable.conditionalUpdate(tableName, contact.key(), expr, update.toString(), condition));
            return true;
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return false;
        }
    }
}
