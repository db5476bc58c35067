package dev.connecttasks.store;

import dev.connecttasks.contact.ContactTimestamp;
import java.util.LinkedHashMap;
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
     * The sparse index of what the List operations list: queues, flows and instances, each under the
     * partition of its list ({@link #LIST_KEY}), ordered by id ({@link #LIST_ORDER}), with the members of
     * its summary. Only those items carry its keys.
     */
    public static final String LIST_INDEX = "list";
    public static final String LIST_KEY = InstanceItems.LIST_KEY;
    public static final String LIST_ORDER = InstanceItems.LIST_ORDER;
    public static final List<String> LIST_PROJECTION = InstanceItems.SUMMARY_ATTRIBUTES;
    /**
     * The sparse index of contacts in a queue that have not ended: the queue's id and the instance
     * ({@code sk}); keys only, for counting against a queue's MaxContacts.
     */
    public static final String QUEUED_INDEX = "queued";
    public static final String QUEUED_IN = ContactItems.QUEUED_IN;
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
    private static final GlobalSecondaryIndex DUE = GlobalSecondaryIndex.builder()
            .indexName(DUE_INDEX).keySchema(DUE_KEYS).projection(DUE_INDEX_PROJECTION).build();
    private static final GlobalSecondaryIndex LIST = GlobalSecondaryIndex.builder()
            .indexName(LIST_INDEX)
            .keySchema(key(LIST_KEY, KeyType.HASH), key(LIST_ORDER, KeyType.RANGE))
            .projection(projection -> projection.projectionType(ProjectionType.INCLUDE).nonKeyAttributes(LIST_PROJECTION))
            .build();
    private static final GlobalSecondaryIndex QUEUED = GlobalSecondaryIndex.builder()
            .indexName(QUEUED_INDEX)
            .keySchema(key(QUEUED_IN, KeyType.HASH), key(SORT_KEY, KeyType.RANGE))
            .projection(projection -> projection.projectionType(ProjectionType.KEYS_ONLY))
            .build();
    /** Every index, with the key attributes it needs defined. */
    private static final Map<GlobalSecondaryIndex, List<AttributeDefinition>> INDEXES = new LinkedHashMap<>();

    static {
        INDEXES.put(DUE, List.of(DUE_SHARD_TYPE, DUE_AT_TYPE));
        INDEXES.put(LIST, List.of(string(LIST_KEY), string(LIST_ORDER)));
        INDEXES.put(QUEUED, List.of(string(QUEUED_IN), string(SORT_KEY)));
        SEARCH_INDEXES.keySet().stream().sorted().forEach(timestamp -> INDEXES.put(GlobalSecondaryIndex.builder()
                        .indexName(SEARCH_INDEXES.get(timestamp))
                        .keySchema(key(SEARCH_KEY, KeyType.HASH), key(searchSortKey(timestamp), KeyType.RANGE))
                        .projection(projection -> projection.projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes(searchProjection(timestamp)))
                        .build(),
                List.of(string(SEARCH_KEY), AttributeDefinition.builder()
                        .attributeName(searchSortKey(timestamp)).attributeType(ScalarAttributeType.N).build())));
    }

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

    /**
     * Creates the table with its indexes, stream and TTL; a table that already exists (an earlier run
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
                    .globalSecondaryIndexes(INDEXES.keySet()));
        } catch (ResourceInUseException exists) {
            upgrade(dynamo, tableName);
            return;
        }
        dynamo.waiter().waitUntilTableExists(wait -> wait.tableName(tableName));
        dynamo.updateTimeToLive(ttl -> ttl
                .tableName(tableName)
                .timeToLiveSpecification(spec -> spec.attributeName(TTL_ATTRIBUTE).enabled(true)));
    }

    private static void upgrade(DynamoDbClient dynamo, String tableName) {
        TableDescription table = dynamo.describeTable(describe -> describe.tableName(tableName)).table();
        if (table.latestStreamArn() == null) {
            dynamo.updateTable(update -> update.tableName(tableName)
                    .streamSpecification(stream -> stream.streamEnabled(true).streamViewType(STREAM_VIEW)));
        }
        INDEXES.forEach((index, keyTypes) -> {
            if (table.globalSecondaryIndexes().stream().noneMatch(existing -> existing.indexName().equals(index.indexName()))) {
                dynamo.updateTable(update -> update.tableName(tableName)
                        .attributeDefinitions(keyTypes)
                        .globalSecondaryIndexUpdates(change -> change.create(create -> create
                                .indexName(index.indexName()).keySchema(index.keySchema()).projection(index.projection()))));
            }
        });
    }

    private static List<AttributeDefinition> attributeDefinitions() {
        Map<String, AttributeDefinition> definitions = new LinkedHashMap<>();
        definitions.put(PARTITION_KEY, string(PARTITION_KEY));
        definitions.put(SORT_KEY, string(SORT_KEY));
        INDEXES.values().forEach(keyTypes -> keyTypes.forEach(type -> definitions.put(type.attributeName(), type)));
        return List.copyOf(definitions.values());
    }

    private static KeySchemaElement key(String attribute, KeyType type) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(type).build();
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
