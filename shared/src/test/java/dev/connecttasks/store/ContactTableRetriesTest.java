package dev.connecttasks.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.connecttasks.error.ApiException;
import dev.connecttasks.error.ErrorType;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;

/** What the store does when DynamoDB keeps asking it to come back: it stops, and says so. */
class ContactTableRetriesTest {

    /** A table that never processes a batch read: every key comes back unprocessed. */
    @SuppressWarnings("unchecked")
    private static DynamoDbClient neverProcessing(AtomicInteger calls) {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("batchGetItem")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    calls.incrementAndGet();
                    BatchGetItemRequest request = args[0] instanceof BatchGetItemRequest given ? given
                            : BatchGetItemRequest.builder().applyMutation((Consumer<BatchGetItemRequest.Builder>) args[0]).build();
                    return BatchGetItemResponse.builder().unprocessedKeys(request.requestItems()).build();
                });
    }

    @Test
    void unprocessedKeysAreRetriedAFewTimesWithPausesThenThrottled() {
        AtomicInteger calls = new AtomicInteger();
        ContactTable table = new ContactTable(neverProcessing(calls), "contacts");

        ApiException throttled = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(ApiException.class,
                () -> table.findAll("instance", List.of("a", "b"), Instant.now())));

        assertEquals(ErrorType.THROTTLING, throttled.type());
        assertEquals(Retries.MAX_ATTEMPTS, calls.get());
    }
}
