package dev.connecttasks.store;

import static dev.connecttasks.store.ItemValues.instant;
import static dev.connecttasks.store.ItemValues.millis;
import static dev.connecttasks.store.ItemValues.n;
import static dev.connecttasks.store.ItemValues.putIfPresent;
import static dev.connecttasks.store.ItemValues.s;
import static dev.connecttasks.store.ItemValues.string;
import static dev.connecttasks.store.ItemValues.stringMap;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.QueueInfo;
import dev.connecttasks.contact.Reference;
import dev.connecttasks.contact.ReferenceType;
import dev.connecttasks.contact.SegmentAttributes;
import dev.connecttasks.contact.TaskTemplateInfo;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The item layout of the contact table, written by hand (no reflection). Every item has a string
 * partition key {@code pk} and sort key {@code sk}:
 * <ul>
 *   <li>contact: {@code pk = "C#" + contactId}, {@code sk = instanceId}</li>
 *   <li>idempotency token: {@code pk = "T#" + clientToken}, {@code sk = instanceId}</li>
 * </ul>
 * Keeping the instance in its own key attribute means no id, whatever characters it holds, can
 * reach an item of another instance. {@code expiresAt} (epoch seconds) is the table's TTL attribute.
 */
final class ContactItems {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String EXPIRES_AT = "expiresAt";
    static final String REVISION = "rev";
    static final String FLOW_ID = "flowId";
    static final String NAME = "name";
    static final String DESCRIPTION = "description";
    static final String ATTRIBUTES = "attributes";
    static final String REFERENCES = "references";
    static final String REFERENCE_BYTES = "refBytes";
    static final String ATTRIBUTE_BYTES = "attrBytes";
    static final String PREVIOUS_CONTACT_ID = "previousContactId";
    static final String INITIAL_CONTACT_ID = "initialContactId";
    static final String RELATED_CONTACT_ID = "relatedContactId";
    static final String INITIATED_AT = "initiatedAt";
    static final String LAST_UPDATED_AT = "lastUpdatedAt";
    static final String SCHEDULED_AT = "scheduledAt";
    static final String FLOW_STATUS = "flowStatus";
    static final String FLOW_STARTED_AT = "flowStartedAt";
    static final String QUEUE_ID = "queueId";
    static final String ENQUEUED_AT = "enqueuedAt";
    static final String DISCONNECTED_AT = "disconnectedAt";
    static final String TAGS = "tags";
    static final String DISCONNECT_REASON = "disconnectReason";
    /** SegmentAttributes: a map of key to the JSON of its value; and the expiry's minutes, when named. */
    static final String SEGMENT_ATTRIBUTES = "segmentAttributes";
    static final String EXPIRY_MINUTES = "expiryMinutes";
    static final String INITIATION_METHOD = "initiationMethod";
    static final String TARGET_QUEUE_ID = "targetQueueId";
    /** How many transfers led to this contact (absent: none). */
    static final String TRANSFERS = "transfers";
    /**
     * On the initial contact of a chain: the ids of every other contact in it (a string set), so that
     * UpdateContactAttributes can write to each.
     */
    static final String CHAIN = "chain";
    /**
     * On a contact that has not ended, only: the due index's keys, a shard of the index (so no one
     * partition takes every write; {@code D#} shards hold starts, {@code X#} shards expiries) and when
     * the start, or once the flow has started the expiry, is due (epoch milliseconds).
     */
    static final String DUE_SHARD = "dueShard";
    static final String DUE_AT = "dueAt";
    static final int DUE_SHARDS = 8;
    /**
     * The search indexes' partition key, on every contact: its instance and one of
     * {@link #SEARCH_SHARDS} shards, fixed by its id, so one busy instance writes to several partitions.
     * Each search index sorts by one of the contact's timestamps and holds only contacts that have it.
     */
    static final String SEARCH_KEY = "searchKey";
    static final int SEARCH_SHARDS = 4;
    /**
     * On a contact that is in a queue and has not ended, only: the queue's id, the key of the sparse
     * {@code queued} index (with {@code sk}, the instance), which counts a queue's contacts for its MaxContacts.
     */
    static final String QUEUED_IN = "queuedIn";
    /** On a contact that others name as PreviousContactId: how many tasks did. */
    static final String LINKED_TASKS = "linkedTasks";
    /** On a task started from a task template: its id and its name at the start. */
    static final String TEMPLATE_ID = "templateId";
    static final String TEMPLATE_NAME = "templateName";
    static final String TOKEN_CONTACT_ID = "contactId";
    static final String TOKEN_REQUEST_HASH = "requestHash";

