package dev.connecttasks.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactChanges;
import dev.connecttasks.contact.Reference;
import dev.connecttasks.contact.ReferenceType;
import dev.connecttasks.flow.FlowResult;
import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.instance.Instance;
import dev.connecttasks.instance.Queue;
import dev.connecttasks.operation.port.IdempotencyRecord;
import dev.connecttasks.testing.TestBackend;
import dev.connecttasks.testing.TestContacts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The exact DynamoDB requests the store sends, pinned: keys, expressions, conditions and what a failed
 * condition returns. A change to any of them is a change to how the service races, and must show here.
 */
class StoreRequestsIT {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private TestBackend backend;

    @BeforeEach
    void wire() {
        backend = TestBackend.create();
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk),
                "sk", AttributeValue.fromS(sk));
    }

    private static String n(UpdateItemRequest update, String placeholder) {
        return update.expressionAttributeValues().get(placeholder).n();
    }

    @Test
    void aNewTaskIsOneTransactionOfFiveConditionedItems() {
        Contact previous = TestContacts.pending(backend.instanceId, NOW);
        backend.newContacts.create(previous, null, NOW);
        Contact contact = TestContacts.following(previous, NOW);
        backend.calls.clear();

        backend.newContacts.create(contact, new IdempotencyRecord("token-1", "hash-1", contact.id()), NOW);

        List<TransactWriteItem> items = backend.calls.requests(TransactWriteItemsRequest.class).get(0).transactItems();
        assertEquals(5, items.size());
        assertEquals("C#" + contact.id(), items.get(0).put().item().get("pk").s());
        // a new contact waits for its start: it is in the due index, in its shard, due now
        assertTrue(items.get(0).put().item().get("dueShard").s().matches("D#[0-7]"));
        assertEquals(Long.toString(NOW.toEpochMilli()), items.get(0).put().item().get("dueAt").n());
        assertEquals("attribute_not_exists(#pk)", items.get(0).put().conditionExpression());
        assertEquals(key("I#" + backend.instanceId, backend.instanceId), items.get(1).conditionCheck().key());
        assertEquals("attribute_exists(#pk)", items.get(1).conditionCheck().conditionExpression());
        assertEquals(key("F#" + contact.contactFlowId(), backend.instanceId), items.get(2).conditionCheck().key());
        assertEquals("#status = :v0", items.get(2).conditionCheck().conditionExpression());
        assertEquals("PUBLISHED", items.get(2).conditionCheck().expressionAttributeValues().get(":v0").s());
        assertEquals("ALL_OLD", items.get(2).conditionCheck().returnValuesOnConditionCheckFailureAsString());
        assertEquals("T#token-1", items.get(3).put().item().get("pk").s());
        assertEquals("hash-1", items.get(3).put().item().get("requestHash").s());
        assertEquals(Long.toString(NOW.plus(IdempotencyRecord.LIFETIME).getEpochSecond()), items.get(3).put().item().get("expiresAt").n());
        assertEquals("attribute_not_exists(#pk) OR #expiresAt <= :v0", items.get(3).put().conditionExpression());
        assertEquals("ALL_OLD", items.get(3).put().returnValuesOnConditionCheckFailureAsString());
        assertEquals(key("C#" + previous.id(), backend.instanceId), items.get(4).update().key());
        // the previous contact is the chain's first: the new contact joins its chain in the same update
        assertEquals("ADD #linkedTasks :v0, #chain :v1", items.get(4).update().updateExpression());
        assertEquals(List.of(contact.id()), items.get(4).update().expressionAttributeValues().get(":v1").ss());
        assertEquals("#expiresAt > :v2 AND (attribute_not_exists(#linkedTasks) OR #linkedTasks < :v3)",
                items.get(4).update().conditionExpression());
        assertEquals("12", items.get(4).update().expressionAttributeValues().get(":v3").n());
    }

    @Test
    void readsAreConsistentAndARunReadsContactAndFlowInOneBatch() {
        Contact contact = TestContacts.pending(backend.instanceId, NOW);
        backend.newContacts.create(contact, null, NOW);
        backend.calls.clear();

        backend.table.find(contact.key(), NOW);
        GetItemRequest get = backend.calls.requests(GetItemRequest.class).get(0);
        assertEquals(key("C#" + contact.id(), backend.instanceId), get.key());
        assertEquals(true, get.consistentRead());

        backend.calls.clear();
        backend.flowRuns.findForRun(contact.key(), contact.contactFlowId(), NOW);
        BatchGetItemRequest batch = backend.calls.requests(BatchGetItemRequest.class).get(0);
        var keys = batch.requestItems().get(backend.settings.tableName());
        assertEquals(List.of(key("C#" + contact.id(), backend.instanceId), key("F#" + contact.contactFlowId(), backend.instanceId)),
                keys.keys());
        assertEquals(true, keys.consistentRead());
    }

    @Test
    void changesAreSingleConditionalWrites() {
        Instant at = NOW.plusSeconds(3600);
        Contact contact = TestContacts.scheduled(backend.instanceId, NOW, at);
        backend.newContacts.create(contact, null, NOW);
        backend.calls.clear();

        backend.table.update(contact.key(), new ContactChanges("New name", null,
                Map.of("Order", new Reference(ReferenceType.URL, "https://x.io/1"))), NOW);
        UpdateItemRequest update = backend.calls.requests(UpdateItemRequest.class).get(0);
        assertEquals(1, backend.calls.requests(UpdateItemRequest.class).size());
        assertEquals("SET #lastUpdatedAt = :v0, #name = :v1, #references.#k3 = :v2 ADD #rev :v4, #refBytes :v6",
                update.updateExpression());
        assertEquals("attribute_exists(#pk) AND #expiresAt > :v3 AND attribute_not_exists(#references.#k7) AND #refBytes <= :v5",
                update.conditionExpression());
        assertEquals("Order", update.expressionAttributeNames().get("#k3"));
        assertEquals("ALL_OLD", update.returnValuesOnConditionCheckFailureAsString());

        backend.calls.clear();
        backend.table.reschedule(contact.key(), at.plusSeconds(60), NOW);
        UpdateItemRequest reschedule = backend.calls.requests(UpdateItemRequest.class).get(0);
        // the contact moves in the due index with its time
        assertEquals("SET #scheduledAt = :v0, #dueAt = :v1, #lastUpdatedAt = :v2 ADD #rev :v3",
                reschedule.updateExpression());
        assertEquals("#flowStatus = :v4 AND #expiresAt > :v5", reschedule.conditionExpression());
        assertEquals(Long.toString(at.plusSeconds(60).toEpochMilli()), n(reschedule, ":v0"));
        assertEquals(Long.toString(at.plusSeconds(60).toEpochMilli()), n(reschedule, ":v1"));
        assertEquals("SCHEDULED", reschedule.expressionAttributeValues().get(":v4").s());

        backend.calls.clear();
        backend.flowRuns.recordFlowRun(contact, 2, new FlowResult(Map.of("a", "b"), null, NOW, 1,
                FlowResult.End.DISCONNECTED), NOW);
        UpdateItemRequest record = backend.calls.requests(UpdateItemRequest.class).get(0);
        // a contact its flow ended leaves the due index
        assertEquals("SET #flowStatus = :v0, #flowStartedAt = :v1, #lastUpdatedAt = :v2, #attributes = :v3, "
                + "#attrBytes = :v4, #disconnectedAt = :v5, #disconnectReason = :v6 REMOVE #dueShard, #dueAt ADD #rev :v7",
                record.updateExpression());
        assertEquals("2", n(record, ":v4"));
        assertEquals("CONTACT_FLOW_DISCONNECT", record.expressionAttributeValues().get(":v6").s());
        assertEquals("#rev = :v8", record.conditionExpression());
        assertEquals("2", n(record, ":v8"));
        assertEquals("STARTED", record.expressionAttributeValues().get(":v0").s());
    }

    @Test
    void anInstanceAndAFlowAreEachOneTransactionClaimingTheirUniqueNames() {
        Instance instance = new Instance("instance-" + NOW.toEpochMilli(), "CONNECT_MANAGED", "Acme-Support", null, true,
                false, Map.of(), NOW);
        backend.calls.clear();
        backend.instances.create(instance, Queue.basic(instance.id(), "basic-9", "hours-9", NOW),
                new IdempotencyRecord("token-2", "hash-2", instance.id()), NOW);
        List<TransactWriteItem> items = backend.calls.requests(TransactWriteItemsRequest.class).get(0).transactItems();
        assertEquals(List.of("I#" + instance.id(), "Q#basic-9", "QN#BasicQueue", "A#acme-support", "IT#token-2"),
                items.stream().map(item -> item.put().item().get("pk").s()).toList());
        for (int claim = 0; claim < 4; claim++) {
            assertEquals("attribute_not_exists(pk)", items.get(claim).put().conditionExpression());
        }
        assertEquals("attribute_not_exists(#pk) OR #expiresAt <= :v0", items.get(4).put().conditionExpression());
        assertEquals("hash-2", items.get(4).put().item().get("requestHash").s());
        // listed: the instance under the one list of instances, its queue under its instance's queues
        assertEquals("LI", items.get(0).put().item().get("listKey").s());
        assertEquals("LQ#" + instance.id(), items.get(1).put().item().get("listKey").s());
        assertEquals("basic-9", items.get(1).put().item().get("listOrder").s());

        ContactFlow flow = new ContactFlow(instance.id(), "flow-9", "Routing", "CONTACT_FLOW", null, "{}",
                ContactFlow.PUBLISHED, Map.of(), NOW);
        backend.calls.clear();
        backend.instances.create(flow);
        List<TransactWriteItem> flowItems = backend.calls.requests(TransactWriteItemsRequest.class).get(0).transactItems();
        assertEquals(key("I#" + instance.id(), instance.id()), flowItems.get(0).conditionCheck().key());
        assertEquals("attribute_exists(pk)", flowItems.get(0).conditionCheck().conditionExpression());
        assertEquals(List.of("F#flow-9", "FN#Routing"),
                flowItems.subList(1, 3).stream().map(item -> item.put().item().get("pk").s()).toList());
        assertEquals("attribute_not_exists(pk)", flowItems.get(2).put().conditionExpression());
    }
}
