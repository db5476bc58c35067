package dev.connecttasks.store;

import static dev.connecttasks.store.ContactItems.EXPIRES_AT;
import static dev.connecttasks.store.ContactItems.LAST_UPDATED_AT;
import static dev.connecttasks.store.ContactItems.PK;
import static dev.connecttasks.store.ContactItems.REVISION;
import static dev.connecttasks.store.ContactItems.TAGS;
import static dev.connecttasks.store.ItemValues.millis;
import static dev.connecttasks.store.ItemValues.n;
import static dev.connecttasks.store.ItemValues.s;

import dev.connecttasks.contact.TagChange;
import dev.connecttasks.contact.TagRules;
import dev.connecttasks.operation.port.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * TagContact and UntagContact on a contact's {@code tags} map, in one conditional UpdateItem when the
 * change can be written in place (new keys that fit under the cap, or keys removed); otherwise the
 * failed write returns the item, and one more write, conditional on its revision, puts the exact
 * merge, as UpdateContact does for references.
 */
final class ContactTags {
    private final DynamoDbClient dynamo;
    private final String tableName;

    ContactTags(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    Change retag(TagChange change, Instant now) {
        return ContactTable.writeInPlaceOrMerge(dynamo, inPlace(change, now), current -> {
            Map<String, String> merged = new HashMap<>(ItemValues.stringMap(current.get(TAGS)));
            merged.putAll(change.tags());
            change.removedKeys().forEach(merged::remove);
            TagRules.checkCap(merged);
            return replacing(change, merged, current.get(REVISION), now);
        }, now);
    }

    /** New keys set where the map has room for them, or keys removed from a map that is there. */
    private UpdateItemRequest inPlace(TagChange change, Instant now) {
        ExpressionPlaceholders expr = new ExpressionPlaceholders();
        String tags = expr.name(TAGS);
        List<String> clauses = new ArrayList<>();
        StringBuilder condition = new StringBuilder("attribute_exists(").append(expr.name(PK)).append(") AND ")
                .append(expr.name(EXPIRES_AT)).append(" > ").append(expr.value(n(now.getEpochSecond())))
                .append(" AND attribute_exists(").append(tags).append(')');
        change.tags().forEach((key, value) -> {
            String path = tags + "." + expr.key(key);
            clauses.add(path + " = " + expr.value(s(value)));
            condition.append(" AND attribute_not_exists(").append(path).append(')');
        });
        if (!change.tags().isEmpty()) {
            condition.append(" AND size(").append(tags).append(") <= ")
                    .append(expr.value(n(TagRules.MAX_TAGS - change.tags().size())));
        }
        String update = "SET " + expr.name(LAST_UPDATED_AT) + " = " + expr.value(millis(now))
                + (clauses.isEmpty() ? "" : ", " + String.join(", ", clauses));
        if (!change.removedKeys().isEmpty()) {
            List<String> removed = new ArrayList<>();
            change.removedKeys().forEach(key -> removed.add(tags + "." + expr.key(key)));
            update += " REMOVE " + String.join(", ", removed);
        }
        update += " ADD " + expr.name(REVISION) + " " + expr.value(n(1));
        return ContactTable.conditionalUpdate(tableName, change.key(), expr, update, condition.toString());
    }

    private UpdateItemRequest replacing(TagChange change, Map<String, String> merged, AttributeValue revision,
            Instant now) {
        ExpressionPlaceholders expr = new ExpressionPlaceholders();
        String update = "SET " + expr.name(TAGS) + " = " + expr.value(ItemValues.stringMap(merged)) + ", "
                + expr.name(LAST_UPDATED_AT) + " = " + expr.value(millis(now))
                + " ADD " + expr.name(REVISION) + " " + expr.value(n(1));
        String condition = expr.name(REVISION) + " = " + expr.value(revision);
        return ContactTable.conditionalUpdate(tableName, change.key(), expr, update, condition);
    }
}
