package dev.connecttasks.store;

import static dev.connecttasks.error.ApiException.throttled;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** TransactWriteItems with the retries DynamoDB asks for: a transaction that lost a race is run again. */
final class Transactions {
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    private Transactions() {
    }

    /**
     * Writes the items atomically. Returns no reasons when written, or the cancellation reasons (one
     * per item, in order) when a condition failed, in which case nothing was written.
     */
    static List<CancellationReason> write(DynamoDbClient dynamo, List<TransactWriteItem> items) {
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(transaction -> transaction.transactItems(items));
                return List.of();
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (reasons.stream().anyMatch(reason -> CONDITION_FAILED.equals(reason.code()))) {
                    return reasons;
                }
                boolean retryable = reasons.stream().anyMatch(reason -> reason.code() != null
                        && (reason.code().equals("TransactionConflict") || reason.code().contains("Throttl")
                        || reason.code().equals("ProvisionedThroughputExceeded")));
                if (!retryable) {
                    throw e;
                }
                if (attempt == Retries.MAX_ATTEMPTS) {
                    throw throttled("The table is busy; retry the request.");
                }
                Retries.backOff(attempt);
            }
        }
    }

    static boolean failed(List<CancellationReason> reasons, int index) {
        return index >= 0 && index < reasons.size() && CONDITION_FAILED.equals(reasons.get(index).code());
    }
}