    private static final String REFERENCE_TYPE = "type";
    private static final String REFERENCE_VALUE = "value";

    private ContactItems() {
    }

    static Map<String, AttributeValue> key(ContactKey key) {
        return Map.of(PK, s("C#" + key.contactId()), SK, s(key.instanceId()));
    }

    /** The due index's shard of a contact's start: fixed by its id, spread evenly over {@link #DUE_SHARDS}. */
    static String dueShard(String contactId) {
        return ContactTableSchema.DUE_SHARD_PREFIX + Math.floorMod(contactId.hashCode(), DUE_SHARDS);
    }

    /** The due index's shard of a contact's expiry. */
    static String expiryShard(String contactId) {
        return ContactTableSchema.EXPIRY_SHARD_PREFIX + Math.floorMod(contactId.hashCode(), DUE_SHARDS);
    }

    static String searchKey(String instanceId, int shard) {
        return instanceId + "#" + shard;
    }

    static Map<String, AttributeValue> tokenKey(String instanceId, String clientToken) {
        return Map.of(PK, s("T#" + clientToken), SK, s(instanceId));
    }


    static Map<String, AttributeValue> toItem(Contact contact) {
        Map<String, AttributeValue> item = new HashMap<>(key(contact.key()));
        item.put(EXPIRES_AT, n(contact.retainedUntil().getEpochSecond()));
        item.put(REVISION, n(1));
        item.put(SEARCH_KEY, s(searchKey(contact.instanceId(), Math.floorMod(contact.id().hashCode(), SEARCH_SHARDS))));
        item.put(FLOW_ID, s(contact.contactFlowId()));
        item.put(NAME, s(contact.name()));
        putIfPresent(item, DESCRIPTION, contact.description());
        item.put(ATTRIBUTES, stringMap(contact.attributes()));
        item.put(ATTRIBUTE_BYTES, n(ContactRules.attributeBytes(contact.attributes())));
        item.put(REFERENCES, references(contact.references()));
        item.put(REFERENCE_BYTES, n(ContactRules.referenceBytes(contact.references())));
        putIfPresent(item, PREVIOUS_CONTACT_ID, contact.previousContactId());
        putIfPresent(item, INITIAL_CONTACT_ID, contact.initialContactId());
        putIfPresent(item, RELATED_CONTACT_ID, contact.relatedContactId());
        putIfPresent(item, INITIATED_AT, contact.initiatedAt());
        putIfPresent(item, LAST_UPDATED_AT, contact.lastUpdatedAt());
        putIfPresent(item, SCHEDULED_AT, contact.scheduledAt());
        item.put(FLOW_STATUS, s(contact.flowStatus().name()));
        if (!contact.ended() && contact.flowStatus() != FlowStatus.STARTED) {
            item.put(DUE_SHARD, s(dueShard(contact.id())));
            item.put(DUE_AT, millis(contact.scheduledAt() != null ? contact.scheduledAt() : contact.initiatedAt()));
        } else if (!contact.ended()) {
            item.put(DUE_SHARD, s(expiryShard(contact.id())));
            item.put(DUE_AT, millis(contact.expiry()));
        }
        putIfPresent(item, FLOW_STARTED_AT, contact.flowStartedAt());
        if (contact.queue() != null) {
            item.put(QUEUE_ID, s(contact.queue().queueId()));
            item.put(ENQUEUED_AT, n(contact.queue().enqueuedAt().toEpochMilli()));
            if (!contact.ended()) {
                item.put(QUEUED_IN, s(contact.queue().queueId()));
            }
        }
        putIfPresent(item, DISCONNECTED_AT, contact.disconnectedAt());
        putIfPresent(item, DISCONNECT_REASON, contact.disconnectReason());
        item.put(TAGS, stringMap(contact.tags()));
        item.put(SEGMENT_ATTRIBUTES, stringMap(contact.segmentAttributes().values()));
        if (contact.segmentAttributes().expiryMinutes() != null) {
            item.put(EXPIRY_MINUTES, n(contact.segmentAttributes().expiryMinutes()));
        }
        item.put(INITIATION_METHOD, s(contact.initiationMethod()));
        putIfPresent(item, TARGET_QUEUE_ID, contact.targetQueueId());
        if (contact.taskTemplate() != null) {
            item.put(TEMPLATE_ID, s(contact.taskTemplate().id()));
            item.put(TEMPLATE_NAME, s(contact.taskTemplate().name()));
        }
        return item;
    }

