package dev.connecttasks.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connecttasks.config.AwsClients;
import dev.connecttasks.config.Settings;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.store.ContactTable;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.Channel;
import software.amazon.awssdk.services.connect.model.Contact;
import software.amazon.awssdk.services.connect.model.ContactInitiationMethod;
import software.amazon.awssdk.services.connect.model.ContactNotFoundException;
import software.amazon.awssdk.services.connect.model.IdempotencyException;
import software.amazon.awssdk.services.connect.model.InvalidParameterException;
import software.amazon.awssdk.services.connect.model.InvalidRequestException;
import software.amazon.awssdk.services.connect.model.Reference;
import software.amazon.awssdk.services.connect.model.ReferenceSummary;
import software.amazon.awssdk.services.connect.model.ReferenceType;
import software.amazon.awssdk.services.connect.model.ResourceNotFoundException;
import software.amazon.awssdk.services.connect.model.SegmentAttributeValue;
import software.amazon.awssdk.services.connect.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.connect.model.StartTaskContactRequest;
import software.amazon.awssdk.services.connect.model.TransferContactResponse;

/** The local API through the real AWS SDK for Java v2 {@code ConnectClient}. */
class ConnectClientIT {
    private static final String INSTANCE = DemoInstance.INSTANCE_ID;
    private static final String FLOW = DemoInstance.FLOW_ID;
    private static ConnectClient connect;
    private static ContactTable table;

    @BeforeAll
    static void start() throws Exception {
        connect = RunningBackend.connectClient();
        Settings settings = LocalNames.fromEnvironment().settings();
        table = new ContactTable(AwsClients.dynamoDb(settings), settings.tableName());
    }

    private static StartTaskContactRequest.Builder task() {
        return StartTaskContactRequest.builder()
                .instanceId(INSTANCE)
                .contactFlowId(FLOW)
                .name("Call back customer")
                .description("Re: order 42")
                .attributes(Map.of("orderId", "42"))
                .references(Map.of("Order", Reference.builder().type(ReferenceType.URL)
                        .value("https://crm.example.com/orders/42").build()));
    }

    private static Contact describe(String contactId) {
        return connect.describeContact(describe -> describe.instanceId(INSTANCE).contactId(contactId)).contact();
    }

    @Test
    void startDescribeUpdateAndListATask() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String contactId = connect.startTaskContact(task().build()).contactId();

        Contact contact = describe(contactId);
        assertEquals(contactId, contact.id());
        assertEquals("arn:aws:connect:us-east-1:000000000000:instance/" + INSTANCE + "/contact/" + contactId, contact.arn());
        assertEquals("Call back customer", contact.name());
        assertEquals("Re: order 42", contact.description());
        assertEquals(Channel.TASK, contact.channel());
        assertEquals(ContactInitiationMethod.API, contact.initiationMethod());
        assertTrue(!contact.initiationTimestamp().isBefore(before), contact.initiationTimestamp().toString());
        assertTrue(!contact.lastUpdateTimestamp().isBefore(contact.initiationTimestamp()));
        assertNull(contact.scheduledTimestamp());

        connect.updateContact(update -> update.instanceId(INSTANCE).contactId(contactId).name("Call back today")
                .references(Map.of("Amount", Reference.builder().type(ReferenceType.NUMBER).value("19.99").build())));
        Contact updated = describe(contactId);
        assertEquals("Call back today", updated.name());
        assertTrue(updated.lastUpdateTimestamp().isAfter(contact.lastUpdateTimestamp()));

