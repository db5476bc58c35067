package dev.connecttasks.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.testing.Flows;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.Contact;
import software.amazon.awssdk.services.connect.model.ContactFlow;
import software.amazon.awssdk.services.connect.model.ContactFlowStatus;
import software.amazon.awssdk.services.connect.model.ContactFlowType;
import software.amazon.awssdk.services.connect.model.DirectoryType;
import software.amazon.awssdk.services.connect.model.Instance;
import software.amazon.awssdk.services.connect.model.InstanceStatus;
import software.amazon.awssdk.services.connect.model.InvalidContactFlowException;
import software.amazon.awssdk.services.connect.model.ProblemDetail;
import software.amazon.awssdk.services.connect.model.Reference;
import software.amazon.awssdk.services.connect.model.ReferenceType;
import software.amazon.awssdk.services.connect.model.ResourceNotFoundException;
import software.amazon.awssdk.services.connect.model.StartTaskContactRequest;

/** Set-up calls as code written for Amazon Connect makes them, then tasks run by real flows. */
class InstancesAndFlowsIT {
    private static ConnectClient connect;
    private static String instanceId;
    private static String flowId;

    @BeforeAll
    static void createInstanceAndFlow() throws Exception {
        connect = RunningBackend.connectClient();
        instanceId = connect.createInstance(create -> create.identityManagementType(DirectoryType.CONNECT_MANAGED)
                .instanceAlias("acme-" + UUID.randomUUID().toString().substring(0, 8))
                .inboundCallsEnabled(true).outboundCallsEnabled(false)).id();
        // the example flow names the demo instance's queues
        flowId = connect.createContactFlow(create -> create.instanceId(DemoInstance.INSTANCE_ID)
                .name("Route by priority " + UUID.randomUUID())
                .type(ContactFlowType.CONTACT_FLOW).content(Flows.read("route-by-priority.json"))).contactFlowId();
    }

    private static StartTaskContactRequest.Builder task(Map<String, String> attributes) {
        return StartTaskContactRequest.builder().instanceId(DemoInstance.INSTANCE_ID).contactFlowId(flowId).name("Refund request")
                .attributes(attributes)
                .references(Map.of("Order", Reference.builder().type(ReferenceType.URL).value("https://x.io/1").build()));
    }

    /** The contact once its flow queued it; fails after 30 s (the local firer ticks every second). */
    private static Contact describeWhenQueued(String contactId) {
        return describeWhenQueued(DemoInstance.INSTANCE_ID, contactId);
    }

