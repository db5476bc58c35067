package dev.connecttasks.store;

import static dev.connecttasks.store.ItemValues.millis;
import static dev.connecttasks.store.ItemValues.s;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactTimestamp;
import dev.connecttasks.operation.port.ContactSearchIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link ContactSearchIndex} on the table's search indexes: per shard, one Query for the range of the
 * timestamp, in its order, read until the shard has given {@code limit} matches or the range ends. The
 * first {@code limit} of all shards are among the first {@code limit} of each, so the merge is exact.
 * A search reads the contacts of its time range, never the table.
 */
public final class SearchIndexes implements ContactSearchIndex {
    private final DynamoDbClient dynamo;
    private final String tableName;

    public SearchIndexes(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    @Override
    public List<Contact> inRange(String instanceId, ContactTimestamp timestamp, Instant start, Instant end,
                                 boolean ascending, Predicate<Contact> matches, int limit, Instant now) {
        List<Contact> found = new ArrayList<>();
        for (int shard = 0; shard < ContactItems.SEARCH_SHARDS; shard++) {
            int fromShard = 0;
            Map<String, AttributeValue> startKey = null;
            do {
                QueryResponse page = dynamo.query(query(ContactItems.searchKey(instanceId, shard), timestamp, start, end, ascending, startKey));
                for (Map<String, AttributeValue> item : page.items()) {
                    if (fromShard < limit && ContactItems.present(item, now)) {
                        Contact contact = ContactItems.fromItem(item);
                        if (matches.test(contact)) {
                            found.add(contact);
                            fromShard++;
                        }
                    }
                }
                startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (startKey != null && fromShard < limit);
        }
        Comparator<Contact> order = Comparator.comparing(timestamp::of).thenComparing(Contact::id);
        return found.stream().sorted(ascending ? order : order.reversed()).limit(limit).toList();
    }

    QueryRequest query(String searchKey, ContactTimestamp timestamp, Instant start, Instant end, boolean ascending,
                       Map<String, AttributeValue> startKey) {
        ExpressionPlaceholders expr = new ExpressionPlaceholders();
        return QueryRequest.builder()
                .tableName(tableName)
                .indexName(ContactTableSchema.SEARCH_INDEXES.get(timestamp))
                .keyConditionExpression(expr.name(ContactItems.SEARCH_KEY) + " = " + expr.value(s(searchKey))
                        + " AND " + expr.name(ContactTableSchema.searchSortKey(timestamp))
                        + " BETWEEN " + expr.value(millis(start)) + " AND " + expr.value(millis(end)))
                .expressionAttributeNames(expr.names())
                .expressionAttributeValues(expr.values())
                .scanIndexForward(ascending)
                .exclusiveStartKey(startKey)
                .build();
    }
}
