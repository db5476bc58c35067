package dev.connecttasks.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The table's key schema, TTL attribute and stream, as {@code template.yaml} declares them (a test
 * holds the two together). Used where no CloudFormation runs: the local runtime and the tests.
 */
public final class ContactTableSchema {
    public static final String PARTITION_KEY = ContactItems.PK;
    public static final String SORT_KEY = ContactItems.SK;
    public static final String TTL_ATTRIBUTE = ContactItems.EXPIRES_AT;
    public static final StreamViewType STREAM_VIEW = StreamViewType.NEW_AND_OLD_IMAGES;

    private ContactTableSchema() {
    }

    /**
     * Creates the table with TTL and its stream enabled; a table that already exists (from an earlier
     * run against the same emulator) gets its stream if it has none, and is otherwise left as it is.
     */
    public static void createIfMissing(DynamoDbClient dynamo, String tableName) {
        try {
            dynamo.createTable(table -> table
                    .tableName(tableName)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .streamSpecification(stream -> stream.streamEnabled(true).streamViewType(STREAM_VIEW))
                    .attributeDefinitions(
                            attribute -> attribute.attributeName(PARTITION_KEY).attributeType(ScalarAttributeType.S),
                            attribute -> attribute.attributeName(SORT_KEY).attributeType(ScalarAttributeType.S))
                    .keySchema(
                            key -> key.attributeName(PARTITION_KEY).keyType(KeyType.HASH),
                            key -> key.attributeName(SORT_KEY).keyType(KeyType.RANGE)));
        } catch (ResourceInUseException exists) {
            if (dynamo.describeTable(describe -> describe.tableName(tableName)).table().latestStreamArn() == null) {
                dynamo.updateTable(update -> update.tableName(tableName)
                        .streamSpecification(stream -> stream.streamEnabled(true).streamViewType(STREAM_VIEW)));
            }
            return;
        }
        dynamo.waiter().waitUntilTableExists(wait -> wait.tableName(tableName));
        dynamo.updateTimeToLive(ttl -> ttl
                .tableName(tableName)
                .timeToLiveSpecification(spec -> spec.attributeName(TTL_ATTRIBUTE).enabled(true)));
    }
}
