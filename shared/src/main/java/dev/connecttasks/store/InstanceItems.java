package dev.connecttasks.store;

import static dev.connecttasks.store.ItemValues.instant;
import static dev.connecttasks.store.ItemValues.millis;
import static dev.connecttasks.store.ItemValues.n;
import static dev.connecttasks.store.ItemValues.putIfPresent;
import static dev.connecttasks.store.ItemValues.s;
import static dev.connecttasks.store.ItemValues.string;
import static dev.connecttasks.store.ItemValues.stringMap;

import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.instance.Instance;
import dev.connecttasks.instance.Queue;
import dev.connecttasks.instance.Summaries.FlowSummary;
import dev.connecttasks.instance.Summaries.InstanceSummary;
import dev.connecttasks.instance.Summaries.QueueSummary;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The item layout of instances and flows, in the same table as contacts (the sort key is always the
 * instance, or {@code -} for what is not inside one):
 * <ul>
 *   <li>instance: {@code pk = "I#" + instanceId}, {@code sk = instanceId}</li>
 *   <li>instance alias, taken once: {@code pk = "A#" + lower-case alias}, {@code sk = "-"}</li>
 *   <li>CreateInstance idempotency token: {@code pk = "IT#" + clientToken}, {@code sk = "-"}</li>
 *   <li>flow: {@code pk = "F#" + contactFlowId}, {@code sk = instanceId}</li>
 *   <li>flow name, taken once per instance: {@code pk = "FN#" + name}, {@code sk = instanceId}</li>
 *   <li>queue: {@code pk = "Q#" + queueId}, {@code sk = instanceId}</li>
 *   <li>queue name, taken once per instance: {@code pk = "QN#" + name}, {@code sk = instanceId}</li>
 * </ul>
 * Instances, flows and queues also carry the keys of the sparse {@code list} index: {@code listKey}
 * ({@code LI} for every instance, {@code LF#} or {@code LQ#} and the instance for its flows and
 * queues) and {@code listOrder} (the id), so each List operation is a Query.
 */
final class InstanceItems {
    static final String NO_INSTANCE = "-";
    static final String OWNER_ID = "ownerId";
    static final String FLOW_STATUS = "status";
    private static final String IDENTITY_MANAGEMENT_TYPE = "identityManagementType";
    private static final String ALIAS = "alias";
    private static final String DIRECTORY_ID = "directoryId";
    private static final String INBOUND_CALLS = "inboundCallsEnabled";
    private static final String OUTBOUND_CALLS = "outboundCallsEnabled";
    private static final String TAGS = "tags";
    private static final String CREATED_AT = "createdAt";
    private static final String NAME = "name";
    private static final String TYPE = "type";
    private static final String DESCRIPTION = "description";
    private static final String CONTENT = "content";
    private static final String LAST_MODIFIED_AT = "lastModifiedAt";
    private static final String HOURS_OF_OPERATION_ID = "hoursOfOperationId";
    private static final String MAX_CONTACTS = "maxContacts";
    static final String QUEUE_TYPE = "queueType";
    static final String FLOW_TYPE = TYPE;
    static final String LIST_KEY = "listKey";
    static final String LIST_ORDER = "listOrder";
    /** What the list index holds beside its keys and the table's: the members of every summary. */
    static final List<String> SUMMARY_ATTRIBUTES = List.of(NAME, TYPE, FLOW_STATUS, QUEUE_TYPE, LAST_MODIFIED_AT,
            IDENTITY_MANAGEMENT_TYPE, ALIAS, CREATED_AT, INBOUND_CALLS, OUTBOUND_CALLS);
    /** The list index's partition of every instance: one partition key (see docs/design.md on hot keys). */
    static final String INSTANCES_LIST = "LI";

    private InstanceItems() {
    }

    static Map<String, AttributeValue> instanceKey(String instanceId) {
        return Map.of(ContactItems.PK, s("I#" + instanceId), ContactItems.SK, s(instanceId));
    }

    static Map<String, AttributeValue> aliasKey(String alias) {
        return Map.of(ContactItems.PK, s("A#" + alias.toLowerCase(Locale.ROOT)), ContactItems.SK, s(NO_INSTANCE));
    }

    static Map<String, AttributeValue> tokenKey(String clientToken) {
        return Map.of(ContactItems.PK, s("IT#" + clientToken), ContactItems.SK, s(NO_INSTANCE));
    }

    static Map<String, AttributeValue> flowKey(String instanceId, String contactFlowId) {
        return Map.of(ContactItems.PK, s("F#" + contactFlowId), ContactItems.SK, s(instanceId));
    }

    static Map<String, AttributeValue> flowNameKey(String instanceId, String name) {
        return Map.of(ContactItems.PK, s("FN#" + name), ContactItems.SK, s(instanceId));
    }

    static Map<String, AttributeValue> queueKey(String instanceId, String queueId) {
        return Map.of(ContactItems.PK, s("Q#" + queueId), ContactItems.SK, s(instanceId));
    }

    static Map<String, AttributeValue> queueNameKey(String instanceId, String name) {
        return Map.of(ContactItems.PK, s("QN#" + name), ContactItems.SK, s(instanceId));
    }

    static String flowsList(String instanceId) {
        return "LF#" + instanceId;
    }

    static String queuesList(String instanceId) {
        return "LQ#" + instanceId;
    }

    /** On a token's claim: the hash of the request that took it. */
    static final String REQUEST_HASH = "requestHash";

    /** A claim on a unique name (alias, flow name, queue name) or token, holding what owns it. */
    static Map<String, AttributeValue> claim(Map<String, AttributeValue> key, String ownerId) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put(OWNER_ID, s(ownerId));
        return item;
    }

    static Map<String, AttributeValue> toItem(Instance instance) {
        Map<String, AttributeValue> item = new HashMap<>(instanceKey(instance.id()));
        item.put(IDENTITY_MANAGEMENT_TYPE, s(instance.identityManagementType()));
        putIfPresent(item, ALIAS, instance.alias());
        putIfPresent(item, DIRECTORY_ID, instance.directoryId());
        item.put(INBOUND_CALLS, AttributeValue.fromBool(instance.inboundCallsEnabled()));
        item.put(OUTBOUND_CALLS, AttributeValue.fromBool(instance.outboundCallsEnabled()));
        item.put(TAGS, stringMap(instance.tags()));
        item.put(CREATED_AT, millis(instance.createdAt()));
        listed(item, INSTANCES_LIST, instance.id());
        return item;
    }

    static Instance instance(Map<String, AttributeValue> item) {
        return new Instance(
                string(item, ContactItems.SK),
                string(item, IDENTITY_MANAGEMENT_TYPE),
                string(item, ALIAS),
                string(item, DIRECTORY_ID),
                item.get(INBOUND_CALLS).bool(),
                item.get(OUTBOUND_CALLS).bool(),
                stringMap(item.get(TAGS)),
                instant(item, CREATED_AT));
    }

    static Map<String, AttributeValue> toItem(ContactFlow flow) {
        Map<String, AttributeValue> item = new HashMap<>(flowKey(flow.instanceId(), flow.id()));
        item.put(NAME, s(flow.name()));
        item.put(TYPE, s(flow.type()));
        putIfPresent(item, DESCRIPTION, flow.description());
        item.put(CONTENT, s(flow.content()));
        item.put(FLOW_STATUS, s(flow.status()));
        item.put(TAGS, stringMap(flow.tags()));
        item.put(LAST_MODIFIED_AT, millis(flow.lastModifiedAt()));
        listed(item, flowsList(flow.instanceId()), flow.id());
        return item;
    }

    static ContactFlow contactFlow(Map<String, AttributeValue> item) {
        return new ContactFlow(
                string(item, ContactItems.SK),
                string(item, ContactItems.PK).substring(2),
                string(item, NAME),
                string(item, TYPE),
                string(item, DESCRIPTION),
                string(item, CONTENT),
                string(item, FLOW_STATUS),
                stringMap(item.get(TAGS)),
                instant(item, LAST_MODIFIED_AT));
    }

    static Map<String, AttributeValue> toItem(Queue queue) {
        Map<String, AttributeValue> item = new HashMap<>(queueKey(queue.instanceId(), queue.id()));
        item.put(NAME, s(queue.name()));
        putIfPresent(item, DESCRIPTION, queue.description());
        item.put(HOURS_OF_OPERATION_ID, s(queue.hoursOfOperationId()));
        if (queue.maxContacts() != null) {
            item.put(MAX_CONTACTS, n(queue.maxContacts()));
        }
        item.put(QUEUE_TYPE, s(Queue.STANDARD));
        item.put(TAGS, stringMap(queue.tags()));
        item.put(LAST_MODIFIED_AT, millis(queue.lastModifiedAt()));
        listed(item, queuesList(queue.instanceId()), queue.id());
        return item;
    }

    static Queue queue(Map<String, AttributeValue> item) {
        AttributeValue maxContacts = item.get(MAX_CONTACTS);
        return new Queue(
                string(item, ContactItems.SK),
                string(item, ContactItems.PK).substring(2),
                string(item, NAME),
                string(item, DESCRIPTION),
                string(item, HOURS_OF_OPERATION_ID),
                maxContacts == null ? null : Integer.valueOf(maxContacts.n()),
                stringMap(item.get(TAGS)),
                instant(item, LAST_MODIFIED_AT));
    }

    /** A queue's summary, from the list index. */
    static QueueSummary queueSummary(Map<String, AttributeValue> item) {
        return new QueueSummary(string(item, ContactItems.SK), string(item, LIST_ORDER), string(item, NAME),
                string(item, QUEUE_TYPE), instant(item, LAST_MODIFIED_AT));
    }

    /** A flow's summary, from the list index. */
    static FlowSummary flowSummary(Map<String, AttributeValue> item) {
        return new FlowSummary(string(item, ContactItems.SK), string(item, LIST_ORDER), string(item, NAME),
                string(item, TYPE), string(item, FLOW_STATUS));
    }

    /** An instance's summary, from the list index. */
    static InstanceSummary instanceSummary(Map<String, AttributeValue> item) {
        return new InstanceSummary(string(item, LIST_ORDER), string(item, IDENTITY_MANAGEMENT_TYPE), string(item, ALIAS),
                instant(item, CREATED_AT), item.get(INBOUND_CALLS).bool(), item.get(OUTBOUND_CALLS).bool());
    }

    private static void listed(Map<String, AttributeValue> item, String list, String id) {
        item.put(LIST_KEY, s(list));
        item.put(LIST_ORDER, s(id));
    }
}
