package dev.connecttasks.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.connecttasks.error.ApiException;
import dev.connecttasks.json.Json;
import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.TestContext;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

class HttpApiTest {
    private final APIGatewayV2HTTPEvent event = ApiEvents.request("PUT", "/contact/task").build();
    private final TestContext context = new TestContext();

    private APIGatewayV2HTTPResponse respond(HttpApi.Operation operation) {
        return HttpApi.respond("StartTaskContact", event, context, operation);
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
        return Json.MAPPER.readTree(response.getBody());
    }

    @Test
    void successCarriesTheRequestIdOfTheGateway() throws Exception {
        APIGatewayV2HTTPResponse response = respond(request -> HttpApi.Response.json(Json.object().put("ContactId", "c")));
        assertEquals(200, response.getStatusCode());
        assertEquals(event.getRequestContext().getRequestId(), response.getHeaders().get("x-amzn-RequestId"));
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        assertNull(response.getHeaders().get("X-Amzn-ErrorType"));
        assertEquals("c", body(response).get("ContactId").asText());
    }

    @Test
    void anEmptyOutputIsAnEmptyObject() {
        assertEquals("{}", respond(request -> HttpApi.Response.empty()).getBody());
    }

    @Test
    void errorsUseTheConnectErrorShape() throws Exception {
        APIGatewayV2HTTPResponse response = respond(request -> {
            throw ApiException.notFound("Contact c was not found in instance i.");
        });
        assertEquals(404, response.getStatusCode());
        assertEquals("ResourceNotFoundException", response.getHeaders().get("X-Amzn-ErrorType"));
        assertEquals(event.getRequestContext().getRequestId(), response.getHeaders().get("x-amzn-RequestId"));
        assertEquals("{\"Message\":\"Contact c was not found in instance i.\"}", response.getBody());
    }

    @Test
    void quotaErrorsAre402() {
        APIGatewayV2HTTPResponse response = respond(request -> {
            throw ApiException.quotaExceeded("too many");
        });
        assertEquals(402, response.getStatusCode());
        assertEquals("ServiceQuotaExceededException", response.getHeaders().get("X-Amzn-ErrorType"));
    }

    @Test
    void aDownstreamThrottleIsAThrottlingException() throws Exception {
        APIGatewayV2HTTPResponse response = respond(request -> {
            throw ProvisionedThroughputExceededException.builder().statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build())
                    .build();
        });
        assertEquals(429, response.getStatusCode());
        assertEquals("ThrottlingException", response.getHeaders().get("X-Amzn-ErrorType"));
        assertTrue(body(response).get("Message").asText().contains("retry"));
    }

    @Test
    void anythingUnexpectedIsAGeneric500WithoutInternals() throws Exception {
        APIGatewayV2HTTPResponse response = respond(request -> {
            throw new IllegalStateException("secret table name contacts-prod at line 42");
        });
        assertEquals(500, response.getStatusCode());
        assertEquals("InternalServiceException", response.getHeaders().get("X-Amzn-ErrorType"));
        assertFalse(response.getBody().contains("secret"));
        APIGatewayV2HTTPResponse unreachable = respond(request -> {
            throw SdkClientException.create("Unable to execute HTTP request: Connection refused");
        });
        assertEquals(500, unreachable.getStatusCode());
        assertFalse(unreachable.getBody().contains("Connection"));
    }

    @Test
    void logsOneLineWithoutRequestData() throws Exception {
        APIGatewayV2HTTPEvent withData = ApiEvents.request("PUT", "/contact/task")
                .body("{\"Name\":\"Jane Doe's refund\"}").build();
        HttpApi.respond("StartTaskContact", withData, context, request -> {
            request.body();
            throw ApiException.invalidRequest("InstanceId is required.");
        });
        assertEquals(1, context.logLines().size());
        JsonNode line = Json.MAPPER.readTree(context.logLines().get(0));
        assertEquals("StartTaskContact", line.get("operation").asText());
        assertEquals(400, line.get("status").asInt());
        assertEquals("InvalidRequestException", line.get("errorType").asText());
        assertTrue(line.get("latencyMs").isNumber());
        assertFalse(context.logLines().get(0).contains("Jane"));
    }
}
