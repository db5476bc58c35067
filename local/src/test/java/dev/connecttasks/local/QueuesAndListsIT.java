package dev.connecttasks.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.testing.Flows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.Contact;
import software.amazon.awssdk.services.connect.model.ContactFlowSummary;
import software.amazon.awssdk.services.connect.model.ContactFlowType;
import software.amazon.awssdk.services.connect.model.DirectoryType;
import software.amazon.awssdk.services.connect.model.DuplicateResourceException;
import software.amazon.awssdk.services.connect.model.InstanceSummary;
import software.amazon.awssdk.services.connect.model.InvalidContactFlowException;
import software.amazon.awssdk.services.connect.model.InvalidParameterException;
import software.amazon.awssdk.services.connect.model.InvalidRequestException;
import software.amazon.awssdk.services.connect.model.ListContactFlowsResponse;
import software.amazon.awssdk.services.connect.model.ListInstancesResponse;
import software.amazon.awssdk.services.connect.model.ListQueuesResponse;
import software.amazon.awssdk.services.connect.model.ProblemDetail;
import software.amazon.awssdk.services.connect.model.Queue;
import software.amazon.awssdk.services.connect.model.QueueStatus;
import software.amazon.awssdk.services.connect.model.QueueSummary;
import software.amazon.awssdk.services.connect.model.QueueType;
import software.amazon.awssdk.services.connect.model.ResourceNotFoundException;

/**
 * Queues and the List operations through the real AWS SDK ConnectClient and its paginators, against the
 * local backend (every function in its own Lambda runtime): paging that sees every item exactly once
 * while items are created between pages, the demo instance's queues, flows checked for their queues,
 * and a queue at its MaxContacts sending a flow down its QueueAtCapacity branch.
 */
class QueuesAndListsIT {
    private static ConnectClient connect;

    @BeforeAll
    static void start() throws Exception {
        connect = RunningBackend.connectClient();
    }

    private static String newInstance(String prefix) {
        return connect.createInstance(create -> create.identityManagementType(DirectoryType.CONNECT_MANAGED)
                .instanceAlias(prefix + "-" + UUID.randomUUID().toString().substring(0, 8))
                .inboundCallsEnabled(true).outboundCallsEnabled(false)).id();
    }

    private static String createQueue(String instanceId, String name, Integer maxContacts) {
        return connect.createQueue(create -> create.instanceId(instanceId).name(name).hoursOfOperationId("hours-1")
                .maxContacts(maxContacts)).queueId();
    }

    @Test
    void theQueuePaginatorWalks250QueuesEachOnceWhileQueuesAreCreatedBetweenPages() {
        String instanceId = newInstance("paged");
        Set<String> before = new java.util.HashSet<>();
        for (int i = 0; i < 250; i++) {
            before.add(createQueue(instanceId, "Queue " + i, null));
        }
        Map<String, Integer> seen = new HashMap<>();
        int pages = 0;
        for (ListQueuesResponse page : connect.listQueuesPaginator(list -> list.instanceId(instanceId).maxResults(25))) {
            assertTrue(page.queueSummaryList().size() <= 25);
            page.queueSummaryList().forEach(queue -> seen.merge(queue.id(), 1, Integer::sum));
            createQueue(instanceId, "Created after page " + pages++, null);
        }
        for (String id : before) {
            assertEquals(1, seen.get(id), id);
        }
        assertTrue(seen.values().stream().allMatch(count -> count == 1), seen.toString());
        // the instance's BasicQueue, and every queue STANDARD
        List<QueueSummary> all = connect.listQueuesPaginator(list -> list.instanceId(instanceId).maxResults(1000))
                .queueSummaryList().stream().toList();
        assertEquals(250 + pages + 1, all.size());
        assertEquals(1, all.stream().filter(queue -> queue.name().equals("BasicQueue")).count());
        assertTrue(all.stream().allMatch(queue -> queue.queueType() == QueueType.STANDARD));
        assertEquals(List.of(), connect.listQueues(list -> list.instanceId(instanceId).queueTypes(QueueType.AGENT))
                .queueSummaryList());
    }

