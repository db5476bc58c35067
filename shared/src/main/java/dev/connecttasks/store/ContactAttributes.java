package dev.connecttasks.store;

import static dev.connecttasks.error.ApiException.invalidRequest;
import static dev.connecttasks.error.ApiException.throttled;
import static dev.connecttasks.store.ContactItems.ATTRIBUTES;
import static dev.connecttasks.store.ContactItems.ATTRIBUTE_BYTES;
import static dev.connecttasks.store.ContactItems.CHAIN;
import static dev.connecttasks.store.ContactItems.EXPIRES_AT;
import static dev.connecttasks.store.ContactItems.LAST_UPDATED_AT;
import static dev.connecttasks.store.ContactItems.PK;
import static dev.connecttasks.store.ContactItems.REVISION;
import static dev.connecttasks.store.ContactItems.present;
import static dev.connecttasks.store.ItemValues.millis;
import static dev.connecttasks.store.ItemValues.n;
import static dev.connecttasks.store.ItemValues.s;

import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.operation.port.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * UpdateContactAttributes on every contact of a chain. The chain is the initial contact and the ids its
 * {@code chain} set holds (a transfer, or a task naming a PreviousContactId, adds itself there in the
 * transaction that creates it). New keys that fit under each contact's cap are set in place, per key, so
 * concurrent updates of distinct keys never conflict; a replaced key, or a cap that is near, takes a
 * read of every member and one transaction conditional on each one's revision (and on the chain not
 * having grown), again while they keep changing. A contact alone takes an UpdateItem instead of a
 * transaction (and a contact in no chain, the common case, takes nothing else: the update tries that
 * first). Either way the chain is written all or nothing.
 */
final class ContactAttributes {
    /** TransactWriteItems takes at most 100 items. */
    static final int MAX_CHAIN = 100;

    private final DynamoDbClient dynamo;
    private final String tableName;

