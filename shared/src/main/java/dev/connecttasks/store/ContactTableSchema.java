package dev.connecttasks.store;

import dev.connecttasks.contact.ContactTimestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The table's key schema, TTL attribute and stream, as {@code template.yaml} declares them (a test
 * holds the two together). Used where no CloudFormation runs: the local runtime and the tests.
 */
public final class ContactTableSchema {
    public static final String PARTITION_KEY = ContactItems.PK;
    public static final String SORT_KEY = ContactItems.SK;
    public static final String TTL_ATTRIBUTE = ContactItems.EXPIRES_AT;
    public static final StreamViewType STREAM_VIEW = StreamViewType.NEW_AND_OLD_IMAGES;
    /** The sparse index of contacts waiting for their start: only they carry its keys. */
    public static final String DUE_INDEX = "due";
    public static final String DUE_SHARD = ContactItems.DUE_SHARD;
    public static final String DUE_AT = ContactItems.DUE_AT;
    static final String DUE_SHARD_PREFIX = "D#";
    static final String EXPIRY_SHARD_PREFIX = "X#";
    /** What the due index holds beside its keys and the table's: what a start needs. */
    public static final List<String> DUE_PROJECTION = List.of(ContactItems.FLOW_ID, ContactItems.SCHEDULED_AT);
    /**
     * The search indexes, one per timestamp a search ranges over: keyed by {@code searchKey}, sorted by
     * the timestamp, holding what a search filters on and answers (not descriptions or references).
     */
    public static final Map<ContactTimestamp, String> SEARCH_INDEXES = Map.of(
            ContactTimestamp.INITIATION_TIMESTAMP, "byInitiation",
            ContactTimestamp.SCHEDULED_TIMESTAMP, "byScheduled",
            ContactTimestamp.ENQUEUE_TIMESTAMP, "byEnqueue",
            ContactTimestamp.DISCONNECT_TIMESTAMP, "byDisconnect");
    public static final String SEARCH_KEY = ContactItems.SEARCH_KEY;
    private static final List<String> SEARCH_PROJECTION = List.of(ContactItems.EXPIRES_AT, ContactItems.FLOW_ID,
            ContactItems.NAME, ContactItems.ATTRIBUTES, ContactItems.PREVIOUS_CONTACT_ID, ContactItems.INITIAL_CONTACT_ID,
            ContactItems.INITIATED_AT, ContactItems.SCHEDULED_AT, ContactItems.FLOW_STATUS, ContactItems.FLOW_STARTED_AT,
            ContactItems.QUEUE_ID, ContactItems.ENQUEUED_AT, ContactItems.DISCONNECTED_AT, ContactItems.TAGS,
            ContactItems.SEGMENT_ATTRIBUTES, ContactItems.EXPIRY_MINUTES, ContactItems.INITIATION_METHOD);
    private static final AttributeDefinition DUE_SHARD_TYPE = string(DUE_SHARD);
    private static final AttributeDefinition DUE_AT_TYPE = AttributeDefinition.builder()
            .attributeName(DUE_AT).attributeType(ScalarAttributeType.N).build();
    private static final List<KeySchemaElement> DUE_KEYS = List.of(
            KeySchemaElement.builder().attributeName(DUE_SHARD).keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName(DUE_AT).keyType(KeyType.RANGE).build());
    private static final Projection DUE_INDEX_PROJECTION = Projection.builder()
            .projectionType(ProjectionType.INCLUDE).nonKeyAttributes(DUE_PROJECTION).build();

    private ContactTableSchema() {
    }

    /** The attribute a search index sorts by. */
    public static String searchSortKey(ContactTimestamp timestamp) {
        return switch (timestamp) {
            case INITIATION_TIMESTAMP -> ContactItems.INITIATED_AT;
            case SCHEDULED_TIMESTAMP -> ContactItems.SCHEDULED_AT;
            case ENQUEUE_TIMESTAMP -> ContactItems.ENQUEUED_AT;
            case DISCONNECT_TIMESTAMP -> ContactItems.DISCONNECTED_AT;
            default -> throw new IllegalArgumentException(timestamp + " has no search index");
        };
    }

    /** What a search index holds beside its keys and the table's. */
    public static List<String> searchProjection(ContactTimestamp timestamp) {
        return SEARCH_PROJECTION.stream().filter(name -> !name.equals(searchSortKey(timestamp))).toList();
    }