    @Test
    void theFlowAndInstancePaginatorsSeeEachOnceWhileMoreAreCreated() {
        String instanceId = newInstance("flows");
        Set<String> flows = new java.util.HashSet<>();
        for (int i = 0; i < 30; i++) {
            int number = i;
            flows.add(connect.createContactFlow(create -> create.instanceId(instanceId).name("Flow " + number)
                    .type(number % 3 == 0 ? ContactFlowType.CUSTOMER_QUEUE : ContactFlowType.CONTACT_FLOW)
                    .content(Flows.read("close-without-agent.json"))).contactFlowId());
        }
        Map<String, Integer> seen = new HashMap<>();
        int pages = 0;
        for (ListContactFlowsResponse page : connect.listContactFlowsPaginator(list -> list.instanceId(instanceId).maxResults(7))) {
            page.contactFlowSummaryList().forEach(flow -> seen.merge(flow.id(), 1, Integer::sum));
            int number = pages++;
            connect.createContactFlow(create -> create.instanceId(instanceId).name("Later " + number)
                    .type(ContactFlowType.CONTACT_FLOW).content(Flows.read("close-without-agent.json")));
        }
        flows.forEach(id -> assertEquals(1, seen.get(id), id));
        assertTrue(seen.values().stream().allMatch(count -> count == 1), seen.toString());
        List<ContactFlowSummary> queueFlows = connect.listContactFlowsPaginator(list -> list.instanceId(instanceId)
                .contactFlowTypes(ContactFlowType.CUSTOMER_QUEUE).maxResults(3)).contactFlowSummaryList().stream().toList();
        assertEquals(10, queueFlows.size());
        assertTrue(queueFlows.stream().allMatch(flow -> flow.contactFlowType() == ContactFlowType.CUSTOMER_QUEUE
                && flow.arn().equals("arn:aws:connect:us-east-1:000000000000:instance/" + instanceId + "/contact-flow/" + flow.id())));

        List<String> instances = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            instances.add(newInstance("listed"));
        }
        Map<String, Integer> listed = new HashMap<>();
        for (ListInstancesResponse page : connect.listInstancesPaginator(list -> list.maxResults(3))) {
            assertTrue(page.instanceSummaryList().size() <= 3);
            page.instanceSummaryList().forEach(instance -> listed.merge(instance.id(), 1, Integer::sum));
            newInstance("between");
        }
        instances.forEach(id -> assertEquals(1, listed.get(id), id));
        assertEquals(1, listed.get(DemoInstance.INSTANCE_ID));
        assertTrue(listed.values().stream().allMatch(count -> count == 1), listed.toString());
        InstanceSummary demo = connect.listInstancesPaginator(list -> list.maxResults(10)).instanceSummaryList().stream()
                .filter(instance -> instance.id().equals(DemoInstance.INSTANCE_ID)).findFirst().orElseThrow();
        assertEquals(DemoInstance.ALIAS, demo.instanceAlias());
        assertEquals(DirectoryType.CONNECT_MANAGED, demo.identityManagementType());
    }

    @Test
    void theDemoInstanceListsItsBasicQueueAndTheQueueOfItsFlow() {
        Map<String, String> queues = connect.listQueuesPaginator(list -> list.instanceId(DemoInstance.INSTANCE_ID))
                .queueSummaryList().stream().collect(Collectors.toMap(QueueSummary::name, QueueSummary::id));
        assertEquals(DemoInstance.BASIC_QUEUE_ID, queues.get("BasicQueue"));
        assertEquals(DemoInstance.SUPPORT_QUEUE_ID, queues.get("Support"));
        Queue support = connect.describeQueue(describe -> describe.instanceId(DemoInstance.INSTANCE_ID)
                .queueId(DemoInstance.SUPPORT_QUEUE_ID)).queue();
        assertEquals("Support", support.name());
        assertEquals(QueueStatus.ENABLED, support.status());
        assertEquals("arn:aws:connect:us-east-1:000000000000:instance/" + DemoInstance.INSTANCE_ID + "/queue/support",
                support.queueArn());
        assertTrue(connect.listContactFlowsPaginator(list -> list.instanceId(DemoInstance.INSTANCE_ID)).contactFlowSummaryList()
                .stream().anyMatch(flow -> flow.id().equals(DemoInstance.FLOW_ID) && flow.name().equals(DemoInstance.FLOW_NAME)));
    }

    @Test
    void aQueueIsCreatedDescribedAndItsNameTakenOnce() {
        String instanceId = newInstance("queues");
        var created = connect.createQueue(create -> create.instanceId(instanceId).name("Returns").description("Returned orders")
                .hoursOfOperationId("hours-9").maxContacts(40).tags(Map.of("team", "returns")));
        Queue queue = connect.describeQueue(describe -> describe.instanceId(instanceId).queueId(created.queueId())).queue();
        assertEquals(created.queueArn(), queue.queueArn());
        assertEquals("Returns", queue.name());
        assertEquals("Returned orders", queue.description());
        assertEquals("hours-9", queue.hoursOfOperationId());
        assertEquals(40, queue.maxContacts());
        assertEquals(Map.of("team", "returns"), queue.tags());
        assertEquals("us-east-1", queue.lastModifiedRegion());
        assertThrows(DuplicateResourceException.class, () -> createQueue(instanceId, "Returns", null));
        assertThrows(ResourceNotFoundException.class, () -> createQueue("no-such-instance", "Returns", null));
        assertThrows(ResourceNotFoundException.class, () -> connect.describeQueue(describe -> describe.instanceId(instanceId)
                .queueId("no-such-queue")));
        assertThrows(ResourceNotFoundException.class, () -> connect.listQueues(list -> list.instanceId("no-such-instance")));
        assertThrows(InvalidParameterException.class, () -> connect.listQueues(list -> list.instanceId(instanceId).maxResults(1001)));
        assertThrows(InvalidParameterException.class, () -> connect.listQueues(list -> list.instanceId(instanceId).nextToken("forged")));
        assertThrows(InvalidRequestException.class, () -> connect.listInstances(list -> list.maxResults(11)));
        // a token of one listing is refused by another
        String token = connect.listQueues(list -> list.instanceId(DemoInstance.INSTANCE_ID).maxResults(1)).nextToken();
        assertThrows(InvalidParameterException.class, () -> connect.listQueues(list -> list.instanceId(instanceId).nextToken(token)));
    }

    @Test
    void aFlowNamingAQueueTheInstanceLacksIsRefused() {
        String instanceId = newInstance("checked");
        InvalidContactFlowException refused = assertThrows(InvalidContactFlowException.class,
                () -> connect.createContactFlow(create -> create.instanceId(instanceId).name("Demo")
                        .type(ContactFlowType.CONTACT_FLOW).content(Flows.read("demo-task.json"))));
        assertEquals(List.of("Action set-queue: QueueId support is not a queue of instance " + instanceId + "."),
                refused.problems().stream().map(ProblemDetail::message).toList());
        String queueId = createQueue(instanceId, "Support", null);
        String flowId = connect.createContactFlow(create -> create.instanceId(instanceId).name("Demo")
                .type(ContactFlowType.CONTACT_FLOW).content(Flows.demoTaskInQueue(queueId))).contactFlowId();
        String contactId = connect.startTaskContact(start -> start.instanceId(instanceId).contactFlowId(flowId).name("n"))
                .contactId();
        assertEquals(queueId, await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> describe(instanceId, contactId), contact -> contact.queueInfo() != null).queueInfo().id());
    }

    private static Contact describe(String instanceId, String contactId) {
        return connect.describeContact(describe -> describe.instanceId(instanceId).contactId(contactId)).contact();
    }

    @Test
    void aQueueAtItsMaxContactsSendsTheFlowDownItsQueueAtCapacityBranch() {
        String instanceId = newInstance("capped");
        String queueId = createQueue(instanceId, "One place", 1);
        String flowId = connect.createContactFlow(create -> create.instanceId(instanceId).name("Overflow")
                .type(ContactFlowType.CONTACT_FLOW).content(Flows.document("queue", """
                        {"Identifier": "queue", "Type": "UpdateContactTargetQueue", "Parameters": {"QueueId": "%s"},
                         "Transitions": {"NextAction": "transfer"}}""".formatted(queueId), """
                        {"Identifier": "transfer", "Type": "TransferContactToQueue", "Parameters": {},
                         "Transitions": {"Errors": [{"ErrorType": "QueueAtCapacity", "NextAction": "full"},
                                                    {"ErrorType": "NoMatchingError", "NextAction": "end"}]}}""", """
                        {"Identifier": "full", "Type": "UpdateContactAttributes",
                         "Parameters": {"Attributes": {"outcome": "queue full"}}, "Transitions": {"NextAction": "end"}}""", """
                        {"Identifier": "end", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}"""))).contactFlowId();
        String first = connect.startTaskContact(start -> start.instanceId(instanceId).contactFlowId(flowId).name("first")).contactId();
        Contact queued = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> describe(instanceId, first), contact -> contact.queueInfo() != null);
        assertEquals(queueId, queued.queueInfo().id());
        String second = connect.startTaskContact(start -> start.instanceId(instanceId).contactFlowId(flowId).name("second")).contactId();
        Contact overflowed = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> describe(instanceId, second), contact -> contact.disconnectTimestamp() != null);
        assertNull(overflowed.queueInfo());
        assertEquals(Map.of("outcome", "queue full"), overflowed.attributes());
        // once the first ends, the queue takes a contact again
        connect.stopContact(stop -> stop.instanceId(instanceId).contactId(first));
        String third = connect.startTaskContact(start -> start.instanceId(instanceId).contactFlowId(flowId).name("third")).contactId();
        assertEquals(queueId, await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> describe(instanceId, third), contact -> contact.queueInfo() != null || contact.disconnectTimestamp() != null)
                .queueInfo().id());
    }
}
