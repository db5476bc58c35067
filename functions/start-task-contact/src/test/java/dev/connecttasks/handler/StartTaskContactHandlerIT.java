package dev.connecttasks.handler;

import static dev.connecttasks.testing.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.Reference;
import dev.connecttasks.contact.ReferenceType;
import dev.connecttasks.flow.StartMessage;
import dev.connecttasks.json.Json;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.schedule.TaskSchedules;
import dev.connecttasks.store.ContactStreamRecords.ContactChange;
import dev.connecttasks.store.ContactStreamRecords;
import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.TestBackend;
import dev.connecttasks.testing.TestContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;

class StartTaskContactHandlerIT {
    private static final String INSTANCE = DemoInstance.INSTANCE_ID;
    private static final String FLOW = DemoInstance.FLOW_ID;
    private TestBackend backend;
    private StartTaskContactHandler handler;

    @BeforeEach
    void wire() {
        backend = TestBackend.create();
        handler = new StartTaskContactHandler(backend.startTaskContact());
    }

    private APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new TestContext());
    }

    private APIGatewayV2HTTPResponse send(ObjectNode body) {
        return send(ApiEvents.request("PUT", "/contact/task").body(Json.write(body)).build());
    }

    private static ObjectNode task() {
        ObjectNode body = Json.object()
                .put("InstanceId", INSTANCE)
                .put("ContactFlowId", FLOW)
                .put("Name", "Call back customer")
                .put("Description", "Re: order 42")
                .put("ClientToken", UUID.randomUUID().toString());
        body.putObject("Attributes").put("orderId", "42");
        body.putObject("References").putObject("Order").put("Type", "URL").put("Value", "https://crm.example.com/orders/42");
        return body;
    }

    private static String contactId(APIGatewayV2HTTPResponse response) throws Exception {
        assertEquals(200, response.getStatusCode(), response.getBody());
        return Json.MAPPER.readTree(response.getBody()).get("ContactId").asText();
    }

    private Contact stored(String contactId) {
        return backend.table.find(new ContactKey(INSTANCE, contactId), Instant.now()).orElseThrow();
    }

    @Test
    void theSampleEventStartsATaskNowInOneTransactionThatTheStreamCarriesToTheFlowRunner() throws Exception {
        String contactId = contactId(send(ApiEvents.load("start-task-contact.json")));
        assertEquals(List.of("TransactWriteItems"), backend.calls.operations());
        Contact contact = stored(contactId);
        assertEquals(FlowStatus.PENDING, contact.flowStatus());
        assertEquals("Call back customer", contact.name());
        assertEquals(Map.of("orderId", "42"), contact.attributes());
        assertEquals(Map.of("Order", new Reference(ReferenceType.URL, "https://crm.example.com/orders/42")),
                contact.references());
        assertNull(contact.scheduledAt());
        assertEquals(List.of(), backend.scheduleNames());

        // the stream carries the new contact, whole, and nothing else of the request (not its token)
        List<ContactChange> changes = ContactStreamRecords.read(Json.MAPPER.readTree(backend.streamEvent()));
        assertEquals(List.of(new ContactChange(changes.get(0).sequenceNumber(), "INSERT", null, contact)), changes);
    }

    @Test
    void aScheduledTaskGetsAOneShotSchedule() throws Exception {
        Instant at = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS).plusMillis(250);
        ObjectNode body = task().put("ScheduledTime", Json.epochSeconds(at));
        String contactId = contactId(send(body));
        assertEquals(List.of("CreateSchedule", "TransactWriteItems"), backend.calls.operations());
        ContactKey key = new ContactKey(INSTANCE, contactId);
        Contact contact = stored(contactId);
        assertEquals(FlowStatus.SCHEDULED, contact.flowStatus());
        assertEquals(at, contact.scheduledAt());

        GetScheduleResponse schedule = backend.schedule(key, at);
        assertEquals(TaskSchedules.expression(at), schedule.scheduleExpression());
        assertEquals(backend.settings.flowRunnerArn(), schedule.target().arn());
        assertEquals(backend.settings.schedulerRoleArn(), schedule.target().roleArn());
        assertEquals(backend.settings.scheduleGroup(), schedule.groupName());
        assertEquals(ActionAfterCompletion.DELETE, schedule.actionAfterCompletion());
        assertEquals(new StartMessage(key, FLOW, at).toJson(), schedule.target().input());
    }

    @Test
    void aScheduleQuotaIsAServiceQuotaExceededExceptionAndWritesNothing() {
        Instant at = Instant.now().plus(Duration.ofHours(2));
        backend.calls.fail("CreateSchedule", 100, () -> software.amazon.awssdk.services.scheduler.model
                .ServiceQuotaExceededException.builder().statusCode(402)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ServiceQuotaExceededException").build()).build());
        try {
            assertError(send(task().put("ScheduledTime", Json.epochSeconds(at))), 402, "ServiceQuotaExceededException", "quota");
        } finally {
            backend.calls.clear();
        }
        assertEquals(List.of(), backend.contactItems());
        assertEquals(List.of(), backend.scheduleNames());
    }

    @Test
    void theScheduledSampleEventIsAValidRequestOnceItsTimeIsInTheFuture() throws Exception {
        ObjectNode body = (ObjectNode) Json.MAPPER.readTree(ApiEvents.load("start-task-contact-scheduled.json").getBody());
        Instant at = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        body.put("ScheduledTime", Json.epochSeconds(at));
        APIGatewayV2HTTPEvent event = ApiEvents.load("start-task-contact-scheduled.json");
        event.setBody(Json.write(body));
        String contactId = contactId(send(event));
        assertEquals(at, stored(contactId).scheduledAt());
    }

    @Test
    void aRetryWithTheSameClientTokenReturnsTheSameContactAndCreatesNothing() throws Exception {
        ObjectNode body = task().put("ScheduledTime", Json.epochSeconds(Instant.now().plus(Duration.ofHours(1))));
        String first = contactId(send(body));
        String second = contactId(send(body));
        assertEquals(first, second);
        assertEquals(1, backend.contactItems().size());
        assertEquals(1, backend.scheduleNames().size());
    }

    @Test
    void concurrentDuplicatesResolveToOneContact() throws Exception {
        ObjectNode body = task().put("ScheduledTime", Json.epochSeconds(Instant.now().plus(Duration.ofHours(1))));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(() -> contactId(send(body.deepCopy())));
            }
            Set<String> ids = new HashSet<>();
            for (Future<String> result : pool.invokeAll(calls)) {
                ids.add(result.get());
            }
            assertEquals(1, ids.size());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, backend.contactItems().size());
        assertEquals(1, backend.scheduleNames().size());
    }

    @Test
    void missingOrMalformedMembersAreInvalidRequests() throws Exception {
        ObjectNode noName = task();
        noName.remove("Name");
        assertError(send(noName), 400, "InvalidRequestException", "Name is required");
        assertError(send(ApiEvents.request("PUT", "/contact/task").body("{not json").build()), 400,
                "InvalidRequestException", "not valid JSON");
        assertError(send(task().put("TaskTemplateId", "template-1")), 400, "InvalidRequestException",
                "Give only one of ContactFlowId, QuickConnectId and TaskTemplateId");
        assertEquals(0, backend.contactItems().size());
    }

    @Test
    void brokenRulesAreInvalidParameters() throws Exception {
        assertError(send(task().put("ScheduledTime", Instant.now().minusSeconds(60).getEpochSecond())), 400,
                "InvalidParameterException", "ScheduledTime must not be in the past");
        assertError(send(task().put("ScheduledTime", Instant.now().plus(Duration.ofDays(7)).getEpochSecond())), 400,
                "InvalidParameterException", "6 days");
        assertError(send(task().put("Attachments", "file")), 400, "InvalidParameterException", "Attachments is not supported");
        ObjectNode badKey = task();
        badKey.putObject("Attributes").put("order id", "42");
        assertError(send(badKey), 400, "InvalidParameterException", "Attributes key 'order id'");
        assertEquals(0, backend.contactItems().size());
        assertEquals(List.of(), backend.scheduleNames());
    }

    @Test
    void whenTheScheduleCannotBeCreatedNothingIsWritten() throws Exception {
        backend.calls.fail("CreateSchedule", 100, () -> SdkClientException.create("connection reset"));
        assertError(send(task().put("ScheduledTime", Instant.now().plus(Duration.ofHours(1)).getEpochSecond())), 500,
                "InternalServiceException", "Request processing failed");
        assertEquals(0, backend.contactItems().size());
    }
}