    ContactAttributes(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    Change update(ContactKey addressed, Map<String, String> attributes, Instant now) {
        // most contacts are alone: one UpdateItem, conditional on that and on the new keys fitting in place
        Map<String, AttributeValue> addressedItem;
        try {
            dynamo.updateItem(inPlace(addressed, attributes, ALONE, now));
            return Change.DONE;
        } catch (ConditionalCheckFailedException notAlone) {
            addressedItem = notAlone.item();
        }
        for (int attempt = 1; ; attempt++) {
            Chain chain = chain(addressed, addressedItem, now);
            addressedItem = null;
            if (chain == null) {
                return Change.NO_SUCH_CONTACT;
            }
            if (writeChain(chain, attributes, now)) {
                return Change.DONE;
            }
            if (attempt == Retries.MAX_ATTEMPTS) {
                throw throttled("The contact's chain is being changed concurrently; retry the request.");
            }
            Retries.backOff(attempt);
        }
    }

    /** The chain's initial contact (its key), how many others it names, and every member; null: no such contact. */
    private record Chain(ContactKey initial, int others, List<ContactKey> members) {
    }

    /** What a contact that is in no chain is checked against (it names no initial contact, none names it). */
    private static final Chain ALONE = new Chain(null, 0, List.of());

    /** The chain of the addressed contact, from its item when the caller has it, else from a read. */
    private Chain chain(ContactKey addressed, Map<String, AttributeValue> addressedItem, Instant now) {
        Map<String, AttributeValue> item = addressedItem != null ? addressedItem
                : ContactTable.consistentGet(dynamo, tableName, ContactItems.key(addressed));
        if (!present(item, now)) {
            return null;
        }
        AttributeValue initialId = item.get(ContactItems.INITIAL_CONTACT_ID);
        Map<String, AttributeValue> initialItem = item;
        ContactKey initial = addressed;
        if (initialId != null && !initialId.s().equals(addressed.contactId())) {
            initial = new ContactKey(addressed.instanceId(), initialId.s());
            initialItem = ContactTable.consistentGet(dynamo, tableName, ContactItems.key(initial));
            if (!present(initialItem, now)) {
                // past its retention the initial contact is gone, and with it the list of the chain
                return new Chain(addressed, 0, List.of(addressed));
            }
        }
        Set<ContactKey> members = new LinkedHashSet<>();
        members.add(initial);
        AttributeValue others = initialItem.get(CHAIN);
        if (others != null && others.hasSs()) {
            others.ss().forEach(id -> members.add(new ContactKey(addressed.instanceId(), id)));
        }
        if (members.size() > MAX_CHAIN) {
            throw invalidRequest("The chain of contact " + addressed.contactId() + " holds more than " + MAX_CHAIN
                    + " contacts; its attributes cannot be updated together.");
        }
        return new Chain(initial, members.size() - 1, List.copyOf(members));
    }

    /** In place on every member if each can take the new keys; else the exact merge. False: retry. */
    private boolean writeChain(Chain chain, Map<String, String> attributes, Instant now) {
        List<UpdateItemRequest> inPlace = new ArrayList<>();
        for (ContactKey member : chain.members()) {
            inPlace.add(inPlace(member, attributes, member.equals(chain.initial()) ? chain : null, now));
        }
        if (write(inPlace)) {
            return true;
        }
        List<Map<String, AttributeValue>> current = read(chain.members());
        if (current.size() != chain.members().size()) {
            return false;
        }
        List<UpdateItemRequest> merged = new ArrayList<>();
        for (Map<String, AttributeValue> item : current) {
            ContactKey member = new ContactKey(item.get(ContactItems.SK).s(), item.get(PK).s().substring(2));
            merged.add(merging(member, attributes, item, member.equals(chain.initial()) ? chain : null, now));
        }
        return write(merged);
    }

    /** One UpdateItem for a contact alone, else one transaction; false when a condition failed. */
    private boolean write(List<UpdateItemRequest> updates) {
        if (updates.size() == 1) {
            try {
                dynamo.updateItem(updates.get(0));
                return true;
            } catch (ConditionalCheckFailedException changed) {
                return false;
            }
        }
        List<TransactWriteItem> items = new ArrayList<>();
        updates.forEach(update -> items.add(update(update)));
        return Transactions.write(dynamo, items).isEmpty();
    }

    private List<Map<String, AttributeValue>> read(List<ContactKey> keys) {
        List<Map<String, AttributeValue>> keyItems = new ArrayList<>();
        keys.forEach(key -> keyItems.add(ContactItems.key(key)));
        var response = dynamo.batchGetItem(batch -> batch.requestItems(Map.of(tableName,
                KeysAndAttributes.builder().keys(keyItems).consistentRead(true).build())));
        if (!response.unprocessedKeys().isEmpty()) {
            throw throttled("The table is busy; retry the request.");
        }
        return response.responses().getOrDefault(tableName, List.of());
    }

    /**
     * The new keys set one by one, where none is there yet and the cap has room; on the chain's initial
     * contact, only while the chain has not grown.
     */
    private UpdateItemRequest inPlace(ContactKey key, Map<String, String> attributes, Chain chain, Instant now) {
        ExpressionPlaceholders expr = new ExpressionPlaceholders();
        int added = ContactRules.attributeBytes(attributes);
        List<String> sets = new ArrayList<>();
        sets.add(expr.name(LAST_UPDATED_AT) + " = " + expr.value(millis(now)));
        StringBuilder condition = new StringBuilder("attribute_exists(").append(expr.name(PK)).append(") AND ")
                .append(expr.name(EXPIRES_AT)).append(" > ").append(expr.value(n(now.getEpochSecond())))
                .append(" AND ").append(expr.name(ATTRIBUTE_BYTES)).append(" <= ")
                .append(expr.value(n(ContactRules.MAX_ATTRIBUTE_BYTES - added)));
        attributes.forEach((name, value) -> {
            String path = expr.name(ATTRIBUTES) + "." + expr.key(name);
            sets.add(path + " = " + expr.value(s(value)));
            condition.append(" AND attribute_not_exists(").append(path).append(')');
        });
        if (chain == ALONE) {
            condition.append(" AND attribute_not_exists(").append(expr.name(ContactItems.INITIAL_CONTACT_ID)).append(')');
        }
        if (chain != null) {
            condition.append(" AND ").append(chainUnchanged(expr, chain));
        }
        String update = "SET " + String.join(", ", sets) + " ADD " + expr.name(ATTRIBUTE_BYTES) + " "
                + expr.value(n(added)) + ", " + expr.name(REVISION) + " " + expr.value(n(1));
        return ContactTable.conditionalUpdate(tableName, key, expr, update, condition.toString());
    }

    /** The exact merge, refused past the cap, conditional on the revision it was computed from. */
    private UpdateItemRequest merging(ContactKey key, Map<String, String> attributes, Map<String, AttributeValue> current,
            Chain chain, Instant now) {
        Map<String, String> merged = new HashMap<>(ItemValues.stringMap(current.get(ATTRIBUTES)));
        merged.putAll(attributes);
        ContactRules.checkAttributeCap(merged);
        ExpressionPlaceholders expr = new ExpressionPlaceholders();
        String update = "SET " + expr.name(ATTRIBUTES) + " = " + expr.value(ItemValues.stringMap(merged))
                + ", " + expr.name(ATTRIBUTE_BYTES) + " = " + expr.value(n(ContactRules.attributeBytes(merged)))
                + ", " + expr.name(LAST_UPDATED_AT) + " = " + expr.value(millis(now))
                + " ADD " + expr.name(REVISION) + " " + expr.value(n(1));
        String condition = expr.name(REVISION) + " = " + expr.value(current.get(REVISION));
        if (chain != null) {
            condition += " AND " + chainUnchanged(expr, chain);
        }
        return ContactTable.conditionalUpdate(tableName, key, expr, update, condition);
    }

    /** The condition that no contact joined the chain since it was read. */
    private static String chainUnchanged(ExpressionPlaceholders expr, Chain chain) {
        return chain.others() == 0 ? "attribute_not_exists(" + expr.name(CHAIN) + ")"
                : "size(" + expr.name(CHAIN) + ") = " + expr.value(n(chain.others()));
    }

    private static TransactWriteItem update(UpdateItemRequest request) {
        return TransactWriteItem.builder().update(Update.builder()
                .tableName(request.tableName())
                .key(request.key())
                .updateExpression(request.updateExpression())
                .conditionExpression(request.conditionExpression())
                .expressionAttributeNames(request.expressionAttributeNames())
                .expressionAttributeValues(request.expressionAttributeValues())
                .build()).build();
    }
}