    private static List<GlobalSecondaryIndex> searchIndexes() {
        return SEARCH_INDEXES.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(entry -> GlobalSecondaryIndex.builder()
                .indexName(entry.getValue())
                .keySchema(
                        KeySchemaElement.builder().attributeName(SEARCH_KEY).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(searchSortKey(entry.getKey())).keyType(KeyType.RANGE).build())
                .projection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                        .nonKeyAttributes(searchProjection(entry.getKey())).build())
                .build()).toList();
    }

    private static List<AttributeDefinition> searchKeyTypes() {
        List<AttributeDefinition> types = new ArrayList<>(List.of(string(SEARCH_KEY)));
        SEARCH_INDEXES.keySet().stream().sorted().forEach(timestamp -> types.add(AttributeDefinition.builder()
                .attributeName(searchSortKey(timestamp)).attributeType(ScalarAttributeType.N).build()));
        return types;
    }

    /**
     * Creates the table with its due index, stream and TTL; a table that already exists (an earlier run
     * against the same emulator) gets what an older version of it lacks, and is otherwise left as it is.
     */
    public static void createIfMissing(DynamoDbClient dynamo, String tableName) {
        try {
            dynamo.createTable(table -> table
                    .tableName(tableName)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .streamSpecification(stream -> stream.streamEnabled(true).streamViewType(STREAM_VIEW))
                    .attributeDefinitions(attributeDefinitions())
                    .keySchema(
                            key -> key.attributeName(PARTITION_KEY).keyType(KeyType.HASH),
                            key -> key.attributeName(SORT_KEY).keyType(KeyType.RANGE))
                    .globalSecondaryIndexes(indexes()));
        } catch (ResourceInUseException exists) {
            upgrade(dynamo, tableName);
            return;
        }
        dynamo.waiter().waitUntilTableExists(wait -> wait.tableName(tableName));
        dynamo.updateTimeToLive(ttl -> ttl
                .tableName(tableName)
                .timeToLiveSpecification(spec -> spec.attributeName(TTL_ATTRIBUTE).enabled(true)));
    }

    private static List<AttributeDefinition> attributeDefinitions() {
        List<AttributeDefinition> definitions = new ArrayList<>(List.of(string(PARTITION_KEY), string(SORT_KEY), DUE_SHARD_TYPE, DUE_AT_TYPE));
        definitions.addAll(searchKeyTypes());
        return definitions;
    }

    private static List<GlobalSecondaryIndex> indexes() {
        List<GlobalSecondaryIndex> indexes = new ArrayList<>(List.of(GlobalSecondaryIndex.builder()
                .indexName(DUE_INDEX).keySchema(DUE_KEYS).projection(DUE_INDEX_PROJECTION).build()));
        indexes.addAll(searchIndexes());
        return indexes;
    }

    private static void upgrade(DynamoDbClient dynamo, String tableName) {
        TableDescription table = dynamo.describeTable(describe -> describe.tableName(tableName)).table();
        if (table.latestStreamArn() == null) {
            dynamo.updateTable(update -> update.tableName(tableName)
                    .streamSpecification(stream -> stream.streamEnabled(true).streamViewType(STREAM_VIEW)));
        }
        if (table.globalSecondaryIndexes().stream().noneMatch(index -> index.indexName().equals(DUE_INDEX))) {
            dynamo.updateTable(update -> update.tableName(tableName)
                    .attributeDefinitions(DUE_SHARD_TYPE, DUE_AT_TYPE)
                    .globalSecondaryIndexUpdates(change -> change.create(index -> index
                            .indexName(DUE_INDEX).keySchema(DUE_KEYS).projection(DUE_INDEX_PROJECTION))));
        }
        // DynamoDB creates one index per UpdateTable, as CloudFormation does per stack update
        for (GlobalSecondaryIndex search : searchIndexes()) {
            if (table.globalSecondaryIndexes().stream().noneMatch(index -> index.indexName().equals(search.indexName()))) {
                dynamo.updateTable(update -> update.tableName(tableName)
                        .attributeDefinitions(searchKeyTypes().stream().filter(type -> search.keySchema().stream()
                                .anyMatch(key -> key.attributeName().equals(type.attributeName()))).toList())
                        .globalSecondaryIndexUpdates(change -> change.create(index -> index
                                .indexName(search.indexName()).keySchema(search.keySchema()).projection(search.projection()))));
            }
        }
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
