package dev.connecttasks.store;

import static dev.connecttasks.store.ContactItems.EXPIRES_AT;
import static dev.connecttasks.store.ContactItems.PK;
import static dev.connecttasks.store.ItemValues.n;

import dev.connecttasks.operation.port.IdempotencyRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** The claim on a ClientToken, for contacts and instances alike. */
final class TokenClaims {
    private TokenClaims() {
    }

    /**
     * Writes the claim ({@code item}: its key and what it holds) for {@link IdempotencyRecord#LIFETIME}:
     * new, or over a claim that has expired (TTL deletes late). When a live claim holds the token, the
     * write fails and returns it.
     */
    static Put put(String tableName, Map<String, AttributeValue> item, Instant now) {
        Map<String, AttributeValue> claim = new HashMap<>(item);
        claim.put(EXPIRES_AT, n(now.plus(IdempotencyRecord.LIFETIME).getEpochSecond()));
        ExpressionPlaceholders expr = new ExpressionPlaceholders();
        return Put.builder()
                .tableName(tableName)
                .item(claim)
                .conditionExpression("attribute_not_exists(" + expr.name(PK) + ") OR "
                        + expr.name(EXPIRES_AT) + " <= " + expr.value(n(now.getEpochSecond())))
                .expressionAttributeNames(expr.names())
                .expressionAttributeValues(expr.values())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }
}
