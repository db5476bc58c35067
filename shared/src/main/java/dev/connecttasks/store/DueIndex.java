package dev.connecttasks.store;

import static dev.connecttasks.store.ItemValues.instant;
import static dev.connecttasks.store.ItemValues.millis;
import static dev.connecttasks.store.ItemValues.s;
import static dev.connecttasks.store.ItemValues.string;

import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.flow.ExpiryMessage;
import dev.connecttasks.flow.StartMessage;
import dev.connecttasks.operation.port.DueStarts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@link DueStarts} on the table's sparse due index: one Query per shard, for the keys due by the
 * cutoff. Only open contacts carry the index's keys (in start shards until their flow starts, then in
 * expiry shards), so the index holds what waits and nothing else: never a Scan.
 */
public final class DueIndex implements DueStarts {
    private final DynamoDbClient dynamo;
    private final String tableName;

    public DueIndex(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    @Override
    public List<StartMessage> dueBy(Instant cutoff, int limit) {
        return due(ContactTableSchema.DUE_SHARD_PREFIX, cutoff, limit, DueIndex::start);
    }

    @Override
    public List<ExpiryMessage> expiriesBy(Instant cutoff, int limit) {
        return due(ContactTableSchema.EXPIRY_SHARD_PREFIX, cutoff, limit,
                item -> new ExpiryMessage(key(item), instant(item, ContactItems.DUE_AT)));
    }

    private <T> List<T> due(String shardPrefix, Instant cutoff, int limit, Function<Map<String, AttributeValue>, T> reader) {
        List<T> due = new ArrayList<>();
        for (int shard = 0; shard < ContactItems.DUE_SHARDS && due.size() < limit; shard++) {
            Map<String, AttributeValue> startKey = null;
            do {
                var response = dynamo.query(query(shardPrefix + shard, cutoff, limit - due.size(), startKey));
                response.items().forEach(item -> due.add(reader.apply(item)));
                startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey() : null;
            } while (startKey != null && due.size() < limit);
        }
        return due;
    }

    QueryRequest query(String shard, Instant cutoff, int limit, Map<String, AttributeValue> startKey) {
        ExpressionPlaceholders expr = new ExpressionPlaceholders();
        return QueryRequest.builder()
                .tableName(tableName)
                .indexName(ContactTableSchema.DUE_INDEX)
                .keyConditionExpression(expr.name(ContactItems.DUE_SHARD) + " = " + expr.value(s(shard))
                        + " AND " + expr.name(ContactItems.DUE_AT) + " <= " + expr.value(millis(cutoff)))
                .expressionAttributeNames(expr.names())
                .expressionAttributeValues(expr.values())
                .limit(limit)
                .exclusiveStartKey(startKey)
                .build();
    }

    private static StartMessage start(Map<String, AttributeValue> item) {
        return new StartMessage(key(item), string(item, ContactItems.FLOW_ID), instant(item, ContactItems.SCHEDULED_AT));
    }

    private static ContactKey key(Map<String, AttributeValue> item) {
        return new ContactKey(string(item, ContactItems.SK), string(item, ContactItems.PK).substring(2));
    }
}
