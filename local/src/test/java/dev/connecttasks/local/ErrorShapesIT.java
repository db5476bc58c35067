package dev.connecttasks.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.connecttasks.error.ApiException;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.http.HttpApi;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ConnectException;
import software.amazon.awssdk.services.connect.model.ContactFlowNotPublishedException;
import software.amazon.awssdk.services.connect.model.ContactNotFoundException;
import software.amazon.awssdk.services.connect.model.DuplicateResourceException;
import software.amazon.awssdk.services.connect.model.IdempotencyException;
import software.amazon.awssdk.services.connect.model.InternalServiceException;
import software.amazon.awssdk.services.connect.model.InvalidContactFlowException;
import software.amazon.awssdk.services.connect.model.InvalidParameterException;
import software.amazon.awssdk.services.connect.model.InvalidRequestException;
import software.amazon.awssdk.services.connect.model.LimitExceededException;
import software.amazon.awssdk.services.connect.model.PropertyValidationException;
import software.amazon.awssdk.services.connect.model.ResourceNotFoundException;
import software.amazon.awssdk.services.connect.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.connect.model.ThrottlingException;

/**
 * Every error shape the service answers with, through the gateway and the shared wire format, reaches
 * the AWS SDK as its modeled exception with its message. A stand-in function throws each one, since
 * throttles and internal failures cannot be provoked on demand in the real ones.
 */
class ErrorShapesIT {
    private static final Map<ErrorType, Class<? extends ConnectException>> SDK_TYPES = Map.ofEntries(
            Map.entry(ErrorType.INVALID_REQUEST, InvalidRequestException.class),
            Map.entry(ErrorType.INVALID_PARAMETER, InvalidParameterException.class),
            Map.entry(ErrorType.RESOURCE_NOT_FOUND, ResourceNotFoundException.class),
            Map.entry(ErrorType.CONTACT_FLOW_NOT_PUBLISHED, ContactFlowNotPublishedException.class),
            Map.entry(ErrorType.INVALID_CONTACT_FLOW, InvalidContactFlowException.class),
            Map.entry(ErrorType.PROPERTY_VALIDATION, PropertyValidationException.class),
            Map.entry(ErrorType.DUPLICATE_RESOURCE, DuplicateResourceException.class),
            Map.entry(ErrorType.SERVICE_QUOTA_EXCEEDED, ServiceQuotaExceededException.class),
            Map.entry(ErrorType.THROTTLING, ThrottlingException.class),
            Map.entry(ErrorType.LIMIT_EXCEEDED, LimitExceededException.class),
            Map.entry(ErrorType.INTERNAL, InternalServiceException.class),
            Map.entry(ErrorType.CONTACT_NOT_FOUND, ContactNotFoundException.class),
            Map.entry(ErrorType.IDEMPOTENCY, IdempotencyException.class));

    private static HttpGateway gateway;
    private static ConnectClient connect;

    /** Answers UpdateContact with the error named by the InstanceId label. */
    public static final class FailingHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            return HttpApi.respond("UpdateContact", event, context, request -> {
                throw new ApiException(ErrorType.valueOf(event.getPathParameters().get("InstanceId")),
                        "failure for " + event.getPathParameters().get("ContactId"));
            });
        }
    }

    @BeforeAll
    static void start() throws Exception {
        gateway = new HttpGateway(0, List.of(new Route("POST", "/contacts/{InstanceId}/{ContactId}", "Failing")),
                Map.of("Failing", new InProcessFunction(new FailingHandler())), Clock.systemUTC());
        connect = RunningBackend.connectClient("http://127.0.0.1:" + gateway.port(), false);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @ParameterizedTest
    @EnumSource(ErrorType.class)
    void eachErrorShapeIsItsSdkException(ErrorType type) {
        ConnectException e = assertThrows(SDK_TYPES.get(type),
                () -> connect.updateContact(update -> update.instanceId(type.name()).contactId("c-1").name("n")));
        assertEquals(type.status(), e.statusCode());
        assertEquals(type.shapeName(), e.awsErrorDetails().errorCode());
        assertEquals("failure for c-1", e.awsErrorDetails().errorMessage());
    }
}
