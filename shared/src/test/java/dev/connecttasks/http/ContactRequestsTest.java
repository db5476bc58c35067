package dev.connecttasks.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.connecttasks.contact.ContactChanges;
import dev.connecttasks.contact.Reference;
import dev.connecttasks.contact.ReferenceType;
import dev.connecttasks.contact.ScheduleChange;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.error.ApiException;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.testing.ApiEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactRequestsTest {

    private static ApiRequest put(String body) {
        return new ApiRequest(ApiEvents.request("PUT", "/contact/task").body(body).build());
    }

    private static ApiException failure(ErrorType type, Runnable parse) {
        ApiException e = assertThrows(ApiException.class, parse::run);
        assertEquals(type, e.type(), e.getMessage());
        return e;
    }

    @Test
    void readsEveryStartTaskContactMember() {
        TaskRequest task = ContactRequests.startTask(put("""
                {"InstanceId":"i-1","ContactFlowId":"f-1","Name":"Call back","Description":"d",
                 "Attributes":{"orderId":"42"},
                 "References":{"Order":{"Type":"URL","Value":"https://x.io/42"}},
                 "PreviousContactId":"p-1","RelatedContactId":"r-1","ClientToken":"t-1",
                 "ScheduledTime":1795694400.125,"SomeFutureMember":{"ignored":true}}"""));
        assertEquals(new TaskRequest("i-1", "f-1", "Call back", "d", Map.of("orderId", "42"),
                Map.of("Order", new Reference(ReferenceType.URL, "https://x.io/42")), "p-1", "r-1", "t-1",
                Instant.parse("2026-11-26T12:00:00.125Z")), task);
    }

    @Test
    void jsonNullReadsAsAbsent() {
        TaskRequest task = ContactRequests.startTask(put("""
                {"InstanceId":"i","ContactFlowId":"f","Name":"n","Description":null,"ScheduledTime":null}"""));
        assertNull(task.description());
        assertNull(task.scheduledTime());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"ContactFlowId\":\"f\",\"Name\":\"n\"}|InstanceId is required.",
        "{\"InstanceId\":\"i\",\"Name\":\"n\"}|ContactFlowId is required.",
        "{\"InstanceId\":\"i\",\"ContactFlowId\":\"f\"}|Name is required.",
        "{\"InstanceId\":7,\"ContactFlowId\":\"f\",\"Name\":\"n\"}|InstanceId must be a string.",
        "{\"InstanceId\":\"i\",\"ContactFlowId\":\"f\",\"Name\":\"n\",\"ScheduledTime\":\"1795694400\"}|ScheduledTime must be a number of seconds since the epoch.",
        "{\"InstanceId\":\"i\",\"ContactFlowId\":\"f\",\"Name\":\"n\",\"Attributes\":[]}|Attributes must be a JSON object.",
        "{\"InstanceId\":\"i\",\"ContactFlowId\":\"f\",\"Name\":\"n\",\"Attributes\":{\"a\":1}}|Attributes values must be strings.",
        "{\"InstanceId\":\"i\",\"ContactFlowId\":\"f\",\"Name\":\"n\",\"References\":{\"r\":\"x\"}}|References values must be objects with Type and Value.",
        "{\"InstanceId\":\"i\",\"ContactFlowId\":\"f\",\"Name\":\"n\",\"References\":{\"r\":{\"Type\":\"URL\"}}}|Value is required.",
        "{\"InstanceId\":\"i\",\"ContactFlowId\":\"f\",\"Name\":\"n\",\"References\":{\"r\":{\"Type\":\"LINK\",\"Value\":\"x\"}}}|References Type must be one of the ReferenceType values.",
        "[1,2]|The request body must be a JSON object.",
        "{\"InstanceId\":|The request body is not valid JSON.",
        "{\"InstanceId\":\"i\"} trailing|The request body is not valid JSON.",
        "{\"InstanceId\":\"i\",\"InstanceId\":\"j\",\"ContactFlowId\":\"f\",\"Name\":\"n\"}|The request body is not valid JSON.",
    })
    void malformedStartRequestsAreInvalidRequests(String body, String message) {
        assertEquals(message, failure(ErrorType.INVALID_REQUEST, () -> ContactRequests.startTask(put(body))).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"QuickConnectId", "Attachments"})
    void newerMembersWeDoNotImplementAreRejectedByName(String member) {
        String body = "{\"InstanceId\":\"i\",\"Name\":\"n\",\"" + member + "\":\"x\"}";
        ApiException e = failure(ErrorType.INVALID_PARAMETER, () -> ContactRequests.startTask(put(body)));
        assertEquals(member + " is not supported by this service; start tasks with ContactFlowId or TaskTemplateId.",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TaskTemplateId", "QuickConnectId"})
    void aSecondSourceOfTheFlowIsAnInvalidRequest(String member) {
        String body = "{\"InstanceId\":\"i\",\"ContactFlowId\":\"f\",\"Name\":\"n\",\"" + member + "\":\"x\"}";
        ApiException e = failure(ErrorType.INVALID_REQUEST, () -> ContactRequests.startTask(put(body)));
        assertEquals("Give only one of ContactFlowId, QuickConnectId and TaskTemplateId: each names the flow the task runs.",
                e.getMessage());
    }

    @Test
    void segmentAttributesKeepTheirValuesAndReadTheExpiry() {
        TaskRequest task = ContactRequests.startTask(put("""
                {"InstanceId":"i","ContactFlowId":"f","Name":"n","SegmentAttributes":{
                  "connect:ContactExpiry":{"ValueMap":{"ExpiryDuration":{"ValueInteger":90}}},
                  "crm:tier":{"ValueString":"gold"},
                  "crm:steps":{"ValueList":[{"ValueInteger":1},{"ValueArn":"arn:aws:x"}]}}}"""));
        assertEquals(90, task.segmentAttributes().expiryMinutes());
        assertEquals("{\"ValueString\":\"gold\"}", task.segmentAttributes().values().get("crm:tier"));
        assertEquals(3, task.segmentAttributes().values().size());
        ContactChanges changes = ContactRequests.contactChanges(new ApiRequest(ApiEvents.request("POST", "/contacts/i/c")
                .body("{\"SegmentAttributes\":{\"crm:tier\":{\"ValueString\":\"silver\"}}}").build()));
        assertNull(changes.segmentAttributes().expiryMinutes());
        assertEquals(false, changes.isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"connect:ContactExpiry\":{\"ValueMap\":{\"ExpiryDuration\":{\"ValueInteger\":0}}}}|INVALID_PARAMETER",
        "{\"connect:ContactExpiry\":{\"ValueMap\":{\"ExpiryDuration\":{\"ValueInteger\":129601}}}}|INVALID_PARAMETER",
        "{\"connect:ContactExpiry\":{\"ValueMap\":{\"ExpiryDuration\":{\"ValueString\":\"5\"}}}}|INVALID_PARAMETER",
        "{\"connect:ContactExpiry\":{\"ValueInteger\":5}}|INVALID_PARAMETER",
        "{\"connect:CreatedByUser\":{\"ValueString\":\"me\"}}|INVALID_PARAMETER",
        "{\"\":{\"ValueString\":\"x\"}}|INVALID_PARAMETER",
        "{\"k\":{\"ValueString\":\"x\",\"ValueInteger\":1}}|INVALID_REQUEST",
        "{\"k\":{\"ValueDouble\":1.5}}|INVALID_REQUEST",
        "{\"k\":{\"ValueInteger\":1.5}}|INVALID_REQUEST",
        "{\"k\":\"plain\"}|INVALID_REQUEST",
        "[1]|INVALID_REQUEST",
    })
    void badSegmentAttributesAreRefused(String segmentAttributes, ErrorType type) {
        String body = "{\"InstanceId\":\"i\",\"ContactFlowId\":\"f\",\"Name\":\"n\",\"SegmentAttributes\":"
                + segmentAttributes + "}";
        failure(type, () -> ContactRequests.startTask(put(body)));
    }

    @Test
    void deeplyNestedBodiesAreRejected() {
        String body = "{\"Attributes\":" + "[".repeat(2000) + "]".repeat(2000) + "}";
        failure(ErrorType.INVALID_REQUEST, () -> ContactRequests.startTask(put(body)));
    }

    @Test
    void bodiesOver256KiBAreRejectedBeforeParsing() {
        String body = "{\"Name\":\"" + "x".repeat(ApiRequest.MAX_BODY_BYTES) + "\"}";
        assertEquals("The request body must not exceed 262144 bytes.",
                failure(ErrorType.INVALID_REQUEST, () -> ContactRequests.startTask(put(body))).getMessage());
    }

    @Test
    void base64BodiesAreDecodedAndInvalidUtf8IsRejected() {
        byte[] json = "{\"InstanceId\":\"i\",\"ContactFlowId\":\"f\",\"Name\":\"n\"}".getBytes(StandardCharsets.UTF_8);
        APIGatewayV2HTTPEvent event = ApiEvents.request("PUT", "/contact/task").body("").build();
        event.setBody(Base64.getEncoder().encodeToString(json));
        event.setIsBase64Encoded(true);
        assertEquals("n", ContactRequests.startTask(new ApiRequest(event)).name());

        byte[] invalid = {'{', '"', 'N', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        event.setBody(Base64.getEncoder().encodeToString(invalid));
        failure(ErrorType.INVALID_REQUEST, () -> ContactRequests.startTask(new ApiRequest(event)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "multipart/form-data; boundary=x"})
    void nonJsonContentTypesAreRejected(String contentType) {
        APIGatewayV2HTTPEvent event = ApiEvents.request("PUT", "/contact/task")
                .body("{\"InstanceId\":\"i\",\"ContactFlowId\":\"f\",\"Name\":\"n\"}")
                .header("Content-Type", contentType)
                .build();
        assertEquals("Content-Type must be application/json.",
                failure(ErrorType.INVALID_REQUEST, () -> ContactRequests.startTask(new ApiRequest(event))).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "application/x-amz-json-1.1",
            "application/vnd.example+json"})
    void jsonContentTypesAreAccepted(String contentType) {
        APIGatewayV2HTTPEvent event = ApiEvents.request("PUT", "/contact/task")
                .body("{\"InstanceId\":\"i\",\"ContactFlowId\":\"f\",\"Name\":\"n\"}")
                .header("Content-Type", contentType)
                .build();
        assertEquals("i", ContactRequests.startTask(new ApiRequest(event)).instanceId());
    }

    @Test
    void anEmptyUpdateBodyReadsAsNoChanges() {
        APIGatewayV2HTTPEvent event = ApiEvents.request("POST", "/contacts/{InstanceId}/{ContactId}")
                .path("InstanceId", "i").path("ContactId", "c").build();
        ContactChanges changes = ContactRequests.contactChanges(new ApiRequest(event));
        assertEquals(new ContactChanges(null, null, Map.of()), changes);
    }

    @Test
    void readsAScheduleChange() {
        APIGatewayV2HTTPEvent event = ApiEvents.request("POST", "/contact/schedule")
                .body("{\"InstanceId\":\"i\",\"ContactId\":\"c\",\"ScheduledTime\":1795694400}").build();
        ScheduleChange change = ContactRequests.scheduleChange(new ApiRequest(event));
        assertEquals(Instant.parse("2026-11-26T12:00:00Z"), change.scheduledTime());
        assertEquals("c", change.key().contactId());
        APIGatewayV2HTTPEvent missing = ApiEvents.request("POST", "/contact/schedule")
                .body("{\"InstanceId\":\"i\",\"ContactId\":\"c\"}").build();
        assertEquals("ScheduledTime is required.", failure(ErrorType.INVALID_REQUEST,
                () -> ContactRequests.scheduleChange(new ApiRequest(missing))).getMessage());
    }

    private static ApiRequest list(String... types) {
        return new ApiRequest(ApiEvents.request("GET", "/contact/references/{InstanceId}/{ContactId}")
                .path("InstanceId", "i").path("ContactId", "c").query("referenceTypes", types).build());
    }

    @Test
    void referenceTypesAreRepeatedQueryKeys() {
        assertEquals(EnumSet.of(ReferenceType.URL, ReferenceType.ATTACHMENT),
                ContactRequests.referenceTypes(list("URL", "ATTACHMENT", "URL")));
        assertEquals("referenceTypes is required.",
                failure(ErrorType.INVALID_REQUEST, () -> ContactRequests.referenceTypes(list())).getMessage());
        failure(ErrorType.INVALID_REQUEST, () -> ContactRequests.referenceTypes(list("URL", "LINK")));
        failure(ErrorType.INVALID_REQUEST, () -> ContactRequests.referenceTypes(list("")));
        failure(ErrorType.INVALID_PARAMETER, () -> ContactRequests.referenceTypes(
                list("URL", "ATTACHMENT", "NUMBER", "STRING", "DATE", "EMAIL", "EMAIL_MESSAGE")));
    }
}
