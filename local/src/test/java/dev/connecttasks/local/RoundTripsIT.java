package dev.connecttasks.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.connecttasks.contact.AttributeUpdate;
import dev.connecttasks.contact.ContactChanges;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.ContactTimestamp;
import dev.connecttasks.contact.Reference;
import dev.connecttasks.contact.ReferenceType;
import dev.connecttasks.contact.ScheduleChange;
import dev.connecttasks.contact.SearchCriteria;
import dev.connecttasks.contact.SearchRequest;
import dev.connecttasks.contact.SegmentAttributes;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.contact.TaskTemplate;
import dev.connecttasks.contact.TaskTemplateRequest;
import dev.connecttasks.contact.TransferRequest;
import dev.connecttasks.flow.StartMessage;
import dev.connecttasks.instance.FlowRequest;
import dev.connecttasks.instance.InstanceRequest;
import dev.connecttasks.instance.ListRequest;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.operation.DescribeContactFlow;
import dev.connecttasks.operation.DescribeInstance;
import dev.connecttasks.operation.StartFlow;
import dev.connecttasks.testing.Flows;
import dev.connecttasks.testing.TestBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AWS API calls each operation makes, counted by an SDK execution interceptor: the targets of the
 * performance work, held here so they cannot regress (the benchmark reports the same counts).
 */
class RoundTripsIT {
    private static final String INSTANCE = DemoInstance.INSTANCE_ID;
    private static final String FLOW = DemoInstance.FLOW_ID;
    private static TestBackend backend;

    @BeforeAll
    static void wire() {
        backend = TestBackend.create();
    }

    private static List<String> calls(Runnable operation) {
        backend.calls.clear();
        operation.run();
        return backend.calls.operations();
    }

    private static TaskRequest task(Instant scheduledTime) {
        return new TaskRequest(INSTANCE, FLOW, "Call back", null, Map.of("orderId", "42"),
                Map.of("Order", new Reference(ReferenceType.URL, "https://x.io/1")), null, null,
                UUID.randomUUID().toString(), scheduledTime);
    }

    @Test
    void readsCostOneGetItem() {
        String contactId = backend.startTaskContact().start(task(null));
        ContactKey key = new ContactKey(INSTANCE, contactId);
        assertEquals(List.of("GetItem"), calls(() -> backend.describeContact().describe(key)));
        assertEquals(List.of("GetItem"), calls(() -> backend.listContactReferences().references(key)));
        assertEquals(List.of("GetItem"), calls(() -> new DescribeInstance(backend.instances).describe(INSTANCE)));
        assertEquals(List.of("GetItem"), calls(() -> new DescribeContactFlow(backend.instances).describe(INSTANCE, FLOW)));
    }

    @Test
    void aSearchCostsOneQueryPerShardAndTheInstanceReadOnlyWhenNothingMatched() {
        String name = "searched " + UUID.randomUUID();
        backend.startTaskContact().start(new TaskRequest(INSTANCE, FLOW, name, null, Map.of(), Map.of(), null, null, null, null));
        Instant now = Instant.now();
        List<String> fourQueries = List.of("Query", "Query", "Query", "Query");
        assertEquals(fourQueries, calls(() -> assertEquals(1, backend.searchContacts().search(search(now, name)).totalCount())));
        List<String> withInstance = new ArrayList<>(fourQueries);
        withInstance.add("GetItem");
        assertEquals(withInstance, calls(() -> backend.searchContacts().search(search(now, "no such name " + name))));
    }

    private static SearchRequest search(Instant now, String name) {
        return new SearchRequest(INSTANCE, ContactTimestamp.INITIATION_TIMESTAMP, now.minusSeconds(3600), now.plusSeconds(60),
                new SearchCriteria(null, null, null, false, new SearchCriteria.TextMatch(List.of(name), SearchCriteria.MatchType.MATCH_EXACT),
                        null, null, null, null, null),
                "INITIATION_TIMESTAMP", false, 100, null, "hash");
    }