        List<ReferenceSummary> references = connect.listContactReferences(list -> list.instanceId(INSTANCE)
                .contactId(contactId).referenceTypes(ReferenceType.URL, ReferenceType.NUMBER)).referenceSummaryList();
        assertEquals(2, references.size());
        assertEquals(ReferenceSummary.Type.NUMBER, references.get(0).type());
        assertEquals("19.99", references.get(0).number().value());
        assertEquals(ReferenceSummary.Type.URL, references.get(1).type());
        assertEquals("Order", references.get(1).url().name());
        assertEquals("https://crm.example.com/orders/42", references.get(1).url().value());
    }

    @Test
    void timestampsRoundTripToTheMillisecond() {
        Instant at = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS).plusMillis(375);
        String contactId = connect.startTaskContact(task().scheduledTime(at).build()).contactId();
        assertEquals(at, describe(contactId).scheduledTimestamp());
        Instant later = at.plus(Duration.ofHours(5)).plusMillis(1);
        connect.updateContactSchedule(update -> update.instanceId(INSTANCE).contactId(contactId).scheduledTime(later));
        assertEquals(later, describe(contactId).scheduledTimestamp());
    }

    @Test
    void aRetriedClientTokenGivesTheSameContact() {
        String token = UUID.randomUUID().toString();
        String first = connect.startTaskContact(task().clientToken(token).build()).contactId();
        assertEquals(first, connect.startTaskContact(task().clientToken(token).build()).contactId());
        InvalidRequestException reuse = assertThrows(InvalidRequestException.class,
                () -> connect.startTaskContact(task().clientToken(token).name("other").build()));
        assertTrue(reuse.awsErrorDetails().errorMessage().contains("already used with different parameters"));
    }

    @Test
    void errorsArriveAsTheModeledExceptionsWithTheirMessages() {
        ResourceNotFoundException notFound = assertThrows(ResourceNotFoundException.class, () -> describe("missing"));
        assertEquals(404, notFound.statusCode());
        assertEquals("Contact missing was not found in instance " + INSTANCE + ".", notFound.awsErrorDetails().errorMessage());
        assertTrue(notFound.requestId() != null && !notFound.requestId().isEmpty());

        InvalidParameterException past = assertThrows(InvalidParameterException.class,
                () -> connect.startTaskContact(task().scheduledTime(Instant.now().minusSeconds(60)).build()));
        assertEquals("ScheduledTime must not be in the past.", past.awsErrorDetails().errorMessage());

        InvalidRequestException empty = assertThrows(InvalidRequestException.class,
                () -> connect.updateContact(update -> update.instanceId(INSTANCE).contactId("any")));
        assertEquals("At least one of Name, Description, References or SegmentAttributes must be present.",
                empty.awsErrorDetails().errorMessage());

        InvalidRequestException unknownType = assertThrows(InvalidRequestException.class,
                () -> connect.listContactReferences(list -> list.instanceId(INSTANCE).contactId("any")
                        .referenceTypesWithStrings("LINK")));
        assertTrue(unknownType.awsErrorDetails().errorMessage().startsWith("referenceTypes"));

        String previous = connect.startTaskContact(task().build()).contactId();
        for (int i = 0; i < 12; i++) {
            connect.startTaskContact(task().previousContactId(previous).build());
        }
        ServiceQuotaExceededException quota = assertThrows(ServiceQuotaExceededException.class,
                () -> connect.startTaskContact(task().previousContactId(previous).build()));
        assertEquals(402, quota.statusCode());
    }

    /** The stored contact once its flow started; fails after 30 s (the local firer ticks every second). */
    private static dev.connecttasks.contact.Contact awaitStarted(String contactId) {
        ContactKey key = new ContactKey(INSTANCE, contactId);
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> table.find(key, Instant.now()).orElseThrow(), stored -> stored.flowStatus() == FlowStatus.STARTED);
    }

    @Test
    void aTaskScheduledThreeSecondsAheadStartsItsFlowAtItsTimeAndNotBefore() {
        Instant at = Instant.now().plusSeconds(3);
        String contactId = connect.startTaskContact(task().scheduledTime(at).build()).contactId();
        assertEquals(FlowStatus.SCHEDULED, table.find(new ContactKey(INSTANCE, contactId), Instant.now()).orElseThrow().flowStatus());

        dev.connecttasks.contact.Contact stored = awaitStarted(contactId);

        assertTrue(!stored.flowStartedAt().isBefore(at), "started early: " + stored.flowStartedAt());
    }

    @Test
    void aTaskStartedNowStartsItsFlowThroughTheAsynchronousInvoke() {
        String contactId = connect.startTaskContact(task().build()).contactId();
        assertEquals(FlowStatus.STARTED, awaitStarted(contactId).flowStatus());
    }

    @Test
    void tagsRoundTripThroughTheSdk() {
        String contactId = connect.startTaskContact(task().build()).contactId();
        connect.tagContact(tag -> tag.instanceId(INSTANCE).contactId(contactId).tags(Map.of("team", "billing", "tier", "1")));
        assertEquals(Map.of("team", "billing", "tier", "1"), describe(contactId).tags());
        connect.untagContact(untag -> untag.instanceId(INSTANCE).contactId(contactId).tagKeys("tier", "absent"));
        assertEquals(Map.of("team", "billing"), describe(contactId).tags());
        ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class,
                        () -> connect.tagContact(tag -> tag.instanceId(INSTANCE).contactId("nope").tags(Map.of("a", "b"))));
        assertEquals(404, missing.statusCode());
        InvalidParameterException tooMany = assertThrows(InvalidParameterException.class,
                        () -> connect.tagContact(tag -> tag.instanceId(INSTANCE).contactId(contactId)
                                .tags(Map.of("a", "1", "b", "2", "c", "3", "d", "4", "e", "5", "f", "6"))));
        assertEquals(400, tooMany.statusCode());
        assertEquals(Map.of("team", "billing"), describe(contactId).tags());
    }

    @Test
    void aTaskCancelledBeforeItsTimeNeverRunsAndAQueuedTaskIsStopped() {
        String later = connect.startTaskContact(task().scheduledTime(Instant.now().plusSeconds(3)).build()).contactId();
        connect.stopContact(stop -> stop.instanceId(INSTANCE).contactId(later));
        // 3 s on its schedule would have fired; 10 s on its flow still has not run
        await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> describe(later).connectedToSystemTimestamp() == null
                        && table.find(new ContactKey(INSTANCE, later), Instant.now()).orElseThrow().flowStatus() != FlowStatus.STARTED);
        assertEquals("API", describe(later).disconnectReason());

        String now = connect.startTaskContact(task().build()).contactId();
        await().atMost(Duration.ofSeconds(30)).until(() -> describe(now).queueInfo() != null);
        connect.stopContact(stop -> stop.instanceId(INSTANCE).contactId(now));
        Contact stopped = describe(now);
        assertEquals("API", stopped.disconnectReason());
        assertTrue(stopped.disconnectTimestamp() != null);
        ContactNotFoundException gone = assertThrows(ContactNotFoundException.class,
                () -> connect.stopContact(stop -> stop.instanceId(INSTANCE).contactId(now)));
        assertEquals(410, gone.statusCode());
    }

    @Test
    void aTaskWithAOneMinuteExpiryEndsExpiredWithinSeventySecondsOfItsStart() {
        SegmentAttributeValue oneMinute = SegmentAttributeValue.builder().valueMap(Map.of("ExpiryDuration",
                SegmentAttributeValue.builder().valueInteger(1).build())).build();
        SegmentAttributeValue tier = SegmentAttributeValue.builder().valueString("gold").build();
        Instant requested = Instant.now();
        String contactId = connect.startTaskContact(task()
                .segmentAttributes(Map.of("connect:ContactExpiry", oneMinute, "crm:tier", tier)).build()).contactId();
        assertEquals(Map.of("connect:ContactExpiry", oneMinute, "crm:tier", tier), describe(contactId).segmentAttributes());

        Contact expired = await().atMost(Duration.ofSeconds(70)).pollInterval(Duration.ofMillis(500))
                .until(() -> describe(contactId), contact -> contact.disconnectTimestamp() != null);
        assertEquals("EXPIRED", expired.disconnectReason());
        Instant flowStarted = table.find(new ContactKey(INSTANCE, contactId), Instant.now()).orElseThrow().flowStartedAt();
        assertTrue(!expired.disconnectTimestamp().isBefore(requested.plusSeconds(60)), "expired early: " + expired.disconnectTimestamp());
        assertTrue(Duration.between(flowStarted, expired.disconnectTimestamp()).compareTo(Duration.ofSeconds(70)) < 0,
                "expired late: " + expired.disconnectTimestamp() + " after a start at " + flowStarted);

        InvalidParameterException unsupported = assertThrows(InvalidParameterException.class, () -> connect.startTaskContact(
                task().segmentAttributes(Map.of("connect:Subtype", tier)).build()));
        assertTrue(unsupported.getMessage().contains("connect:Subtype"), unsupported.getMessage());
    }

    @Test
    void aQueuedTaskTransferredToAnotherQueueStartsAChainWhoseAttributesAreShared() {
        String first = connect.startTaskContact(task().build()).contactId();
        await().atMost(Duration.ofSeconds(30)).until(() -> describe(first).queueInfo() != null);
        String transferFlow = connect.createContactFlow(create -> create.instanceId(INSTANCE).name("To the transfer's queue "
                + UUID.randomUUID()).type("CONTACT_FLOW").content("""
                {"Version": "2019-10-30", "StartAction": "transfer", "Actions": [
                  {"Identifier": "transfer", "Type": "TransferContactToQueue", "Parameters": {}, "Transitions": {}}]}""")
                ).contactFlowId();

        TransferContactResponse transferred = connect.transferContact(transfer -> transfer.instanceId(INSTANCE)
                .contactId(first).contactFlowId(transferFlow).queueId("escalations"));
        String second = transferred.contactId();
        assertTrue(transferred.contactArn().endsWith("/contact/" + second), transferred.contactArn());
        assertEquals("TRANSFERRED", describe(first).disconnectReason());
        Contact secondContact = await().atMost(Duration.ofSeconds(30)).until(() -> describe(second),
                contact -> contact.queueInfo() != null);
        assertEquals(ContactInitiationMethod.TRANSFER, secondContact.initiationMethod());
        assertEquals(first, secondContact.previousContactId());
        assertEquals(first, secondContact.initialContactId());
        assertEquals("escalations", secondContact.queueInfo().id());
        assertEquals("Call back customer", secondContact.name());
        // the same ClientToken gives the same transfer
        String token = UUID.randomUUID().toString();
        String third = connect.transferContact(transfer -> transfer.instanceId(INSTANCE).contactId(second)
                .contactFlowId(transferFlow).clientToken(token)).contactId();
        assertEquals(third, connect.transferContact(transfer -> transfer.instanceId(INSTANCE).contactId(second)
                .contactFlowId(transferFlow).clientToken(token)).contactId());
        assertEquals(first, describe(third).initialContactId());

        connect.updateContactAttributes(update -> update.instanceId(INSTANCE).initialContactId(third)
                .attributes(Map.of("status", "resolved")));
        assertEquals("resolved", connect.getContactAttributes(get -> get.instanceId(INSTANCE).initialContactId(first))
                .attributes().get("status"));
        assertEquals("resolved", describe(second).attributes().get("status"));
        assertEquals("42", describe(third).attributes().get("orderId"));

        InvalidRequestException ended = assertThrows(InvalidRequestException.class, () -> connect.transferContact(
                transfer -> transfer.instanceId(INSTANCE).contactId(first).contactFlowId(transferFlow)));
        assertTrue(ended.getMessage().contains("has ended"), ended.getMessage());
        IdempotencyException reused = assertThrows(IdempotencyException.class, () -> connect.transferContact(
                transfer -> transfer.instanceId(INSTANCE).contactId(second).contactFlowId(transferFlow).queueId("other")
                        .clientToken(token)));
        assertEquals(409, reused.statusCode());
        InvalidParameterException tooBig = assertThrows(InvalidParameterException.class, () -> connect.updateContactAttributes(
                update -> update.instanceId(INSTANCE).initialContactId(first).attributes(Map.of("big", "x".repeat(32_760)))));
        assertEquals(400, tooBig.statusCode());
        assertThrows(ResourceNotFoundException.class, () -> connect.getContactAttributes(
                get -> get.instanceId(INSTANCE).initialContactId("no-such-contact")));
    }
}
