package dev.connecttasks.store;

import static dev.connecttasks.store.ItemValues.n;
import static dev.connecttasks.store.ItemValues.s;

import dev.connecttasks.contact.TaskTemplate;
import dev.connecttasks.contact.TaskTemplateRules;
import dev.connecttasks.operation.port.Creation;
import dev.connecttasks.operation.port.IdempotencyRecord;
import dev.connecttasks.operation.port.TaskTemplateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Task templates in the contact table. A create is one transaction: the template, its token, and one
 * more on the instance's count of templates, conditional on the instance existing with room under the
 * quota, so concurrent creates can never pass it; a delete gives the place back in its own transaction.
 */
public final class TaskTemplateTable implements TaskTemplateStore {
    private final DynamoDbClient dynamo;
    private final String tableName;

    public TaskTemplateTable(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    @Override
    public Creation<Refusal> create(TaskTemplate template, IdempotencyRecord token, Instant now) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(count(template.instanceId(), 1)).build());
        items.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(TaskTemplateItems.toItem(template, 1))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", ContactItems.PK))
                .build()).build());
        int tokenIndex = -1;
        if (token != null) {
            tokenIndex = items.size();
            Map<String, AttributeValue> claim = new HashMap<>(TaskTemplateItems.tokenKey(template.instanceId(), token.clientToken()));
            claim.put(InstanceItems.OWNER_ID, s(token.createdId()));
            claim.put(InstanceItems.REQUEST_HASH, s(token.requestHash()));
            items.add(TransactWriteItem.builder().put(TokenClaims.put(tableName, claim, now)).build());
        }
        List<CancellationReason> reasons = Transactions.write(dynamo, items);
        if (Transactions.failed(reasons, tokenIndex)) {
            Map<String, AttributeValue> held = reasons.get(tokenIndex).item();
            return new Creation.TokenHeld<>(new IdempotencyRecord(token.clientToken(),
                    held.get(InstanceItems.REQUEST_HASH).s(), held.get(InstanceItems.OWNER_ID).s()));
        }
        if (Transactions.failed(reasons, 0)) {
            Map<String, AttributeValue> instance = reasons.get(0).item();
            return Creation.refused(instance == null || instance.isEmpty() ? Refusal.INSTANCE_MISSING : Refusal.QUOTA_REACHED);
        }
        if (!reasons.isEmpty()) {
            throw new IllegalStateException("a new template id collided: " + reasons);
        }
        return Creation.created();
    }

    @Override
    public Optional<Versioned> find(String instanceId, String templateId) {
        Map<String, AttributeValue> item = ContactTable.consistentGet(dynamo, tableName, TaskTemplateItems.key(instanceId, templateId));
        return item.isEmpty() ? Optional.empty() : Optional.of(TaskTemplateItems.template(item));
    }

    @Override
    public boolean replace(TaskTemplate template, long revision) {
        ExpressionPlaceholders expr = new ExpressionPlaceholders();
        try {
            dynamo.putItem(put -> put.tableName(tableName)
                    .item(TaskTemplateItems.toItem(template, revision + 1))
                    .conditionExpression(expr.name(ContactItems.REVISION) + " = " + expr.value(n(revision)))
                    .expressionAttributeNames(expr.names())
                    .expressionAttributeValues(expr.values()));
            return true;
        } catch (ConditionalCheckFailedException changedOrGone) {
            return false;
        }
    }

    @Override
    public boolean delete(String instanceId, String templateId) {
        List<CancellationReason> reasons = Transactions.write(dynamo, List.of(
                TransactWriteItem.builder().delete(Delete.builder()
                        .tableName(tableName)
                        .key(TaskTemplateItems.key(instanceId, templateId))
                        .conditionExpression("attribute_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", ContactItems.PK))
                        .build()).build(),
                TransactWriteItem.builder().update(count(instanceId, -1)).build()));
        return reasons.isEmpty();
    }

    @Override
    public Page list(String instanceId, String status, String name, String afterId, int limit) {
        ExpressionPlaceholders expr = new ExpressionPlaceholders();
        String keyCondition = expr.name(ContactItems.PK) + " = " + expr.value(s(TaskTemplateItems.partition(instanceId)));
        List<String> filters = new ArrayList<>();
        if (status != null) {
            filters.add(expr.name(TaskTemplateItems.STATUS) + " = " + expr.value(s(status)));
        }
        if (name != null) {
            filters.add(expr.name(TaskTemplateItems.NAME) + " = " + expr.value(s(name)));
        }
        String projection = String.join(", ", expr.name(ContactItems.SK), expr.name(TaskTemplateItems.NAME),
                expr.name(TaskTemplateItems.DESCRIPTION), expr.name(TaskTemplateItems.STATUS),
                expr.name(TaskTemplateItems.CREATED_AT), expr.name(TaskTemplateItems.LAST_MODIFIED_AT));
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression(keyCondition)
                .projectionExpression(projection)
                .consistentRead(true)
                .limit(limit);
        if (!filters.isEmpty()) {
            query.filterExpression(String.join(" AND ", filters));
        }
        if (afterId != null) {
            query.exclusiveStartKey(TaskTemplateItems.key(instanceId, afterId));
        }
        QueryResponse response = dynamo.query(query
                .expressionAttributeNames(expr.names())
                .expressionAttributeValues(expr.values())
                .build());
        List<TaskTemplate.Summary> templates = response.items().stream().map(TaskTemplateItems::summary).toList();
        Map<String, AttributeValue> last = response.lastEvaluatedKey();
        return new Page(templates, last == null || last.isEmpty() ? null : last.get(ContactItems.SK).s());
    }

    /** Moves the instance's count of templates by {@code delta}; taking a place needs the instance and room. */
    private Update count(String instanceId, int delta) {
        ExpressionPlaceholders expr = new ExpressionPlaceholders();
        String count = expr.name(TaskTemplateItems.TEMPLATE_COUNT);
        String condition = "attribute_exists(" + expr.name(ContactItems.PK) + ")";
        if (delta > 0) {
            condition += " AND (attribute_not_exists(" + count + ") OR " + count + " < "
                    + expr.value(n(TaskTemplateRules.MAX_TEMPLATES_PER_INSTANCE)) + ")";
        }
        return Update.builder()
                .tableName(tableName)
                .key(InstanceItems.instanceKey(instanceId))
                .updateExpression("ADD " + count + " " + expr.value(n(delta)))
                .conditionExpression(condition)
                .expressionAttributeNames(expr.names())
                .expressionAttributeValues(expr.values())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }
}
