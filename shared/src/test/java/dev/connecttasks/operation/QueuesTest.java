package dev.connecttasks.operation;

import static dev.connecttasks.testing.ApiAssertions.assertApiError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.QueueInfo;
import dev.connecttasks.contact.StopRequest;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.error.ApiException;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.flow.FlowResult;
import dev.connecttasks.flow.StartMessage;
import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.instance.FlowRequest;
import dev.connecttasks.instance.InstanceRequest;
import dev.connecttasks.instance.ListRequest;
import dev.connecttasks.instance.Queue;
import dev.connecttasks.instance.QueueRequest;
import dev.connecttasks.instance.Summaries.QueueSummary;
import dev.connecttasks.memory.MemoryBackend;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.testing.Flows;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CreateQueue and DescribeQueue, the queues a flow may name, and a queue's MaxContacts in a run, on the in-memory ports. */
class QueuesTest {
    private final MemoryBackend backend = new MemoryBackend();

    private QueueRequest queue(String name) {
        return new QueueRequest(backend.instanceId, name, "Returned orders", "hours-7", 12, Map.of("team", "returns"), null);
    }

    private static QueueRequest with(QueueRequest base, String name, String description, String hours, Integer maxContacts,
            Map<String, String> tags, String unsupported) {
        return new QueueRequest(base.instanceId(), name, description, hours, maxContacts, tags, unsupported);
    }