    static Contact fromItem(Map<String, AttributeValue> item) {
        String queueId = string(item, QUEUE_ID);
        return new Contact(
                new ContactKey(string(item, SK), string(item, PK).substring(2)),
                string(item, FLOW_ID),
                string(item, NAME),
                string(item, DESCRIPTION),
                stringMap(item.get(ATTRIBUTES)),
                references(item.get(REFERENCES)),
                string(item, PREVIOUS_CONTACT_ID),
                string(item, INITIAL_CONTACT_ID),
                string(item, RELATED_CONTACT_ID),
                instant(item, INITIATED_AT),
                instant(item, LAST_UPDATED_AT),
                instant(item, SCHEDULED_AT),
                FlowStatus.valueOf(string(item, FLOW_STATUS)),
                instant(item, FLOW_STARTED_AT),
                queueId == null ? null : new QueueInfo(queueId, instant(item, ENQUEUED_AT)),
                instant(item, DISCONNECTED_AT),
                string(item, DISCONNECT_REASON),
                stringMap(item.get(TAGS)),
                segmentAttributes(item),
                string(item, INITIATION_METHOD),
                string(item, TARGET_QUEUE_ID),
                item.containsKey(TEMPLATE_ID) ? new TaskTemplateInfo(string(item, TEMPLATE_ID), string(item, TEMPLATE_NAME)) : null);
    }

    static SegmentAttributes segmentAttributes(Map<String, AttributeValue> item) {
        AttributeValue minutes = item.get(EXPIRY_MINUTES);
        return new SegmentAttributes(stringMap(item.get(SEGMENT_ATTRIBUTES)), minutes == null ? null : Integer.valueOf(minutes.n()));
    }

    static Map<String, Reference> references(AttributeValue value) {
        Map<String, Reference> references = new HashMap<>();
        if (value != null && value.hasM()) {
            value.m().forEach((name, entry) -> references.put(name, new Reference(
                    ReferenceType.valueOf(entry.m().get(REFERENCE_TYPE).s()), entry.m().get(REFERENCE_VALUE).s())));
        }
        return references;
    }

    static AttributeValue reference(Reference reference) {
        return AttributeValue.fromM(Map.of(
                REFERENCE_TYPE, s(reference.type().name()),
                REFERENCE_VALUE, s(reference.value())));
    }

    /** Whether an item exists and is not past its expiry: TTL deletion runs late, so reads and conditions check it too. */
    static boolean present(Map<String, AttributeValue> item, Instant now) {
        return item != null && !item.isEmpty() && item.containsKey(EXPIRES_AT)
                && Long.parseLong(item.get(EXPIRES_AT).n()) > now.getEpochSecond();
    }

    private static AttributeValue references(Map<String, Reference> references) {
        Map<String, AttributeValue> map = new HashMap<>();
        references.forEach((name, reference) -> map.put(name, reference(reference)));
        return AttributeValue.fromM(map);
    }

}
