package dev.connecttasks.store;

import static dev.connecttasks.store.ItemValues.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Pages of one list of the sparse list index (the instances, or one instance's flows or queues), in
 * id order: Queries on the list's partition, never a Scan. A page resumes after the last id it was
 * given, so paging is stable while items are created. A type filter is applied by DynamoDB after it
 * reads, so a filtered page may take a few Queries to fill; at most {@link #MAX_QUERIES}, after which
 * it ends early with a resume point.
 */
final class ListIndex {
    static final int MAX_QUERIES = 5;

    /** Items read from the index, and the id to resume after (null: the list is done). */
    record Page(List<Map<String, AttributeValue>> items, String resumeAfter) {
    }

    private final DynamoDbClient dynamo;
    private final String tableName;

    ListIndex(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    /**
     * Up to {@code maxResults} items of {@code list} after the id {@code resumeAfter} whose
     * {@code filterAttribute} is one of {@code filterValues} (empty: every item). {@code tableKey} gives
     * the table key of the item with an id (an index's start key needs it).
     */
    Page page(String list, Function<String, Map<String, AttributeValue>> tableKey,
            String resumeAfter, int maxResults, String filterAttribute, Set<String> filterValues) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> startKey = resumeAfter == null ? null : startKey(list, resumeAfter, tableKey);
        for (int query = 0; query < MAX_QUERIES; query++) {
            // one more than the page holds: when it comes back, the page is full and something follows
            QueryResponse response = dynamo.query(query(list, startKey, maxResults + 1, filterAttribute, filterValues));
            for (Map<String, AttributeValue> item : response.items()) {
                if (items.size() == maxResults) {
                    return new Page(items, items.get(items.size() - 1).get(InstanceItems.LIST_ORDER).s());
                }
                items.add(item);
            }
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                return new Page(items, null);
            }
            startKey = response.lastEvaluatedKey();
        }
        return new Page(items, startKey.get(InstanceItems.LIST_ORDER).s());
    }

    private static Map<String, AttributeValue> startKey(String list, String resumeAfter,
            Function<String, Map<String, AttributeValue>> tableKey) {
        Map<String, AttributeValue> key = new HashMap<>(tableKey.apply(resumeAfter));
        key.put(InstanceItems.LIST_KEY, s(list));
        key.put(InstanceItems.LIST_ORDER, s(resumeAfter));
        return key;
    }

    private QueryRequest query(String list, Map<String, AttributeValue> startKey, int limit, String filterAttribute,
            Set<String> filterValues) {
        ExpressionPlaceholders expr = new ExpressionPlaceholders();
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(tableName)
                .indexName(ContactTableSchema.LIST_INDEX)
                .keyConditionExpression(expr.name(InstanceItems.LIST_KEY) + " = " + expr.value(s(list)))
                .exclusiveStartKey(startKey)
                .limit(limit);
        if (!filterValues.isEmpty()) {
            StringJoiner values = new StringJoiner(", ", expr.name(filterAttribute) + " IN (", ")");
            filterValues.stream().sorted().forEach(value -> values.add(expr.value(s(value))));
            query.filterExpression(values.toString());
        }
        return query.expressionAttributeNames(expr.names()).expressionAttributeValues(expr.values()).build();
    }
}
