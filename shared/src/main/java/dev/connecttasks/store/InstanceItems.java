package dev.connecttasks.store;

import static dev.connecttasks.store.ItemValues.instant;
import static dev.connecttasks.store.ItemValues.millis;
import static dev.connecttasks.store.ItemValues.putIfPresent;
import static dev.connecttasks.store.ItemValues.s;
import static dev.connecttasks.store.ItemValues.string;
import static dev.connecttasks.store.ItemValues.stringMap;

import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.instance.Instance;
import java.util.HashMap;
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
 * </ul>
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

    /** A claim on a unique name (alias, flow name) or token, holding what owns it. */
    /** On a token's claim: the hash of the request that took it. */
    static final String REQUEST_HASH = "requestHash";

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
}