    @Test
    void aQueueIsCreatedAndDescribedWithEveryMember() {
        String id = backend.createQueue().create(queue("Returns"));
        Queue described = backend.describeQueue().describe(backend.instanceId, id);
        assertEquals(new Queue(backend.instanceId, id, "Returns", "Returned orders", "hours-7", 12, Map.of("team", "returns"),
                backend.now()), described);
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "QueueId nope was not found in instance " + backend.instanceId,
                () -> backend.describeQueue().describe(backend.instanceId, "nope"));
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "QueueId " + id + " was not found in instance other",
                () -> backend.describeQueue().describe("other", id));
        assertApiError(ErrorType.INVALID_PARAMETER, "QueueId", () -> backend.describeQueue().describe(backend.instanceId, "q".repeat(501)));
        assertApiError(ErrorType.INVALID_PARAMETER, "InstanceId", () -> backend.describeQueue().describe("i".repeat(101), id));
    }

    @Test
    void aQueueNameIsTakenOncePerInstanceAndAnUnknownInstanceIsNotFound() {
        backend.createQueue().create(queue("Returns"));
        assertApiError(ErrorType.DUPLICATE_RESOURCE, "A queue named Returns already exists",
                () -> backend.createQueue().create(queue("Returns")));
        assertApiError(ErrorType.DUPLICATE_RESOURCE, "BasicQueue", () -> backend.createQueue().create(queue("BasicQueue")));
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "Instance nope was not found.", () -> backend.createQueue().create(
                new QueueRequest("nope", "Returns", null, "h", null, Map.of(), null)));
    }

    @Test
    void everyRuleOfTheModelIsAnInvalidParameterNamingTheMember() {
        QueueRequest base = queue("Rules");
        assertApiError(ErrorType.INVALID_PARAMETER, "Name", () -> backend.createQueue().create(with(base, "", null, "h", null, Map.of(), null)));
        assertApiError(ErrorType.INVALID_PARAMETER, "Name", () -> backend.createQueue().create(with(base, "n".repeat(128), null, "h", null, Map.of(), null)));
        assertApiError(ErrorType.INVALID_PARAMETER, "Description", () -> backend.createQueue().create(with(base, "n", "", "h", null, Map.of(), null)));
        assertApiError(ErrorType.INVALID_PARAMETER, "Description", () -> backend.createQueue().create(with(base, "n", "d".repeat(251), "h", null, Map.of(), null)));
        assertApiError(ErrorType.INVALID_PARAMETER, "HoursOfOperationId", () -> backend.createQueue().create(with(base, "n", null, "", null, Map.of(), null)));
        assertApiError(ErrorType.INVALID_PARAMETER, "HoursOfOperationId", () -> backend.createQueue().create(with(base, "n", null, "h".repeat(501), null, Map.of(), null)));
        assertApiError(ErrorType.INVALID_PARAMETER, "MaxContacts", () -> backend.createQueue().create(with(base, "n", null, "h", -1, Map.of(), null)));
        assertApiError(ErrorType.INVALID_PARAMETER, "Tags", () -> backend.createQueue().create(with(base, "n", null, "h", null, Map.of("aws:x", "v"), null)));
        assertApiError(ErrorType.INVALID_PARAMETER, "QuickConnectIds is not supported",
                () -> backend.createQueue().create(with(base, "n", null, "h", null, Map.of(), "QuickConnectIds")));
        // the bounds themselves are allowed
        backend.createQueue().create(with(base, "n".repeat(127), "d".repeat(250), "h".repeat(500), 0, Map.of(), null));
        assertEquals(List.of("BasicQueue", "Billing", "Escalations", "Support", "n".repeat(127)), queueNames(backend.instanceId));
    }

    @Test
    void everyInstanceIsCreatedWithItsBasicQueue() {
        String instance = backend.createInstance().create(new InstanceRequest(null, "SAML", "basic", null, true, true, Map.of()));
        List<QueueSummary> queues = backend.listQueues().list(new ListRequest(instance, Set.of(), null, null)).items();
        assertEquals(1, queues.size());
        Queue basic = backend.describeQueue().describe(instance, queues.get(0).id());
        assertEquals(Queue.BASIC_QUEUE_NAME, basic.name());
        assertNull(basic.maxContacts());
        assertEquals(backend.now(), basic.lastModifiedAt());
        // the demo instance too, with the queues the example flows name
        assertEquals(Queue.BASIC_QUEUE_NAME, backend.describeQueue().describe(backend.instanceId, DemoInstance.BASIC_QUEUE_ID).name());
        assertEquals("Support", backend.describeQueue().describe(backend.instanceId, DemoInstance.SUPPORT_QUEUE_ID).name());
    }

    private List<String> queueNames(String instanceId) {
        return backend.listQueues().list(new ListRequest(instanceId, Set.of(), null, null)).items().stream()
                .map(QueueSummary::name).sorted().toList();
    }

    // ---- the queues a published flow names ----

    private FlowRequest flow(String instanceId, String content, String status) {
        return new FlowRequest(instanceId, "Flow " + System.nanoTime(), "CONTACT_FLOW", null, content, status, Map.of());
    }

    private static String targetQueue(String id, String queue, String next) {
        return """
                {"Identifier": "%s", "Type": "UpdateContactTargetQueue", "Parameters": {"QueueId": "%s"},
                 "Transitions": {"NextAction": "%s"}}""".formatted(id, queue, next);
    }

    private static String transfer(String id, String parameters, String onAtCapacity) {
        return """
                {"Identifier": "%s", "Type": "TransferContactToQueue", "Parameters": {%s},
                 "Transitions": {"Errors": [%s{"ErrorType": "NoMatchingError", "NextAction": "failed"}]}}""".formatted(id,
                parameters, onAtCapacity == null ? "" : "{\"ErrorType\": \"QueueAtCapacity\", \"NextAction\": \"" + onAtCapacity + "\"},");
    }

    private static final String END = """
            {"Identifier": "end", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}""";
    private static final String FAILED = """
            {"Identifier": "failed", "Type": "UpdateContactAttributes", "Parameters": {"Attributes": {"outcome": "failed"}},
             "Transitions": {"NextAction": "end"}}""";
    private static final String FULL = """
            {"Identifier": "full", "Type": "UpdateContactAttributes", "Parameters": {"Attributes": {"outcome": "full"}},
             "Transitions": {"NextAction": "end"}}""";

    @Test
    void aFlowNamingQueuesTheInstanceLacksIsRefusedListingEachProblem() {
        String arn = "arn:aws:connect:us-east-1:123456789012:instance/" + backend.instanceId + "/queue/";
        String content = Flows.document("a", targetQueue("a", "support", "b"), targetQueue("b", "nope", "c"),
                targetQueue("c", arn + "billing", "d"), targetQueue("d", arn + "gone", "e"),
                targetQueue("e", "arn:aws:connect:us-east-1:123456789012:instance/other/queue/support", "f"),
                targetQueue("f", "$.Attributes.queue", "g"), transfer("g", "\"QueueId\": \"missing-too\"", null), END, FAILED);
        ApiException refused = assertApiError(ErrorType.INVALID_CONTACT_FLOW, "",
                () -> backend.createContactFlow().create(flow(backend.instanceId, content, null)));
        assertEquals(List.of(
                "Action b: QueueId nope is not a queue of instance " + backend.instanceId + ".",
                "Action d: QueueId " + arn + "gone is not a queue of instance " + backend.instanceId + ".",
                "Action e: QueueId arn:aws:connect:us-east-1:123456789012:instance/other/queue/support is a queue of another instance.",
                "Action g: QueueId missing-too is not a queue of instance " + backend.instanceId + "."), refused.problems());
        // a saved flow is stored unchecked; an unknown instance is not found, whatever the flow names
        backend.createContactFlow().create(flow(backend.instanceId, content, ContactFlow.SAVED));
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "Instance nope", () -> backend.createContactFlow().create(flow("nope", content, null)));
    }

    @Test
    void aFlowNamingOnlyItsInstancesQueuesOrReferencesIsPublished() {
        String queue = backend.createQueue(backend.instanceId, "Named", null);
        String arn = "arn:aws:connect:us-east-1:123456789012:instance/" + backend.instanceId + "/queue/" + queue;
        String content = Flows.document("a", targetQueue("a", arn, "b"), targetQueue("b", "$.Attributes.queue", "c"),
                transfer("c", "\"QueueId\": \"" + queue + "\"", null), END, FAILED);
        String flowId = backend.createContactFlow().create(flow(backend.instanceId, content, null));
        assertEquals(content, backend.describeContactFlow().describe(backend.instanceId, flowId).content());
    }

    // ---- MaxContacts in a run ----

    private Contact run(String flowId) {
        String contactId = backend.startTaskContact().start(new TaskRequest(backend.instanceId, flowId, "Overflow", null,
                Map.of(), Map.of(), null, null, null, null));
        ContactKey key = new ContactKey(backend.instanceId, contactId);
        backend.runFlow().run(new StartMessage(key, flowId, null));
        return backend.describeContact().describe(key);
    }

    private String cappedFlow(String queueId) {
        return backend.createFlow(backend.instanceId, "Capped " + queueId, Flows.document("queue",
                targetQueue("queue", queueId, "transfer"), transfer("transfer", "", "full"), FULL, FAILED, END));
    }

    @Test
    void aQueueAtItsMaxContactsSendsTheRunDownItsQueueAtCapacityBranchUntilAContactEnds() {
        String queueId = backend.createQueue(backend.instanceId, "Two places", 2);
        String flowId = cappedFlow(queueId);
        Contact first = run(flowId);
        Contact second = run(flowId);
        assertEquals(new QueueInfo(queueId, first.flowStartedAt()), first.queue());
        assertEquals(queueId, second.queue().queueId());
        Contact third = run(flowId);
        assertNull(third.queue());
        assertEquals("full", third.attributes().get("outcome"));
        assertEquals("CONTACT_FLOW_DISCONNECT", third.disconnectReason());
        backend.stopContact().stop(new StopRequest(first.key(), false));
        assertEquals(queueId, run(flowId).queue().queueId());
        assertEquals("full", run(flowId).attributes().get("outcome"));
    }

    @Test
    void aQueueWithoutPlacesIsAlwaysAtCapacityAndOneWithoutMaxContactsNever() {
        String closed = backend.createQueue(backend.instanceId, "No places", 0);
        assertEquals("full", run(cappedFlow(closed)).attributes().get("outcome"));
        String open = backend.createQueue(backend.instanceId, "Unlimited", null);
        String flowId = cappedFlow(open);
        for (int i = 0; i < 5; i++) {
            assertEquals(open, run(flowId).queue().queueId());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-such-queue", ""})
    void aQueueARunNamesThatDoesNotExistIsNoMatchingError(String queue) {
        String flowId = backend.createFlow(backend.instanceId, "Dynamic " + queue, Flows.document("set",
                """
                {"Identifier": "set", "Type": "UpdateContactAttributes", "Parameters": {"Attributes": {"queue": "%s"}},
                 "Transitions": {"NextAction": "queue"}}""".formatted(queue.isEmpty() ? "q".repeat(501) : queue),
                targetQueue("queue", "$.Attributes.queue", "transfer"), transfer("transfer", "", "full"), FULL, FAILED, END));
        Contact contact = run(flowId);
        assertNull(contact.queue());
        assertEquals("failed", contact.attributes().get("outcome"));
    }

    @Test
    void theRunsOutcomeIsQueuedOnlyWhereThereIsRoom() {
        String queueId = backend.createQueue(backend.instanceId, "One place", 1);
        String flowId = cappedFlow(queueId);
        assertEquals(FlowResult.End.QUEUED, backend.runFlow().run(new StartMessage(new ContactKey(backend.instanceId,
                backend.startTaskContact().start(new TaskRequest(backend.instanceId, flowId, "n", null, Map.of(), Map.of(),
                        null, null, null, null))), flowId, null)).run().end());
        assertEquals(FlowResult.End.DISCONNECTED, backend.runFlow().run(new StartMessage(new ContactKey(backend.instanceId,
                backend.startTaskContact().start(new TaskRequest(backend.instanceId, flowId, "n", null, Map.of(), Map.of(),
                        null, null, null, null))), flowId, null)).run().end());
    }
}