    @Test
    void taskTemplatesCostOneCallEachAndATaskFromOneAGetItemMore() {
        TaskTemplateRequest create = new TaskTemplateRequest(INSTANCE, null, "Callback", null, FLOW, false,
                List.of(new TaskTemplate.Field("Title", null, "NAME", null)),
                new TaskTemplate.Constraints(List.of("Title"), null, null),
                List.of(new TaskTemplate.Default("Title", "Call back")), null, "token-" + UUID.randomUUID(), List.of());
        String[] id = new String[1];
        assertEquals(List.of("GetItem", "TransactWriteItems"), calls(() -> id[0] = backend.createTaskTemplate().create(create)));
        assertEquals(List.of("GetItem"), calls(() -> backend.getTaskTemplate().get(INSTANCE, id[0])));
        TaskTemplateRequest update = new TaskTemplateRequest(INSTANCE, id[0], null, "Now described", null, false, null, null,
                null, null, null, List.of());
        assertEquals(List.of("GetItem", "PutItem"), calls(() -> backend.updateTaskTemplate().update(update)));
        assertEquals(List.of("Query"), calls(() -> backend.listTaskTemplates().list(INSTANCE, null, null, null, null)));
        TaskRequest fromTemplate = new TaskRequest(INSTANCE, null, null, null, Map.of(), Map.of(), null, null, null, null,
                SegmentAttributes.NONE, id[0]);
        assertEquals(List.of("GetItem", "TransactWriteItems"), calls(() -> backend.startTaskContact().start(fromTemplate)));
        assertEquals(List.of("TransactWriteItems"), calls(() -> backend.deleteTaskTemplate().delete(INSTANCE, id[0])));
    }

    @Test
    void updateContactCostsOneWrite() {
        String contactId = backend.startTaskContact().start(task(null));
        assertEquals(List.of("UpdateItem"), calls(() -> backend.updateContact().update(new ContactKey(INSTANCE, contactId),
                new ContactChanges("Renamed", "New", Map.of("Amount", new Reference(ReferenceType.NUMBER, "12"))))));
    }

    @Test
    void startTaskContactCostsOneWriteAndASchedulePerScheduledTask() {
        assertEquals(List.of("TransactWriteItems"), calls(() -> backend.startTaskContact().start(task(null))));
        assertEquals(List.of("CreateSchedule", "TransactWriteItems"),
                calls(() -> backend.startTaskContact().start(task(Instant.now().plus(Duration.ofHours(1))))));
    }

    @Test
    void updateContactScheduleCostsOneScheduleAndOneWrite() {
        Instant at = Instant.now().plus(Duration.ofHours(1));
        String contactId = backend.startTaskContact().start(task(at));
        assertEquals(List.of("CreateSchedule", "UpdateItem"), calls(() -> backend.updateContactSchedule()
                .reschedule(new ScheduleChange(new ContactKey(INSTANCE, contactId), at.plusSeconds(60)))));
    }

    @Test
    void aFlowStartCostsOneReadOneWriteAndTheOpenTasksExpirySchedule() {
        StartFlow runner = backend.runFlow();
        String first = backend.startTaskContact().start(task(null));
        // a runner reads each queue once: queues never change
        assertEquals(List.of("BatchGetItem", "GetItem", "UpdateItem", "CreateSchedule"),
                calls(() -> runner.run(new StartMessage(new ContactKey(INSTANCE, first), FLOW, null))));
        String second = backend.startTaskContact().start(task(null));
        assertEquals(List.of("BatchGetItem", "UpdateItem", "CreateSchedule"),
                calls(() -> runner.run(new StartMessage(new ContactKey(INSTANCE, second), FLOW, null))));
    }

    @Test
    void aQueueWithMaxContactsCostsTheRunOneCountingQuery() {
        String queueId = backend.createQueue(INSTANCE, "Capped " + UUID.randomUUID(), 100);
        String flowId = backend.createFlow(INSTANCE, "Capped " + UUID.randomUUID(), Flows.demoTaskInQueue(queueId));
        StartFlow runner = backend.runFlow();
        String first = backend.startTaskContact().start(new TaskRequest(INSTANCE, flowId, "n", null, Map.of(), Map.of(),
                null, null, null, null));
        assertEquals(List.of("BatchGetItem", "GetItem", "Query", "UpdateItem", "CreateSchedule"),
                calls(() -> runner.run(new StartMessage(new ContactKey(INSTANCE, first), flowId, null))));
        String second = backend.startTaskContact().start(new TaskRequest(INSTANCE, flowId, "n", null, Map.of(), Map.of(),
                null, null, null, null));
        assertEquals(List.of("BatchGetItem", "Query", "UpdateItem", "CreateSchedule"),
                calls(() -> runner.run(new StartMessage(new ContactKey(INSTANCE, second), flowId, null))));
    }

