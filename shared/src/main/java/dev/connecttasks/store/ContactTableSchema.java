package dev.connecttasks.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The table's key schema and TTL attribute, as {@code template.yaml} declares them (a test holds the
 * two together). Used where no CloudFormation runs: the local runtime and the tests.
 */
public final class ContactTableSchema {
    public static final String PARTITION_KEY = ContactItems.PK;
    public static final String SORT_KEY = ContactItems.SK;
    public static final String TTL_ATTRIBUTE = ContactItems.EXPIRES_AT;

    private ContactTableSchema() {
    }

    /** Creates the table with TTL enabled; a table that already exists is left as it is. */
    public static void createIfMissing(DynamoDbClient dynamo, String tableName) {
        try {
            dynamo.createTable(table -> table
                    .tableName(tableName)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            attribute -> attribute.attributeName(PARTITION_KEY).attributeType(ScalarAttributeType.S),
                            attribute -> attribute.attributeName(SORT_KEY).attributeType(ScalarAttributeType.S))
                    .keySchema(
                            key -> key.attributeName(PARTITION_KEY).keyType(KeyType.HASH),
                            key -> key.attributeName(SORT_KEY).keyType(KeyType.RANGE)));
        } catch (ResourceInUseException exists) {
            return;
        }
        dynamo.waiter().waitUntilTableExists(wait -> wait.tableName(tableName));
        dynamo.updateTimeToLive(ttl -> ttl
                .tableName(tableName)
                .timeToLiveSpecification(spec -> spec.attributeName(TTL_ATTRIBUTE).enabled(true)));
    }
}
