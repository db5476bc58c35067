package dev.connecttasks.handler;

import static dev.connecttasks.testing.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.flow.StartMessage;
import dev.connecttasks.json.Json;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.operation.StartOutcome;
import dev.connecttasks.schedule.TaskSchedules;
import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.TestBackend;
import dev.connecttasks.testing.TestContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ServiceQuotaExceededException;

class UpdateContactScheduleHandlerIT {
    private static final String INSTANCE = DemoInstance.INSTANCE_ID;
    private static final String FLOW = DemoInstance.FLOW_ID;
    private TestBackend backend;
    private UpdateContactScheduleHandler handler;
    private final Instant inOneHour = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void wire() {
        backend = TestBackend.create();
        handler = new UpdateContactScheduleHandler(backend.updateContactSchedule());
    }

    private String start(Instant scheduledTime) {
        return backend.startTaskContact().start(new TaskRequest(INSTANCE, FLOW, "Call back", null, Map.of(),
                Map.of(), null, null, null, scheduledTime));
    }

    private APIGatewayV2HTTPResponse reschedule(String instanceId, String contactId, Object scheduledTime) {
        ObjectNode body = Json.object().put("InstanceId", instanceId).put("ContactId", contactId);
        body.putPOJO("ScheduledTime", scheduledTime);
        return handler.handleRequest(ApiEvents.request("POST", "/contact/schedule").body(Json.write(body)).build(),
                new TestContext());
    }

    @Test
    void movesTheContactAndItsScheduleTogether() {
        String contactId = start(inOneHour);
        ContactKey key = new ContactKey(INSTANCE, contactId);
        Instant later = inOneHour.plus(Duration.ofMinutes(30));
        backend.calls.clear();
        APIGatewayV2HTTPResponse response = reschedule(INSTANCE, contactId, Json.epochSeconds(later));
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals(List.of("CreateSchedule", "UpdateItem"), backend.calls.operations());

        assertEquals(later, backend.table.find(key, Instant.now()).orElseThrow().scheduledAt());
        GetScheduleResponse schedule = backend.schedule(key, later);
        assertEquals(TaskSchedules.expression(later), schedule.scheduleExpression());
        // a reschedule does not read the contact, so its schedule does not name the flow
        assertEquals(new StartMessage(key, null, later).toJson(), schedule.target().input());
        // the schedule for the old time fires into a no-op, and the new one starts the flow
        assertEquals(StartOutcome.Refusal.SUPERSEDED,
                backend.runFlowWhenDue().run(new StartMessage(key, FLOW, inOneHour)).refusal());
        assertTrue(backend.runFlowWhenDue().run(new StartMessage(key, FLOW, later)).claimed());
    }

    @Test
    void theSampleEventMovesItsContact() {
        String contactId = start(inOneHour);
        APIGatewayV2HTTPEvent event = ApiEvents.load("update-contact-schedule.json");
        ObjectNode body = (ObjectNode) Json.MAPPER.valueToTree(Map.of("InstanceId", INSTANCE, "ContactId", contactId));
        body.put("ScheduledTime", Json.epochSeconds(inOneHour.plusSeconds(600)));
        event.setBody(Json.write(body));
        assertEquals(200, handler.handleRequest(event, new TestContext()).getStatusCode());
    }

    @Test
    void malformedRequestsAreInvalidRequests() {
        String contactId = start(inOneHour);
        assertError(reschedule(INSTANCE, contactId, "tomorrow"), 400, "InvalidRequestException", "ScheduledTime must be a number");
        APIGatewayV2HTTPResponse missing = handler.handleRequest(ApiEvents.request("POST", "/contact/schedule")
                .body("{\"InstanceId\":\"" + INSTANCE + "\",\"ContactId\":\"" + contactId + "\"}").build(), new TestContext());
        assertError(missing, 400, "InvalidRequestException", "ScheduledTime is required");
    }

    @Test
    void aScheduleQuotaIsALimitExceededException() {
        String contactId = start(inOneHour);
        backend.calls.fail("CreateSchedule", 100, () -> ServiceQuotaExceededException.builder().statusCode(402)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ServiceQuotaExceededException").build()).build());
        try {
            assertError(reschedule(INSTANCE, contactId, Json.epochSeconds(inOneHour.plusSeconds(60))), 429,
                    "LimitExceededException", "quota");
        } finally {
            backend.calls.clear();
        }
        assertEquals(inOneHour, backend.table.find(new ContactKey(INSTANCE, contactId), Instant.now()).orElseThrow().scheduledAt());
    }
}