    @Test
    void queuesAreOneReadAndListsOneQuery() {
        assertEquals(List.of("GetItem"), calls(() -> backend.describeQueue().describe(INSTANCE, DemoInstance.SUPPORT_QUEUE_ID)));
        assertEquals(List.of("Query"), calls(() -> backend.listQueues().list(new ListRequest(INSTANCE, Set.of(), null, 2))));
        assertEquals(List.of("Query"), calls(() -> backend.listContactFlows().list(new ListRequest(INSTANCE, Set.of(), null, 2))));
        assertEquals(List.of("Query"), calls(() -> backend.listInstances().list(new ListRequest(null, Set.of(), null, 10))));
        // an empty first page: is the instance there?
        assertEquals(List.of("Query", "GetItem"), calls(() -> backend.listQueues().list(
                new ListRequest(INSTANCE, Set.of("AGENT"), null, 10))));
        // a filter that matches nothing on a page reads on, at most five Queries a page
        assertEquals(List.of("Query", "Query", "GetItem"), calls(() -> backend.listQueues().list(
                new ListRequest(INSTANCE, Set.of("AGENT"), null, 2))));
    }

    @Test
    void aTransferCostsOneReadAndOneTransactionAndAttributesOneWriteForAContactAlone() {
        ContactKey first = new ContactKey(INSTANCE, backend.startTaskContact().start(task(null)));
        backend.runFlow().run(new StartMessage(first, FLOW, null));
        assertEquals(List.of("UpdateItem"), calls(() -> backend.updateContactAttributes().update(
                new AttributeUpdate(first, Map.of("status", "open")))));
        assertEquals(List.of("GetItem"), calls(() -> backend.getContactAttributes().get(first)));
        List<String> transfer = calls(() -> backend.transferContact().transfer(
                new TransferRequest(first, FLOW, "escalations", null, null)));
        assertEquals(List.of("GetItem", "TransactWriteItems"), transfer);
        // a chain: the failed attempt as a contact alone (which returns the contact, the chain's first), one transaction
        assertEquals(List.of("UpdateItem", "TransactWriteItems"), calls(() -> backend.updateContactAttributes()
                .update(new AttributeUpdate(first, Map.of("stage", "escalated")))));
        // a key replaced: the in-place transaction refused, every member read, the exact merge
        assertEquals(List.of("UpdateItem", "TransactWriteItems", "BatchGetItem", "TransactWriteItems"),
                calls(() -> backend.updateContactAttributes().update(new AttributeUpdate(first, Map.of("status", "resolved")))));
    }

    @Test
    void creationsCostOneTransaction() {
        assertEquals(List.of("TransactWriteItems"), calls(() -> backend.createInstance().create(new InstanceRequest(
                null, "CONNECT_MANAGED", "rt-" + UUID.randomUUID().toString().substring(0, 8), null, true, false, Map.of()))));
        // a flow naming queues reads them in one BatchGetItem first
        assertEquals(List.of("BatchGetItem", "TransactWriteItems"), calls(() -> backend.createContactFlow().create(new FlowRequest(
                INSTANCE, "Flow " + UUID.randomUUID(), "CONTACT_FLOW", null, Flows.read("demo-task.json"), null, Map.of()))));
        assertEquals(List.of("TransactWriteItems"), calls(() -> backend.createContactFlow().create(new FlowRequest(
                INSTANCE, "Flow " + UUID.randomUUID(), "CONTACT_FLOW", null, Flows.read("close-without-agent.json"), null, Map.of()))));
        assertEquals(List.of("TransactWriteItems"), calls(() -> backend.createQueue(INSTANCE, "Queue " + UUID.randomUUID(), null)));
    }
}
