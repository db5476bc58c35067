package dev.connecttasks.handler;

import static dev.connecttasks.testing.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.connecttasks.contact.Reference;
import dev.connecttasks.contact.ReferenceType;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.TestBackend;
import dev.connecttasks.testing.TestContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

class ListContactReferencesHandlerIT {
    private static final String INSTANCE = DemoInstance.INSTANCE_ID;
    private static final String FLOW = DemoInstance.FLOW_ID;
    private static TestBackend backend;
    private static ListContactReferencesHandler handler;
    private static String contactId;

    @BeforeAll
    static void wire() {
        backend = TestBackend.create();
        handler = new ListContactReferencesHandler(backend.listContactReferences());
        contactId = backend.startTaskContact().start(new TaskRequest(INSTANCE, FLOW, "Call back", null, Map.of(),
                Map.of("Order", new Reference(ReferenceType.URL, "https://crm.example.com/orders/42"),
                        "Amount", new Reference(ReferenceType.NUMBER, "19.99"),
                        "Owner", new Reference(ReferenceType.EMAIL, "agent@example.com")),
                null, null, null, null));
    }

    private static APIGatewayV2HTTPResponse list(String instanceId, String id, String... types) {
        APIGatewayV2HTTPEvent event = ApiEvents.request("GET", "/contact/references/{InstanceId}/{ContactId}")
                .path("InstanceId", instanceId).path("ContactId", id).query("referenceTypes", types).build();
        return handler.handleRequest(event, new TestContext());
    }


    @Test
    void listsTheReferencesOfTheRequestedTypesInOneRead() {
        backend.calls.clear();
        APIGatewayV2HTTPResponse response = list(INSTANCE, contactId, "URL", "EMAIL");
        assertEquals(200, response.getStatusCode(), response.getBody());
        // sorted by name, each element a single union member
        assertEquals("{\"ReferenceSummaryList\":[{\"Url\":{\"Name\":\"Order\",\"Value\":\"https://crm.example.com/orders/42\"}},"
                + "{\"Email\":{\"Name\":\"Owner\",\"Value\":\"agent@example.com\"}}]}", response.getBody());
        assertEquals(List.of("GetItem"), backend.calls.operations());
    }

    @Test
    void typesWithoutReferencesGiveAnEmptyList() {
        APIGatewayV2HTTPResponse response = list(INSTANCE, contactId, "ATTACHMENT");
        assertEquals("{\"ReferenceSummaryList\":[]}", response.getBody());
    }

    @Test
    void theSampleEventAsksForUrlAndAttachmentReferences() {
        APIGatewayV2HTTPEvent event = ApiEvents.load("list-contact-references.json");
        event.getPathParameters().put("ContactId", contactId);
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new TestContext());
        assertEquals("{\"ReferenceSummaryList\":[{\"Url\":{\"Name\":\"Order\","
                + "\"Value\":\"https://crm.example.com/orders/42\"}}]}", response.getBody());
    }

    @Test
    void aClientNextTokenIsIgnoredAndNoneIsReturned() {
        APIGatewayV2HTTPEvent event = ApiEvents.request("GET", "/contact/references/{InstanceId}/{ContactId}")
                .path("InstanceId", INSTANCE).path("ContactId", contactId)
                .query("referenceTypes", "NUMBER").query("nextToken", "abc").build();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new TestContext());
        assertEquals("{\"ReferenceSummaryList\":[{\"Number\":{\"Name\":\"Amount\",\"Value\":\"19.99\"}}]}",
                response.getBody());
    }

    @Test
    void missingOrUnknownTypesAreInvalidRequests() {
        assertError(list(INSTANCE, contactId), 400, "InvalidRequestException", "referenceTypes is required.");
        assertError(list(INSTANCE, contactId, "URL", "LINK"), 400, "InvalidRequestException", "ReferenceType values");
    }

    @Test
    void moreThanSixTypesIsAnInvalidParameter() {
        assertError(list(INSTANCE, contactId, "URL", "ATTACHMENT", "NUMBER", "STRING", "DATE", "EMAIL", "EMAIL_MESSAGE"),
                400, "InvalidParameterException", "between 1 and 6 values");
    }

    @Test
    void unknownContactsAndOtherInstancesAreNotFound() {
        assertError(list(INSTANCE, "no-such-contact", "URL"), 404, "ResourceNotFoundException", "no-such-contact");
        assertError(list("another-instance", contactId, "URL"), 404, "ResourceNotFoundException", "another-instance");
    }

    @Test
    void aPersistentThrottleIsAThrottlingException() {
        backend.calls.fail("GetItem", 100, () -> ProvisionedThroughputExceededException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build()).build());
        try {
            assertError(list(INSTANCE, contactId, "URL"), 429, "ThrottlingException", "retry");
        } finally {
            backend.calls.clear();
        }
    }
}
