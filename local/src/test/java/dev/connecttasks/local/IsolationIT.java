package dev.connecttasks.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.testing.Flows;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ContactFlowType;
import software.amazon.awssdk.services.connect.model.DirectoryType;
import software.amazon.awssdk.services.connect.model.Reference;
import software.amazon.awssdk.services.connect.model.ReferenceType;
import software.amazon.awssdk.services.connect.model.ResourceNotFoundException;

/** A contact or flow of instance A is reached through instance B by no operation. */
class IsolationIT {
    private static IsolatedApi api;
    private static ConnectClient connect;
    private static String instanceA;
    private static String instanceB;
    private static String flowA;
    private static String flowB;
    private static String contactA;

    @BeforeAll
    static void start() throws Exception {
        api = new IsolatedApi();
        connect = RunningBackend.connectClient(api.url(), true);
        instanceA = instance();
        instanceB = instance();
        flowA = flow(instanceA);
        flowB = flow(instanceB);
        contactA = connect.startTaskContact(start -> start.instanceId(instanceA).contactFlowId(flowA).name("A's task")
                .references(Map.of("Order", Reference.builder().type(ReferenceType.URL).value("https://a.io").build())))
                .contactId();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String instance() {
        return connect.createInstance(create -> create.identityManagementType(DirectoryType.CONNECT_MANAGED)
                .instanceAlias("iso-" + UUID.randomUUID().toString().substring(0, 8))
                .inboundCallsEnabled(true).outboundCallsEnabled(true)).id();
    }

    private static String flow(String instanceId) {
        String queueId = connect.createQueue(create -> create.instanceId(instanceId).name("Support")
                .hoursOfOperationId("hours")).queueId();
        return connect.createContactFlow(create -> create.instanceId(instanceId).name("Flow")
                .type(ContactFlowType.CONTACT_FLOW).content(Flows.demoTaskInQueue(queueId))).contactFlowId();
    }

    @Test
    void noOperationReachesAnotherInstancesContactOrFlow() {
        Contact before = api.backend.table.find(new ContactKey(instanceA, contactA), Instant.now()).orElseThrow();
        List<Executable> throughB = List.of(
                () -> connect.describeContact(d -> d.instanceId(instanceB).contactId(contactA)),
                () -> connect.updateContact(u -> u.instanceId(instanceB).contactId(contactA).name("taken over")),
                () -> connect.updateContactSchedule(u -> u.instanceId(instanceB).contactId(contactA)
                        .scheduledTime(Instant.now().plusSeconds(600))),
                () -> connect.listContactReferences(l -> l.instanceId(instanceB).contactId(contactA)
                        .referenceTypes(ReferenceType.URL)),
                () -> connect.startTaskContact(s -> s.instanceId(instanceB).contactFlowId(flowB).name("n")
                        .previousContactId(contactA)),
                () -> connect.startTaskContact(s -> s.instanceId(instanceB).contactFlowId(flowB).name("n")
                        .relatedContactId(contactA)),
                () -> connect.startTaskContact(s -> s.instanceId(instanceB).contactFlowId(flowA).name("n")),
                () -> connect.describeContactFlow(d -> d.instanceId(instanceB).contactFlowId(flowA)));
        for (Executable call : throughB) {
            assertThrows(ResourceNotFoundException.class, call);
        }
        assertEquals(before, api.backend.table.find(new ContactKey(instanceA, contactA), Instant.now()).orElseThrow());
        assertEquals(1, api.backend.contactItems().size());
    }
}