    private static Contact describeWhenQueued(String instance, String contactId) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> connect
                .describeContact(describe -> describe.instanceId(instance).contactId(contactId)).contact(),
                contact -> contact.queueInfo() != null);
    }

    @Test
    void instancesAndFlowsDescribeAsCreated() {
        Instance instance = connect.describeInstance(describe -> describe.instanceId(instanceId)).instance();
        assertEquals(instanceId, instance.id());
        assertEquals(InstanceStatus.ACTIVE, instance.instanceStatus());
        assertEquals(DirectoryType.CONNECT_MANAGED, instance.identityManagementType());
        assertTrue(instance.inboundCallsEnabled());

        ContactFlow flow = connect.describeContactFlow(describe -> describe.instanceId(DemoInstance.INSTANCE_ID)
                .contactFlowId(flowId)).contactFlow();
        assertTrue(flow.name().startsWith("Route by priority "), flow.name());
        assertEquals(ContactFlowType.CONTACT_FLOW, flow.type());
        assertEquals(ContactFlowStatus.PUBLISHED, flow.status());
        assertEquals(Flows.read("route-by-priority.json"), flow.content());
        assertEquals("arn:aws:connect:us-east-1:000000000000:instance/" + DemoInstance.INSTANCE_ID + "/contact-flow/" + flowId,
                flow.arn());
    }

    @Test
    void aTaskStartedNowIsQueuedByItsFlow() {
        String contactId = connect.startTaskContact(task(Map.of("priority", "urgent")).build()).contactId();
        Contact contact = describeWhenQueued(contactId);
        assertEquals("escalations", contact.queueInfo().id());
        assertEquals(Map.of("priority", "urgent"), contact.attributes());
        assertTrue(!contact.queueInfo().enqueueTimestamp().isBefore(contact.initiationTimestamp()));
        assertNull(contact.disconnectTimestamp());
    }

    @Test
    void aTaskScheduledThreeSecondsAheadIsQueuedAtItsTimeAndNotBefore() {
        Instant at = Instant.now().plusSeconds(3);
        String contactId = connect.startTaskContact(task(Map.of("amount", "1500")).scheduledTime(at).build()).contactId();
        assertNull(connect.describeContact(describe -> describe.instanceId(DemoInstance.INSTANCE_ID).contactId(contactId)).contact()
                .queueInfo());
        Contact contact = describeWhenQueued(contactId);
        assertEquals("billing", contact.queueInfo().id());
        assertEquals(Map.of("amount", "1500"), contact.attributes());
        assertTrue(!contact.queueInfo().enqueueTimestamp().isBefore(at), contact.queueInfo().toString());
    }

    @Test
    void theDemoFlowSetsAttributesThatDescribeContactShows() {
        String contactId = connect.startTaskContact(StartTaskContactRequest.builder()
                .instanceId(DemoInstance.INSTANCE_ID)
                .contactFlowId(DemoInstance.FLOW_ID)
                .name("Call back customer").attributes(Map.of("orderId", "42")).build()).contactId();
        Contact contact = describeWhenQueued(DemoInstance.INSTANCE_ID, contactId);
        assertEquals("support", contact.queueInfo().id());
        assertEquals(Map.of("orderId", "42", "routedBy", "demo-task-flow", "taskName", "Call back customer"),
                contact.attributes());
        assertEquals(contact.queueInfo().enqueueTimestamp(), contact.lastUpdateTimestamp());
    }

    @Test
    void invalidFlowsAreRejectedWithTheirProblems() {
        InvalidContactFlowException invalid = assertThrows(InvalidContactFlowException.class,
                () -> connect.createContactFlow(create -> create.instanceId(instanceId).name("Broken")
                        .type(ContactFlowType.CONTACT_FLOW).content("""
                                {"Version":"2019-10-30","StartAction":"a","Actions":[
                                 {"Identifier":"a","Type":"InvokeLambdaFunction","Parameters":{},"Transitions":{}}]}""")));
        assertEquals(400, invalid.statusCode());
        assertEquals(List.of("Action a: Type InvokeLambdaFunction is not an action this service runs."),
                invalid.problems().stream().map(ProblemDetail::message).toList());
    }

    @Test
    void unknownInstancesAndFlowsAreNotFoundEverywhere() {
        String contactId = connect.startTaskContact(task(Map.of()).build()).contactId();
        List<Executable> calls = List.of(
                () -> connect.describeInstance(d -> d.instanceId("no-such-instance")),
                () -> connect.createContactFlow(c -> c.instanceId("no-such-instance").name("n")
                        .type(ContactFlowType.CONTACT_FLOW).content(Flows.read("demo-task.json"))),
                () -> connect.describeContactFlow(d -> d.instanceId("no-such-instance").contactFlowId(flowId)),
                () -> connect.describeContactFlow(d -> d.instanceId(instanceId).contactFlowId(flowId)),
                () -> connect.describeContactFlow(d -> d.instanceId(instanceId).contactFlowId("no-such-flow")),
                () -> connect.startTaskContact(task(Map.of()).instanceId("no-such-instance").build()),
                () -> connect.startTaskContact(task(Map.of()).contactFlowId("no-such-flow").build()),
                () -> connect.describeContact(d -> d.instanceId("no-such-instance").contactId(contactId)),
                () -> connect.updateContact(u -> u.instanceId("no-such-instance").contactId(contactId).name("n")),
                () -> connect.updateContactSchedule(u -> u.instanceId("no-such-instance").contactId(contactId)
                        .scheduledTime(Instant.now().plusSeconds(600))),
                () -> connect.listContactReferences(l -> l.instanceId("no-such-instance").contactId(contactId)
                        .referenceTypes(ReferenceType.URL)));
        for (Executable call : calls) {
            assertThrows(ResourceNotFoundException.class, call);
        }
    }
}
