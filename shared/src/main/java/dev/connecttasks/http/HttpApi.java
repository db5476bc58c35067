package dev.connecttasks.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.error.ApiException;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.json.Json;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs one API operation for an HTTP API event: every answer carries {@code x-amzn-RequestId};
 * failures become the Connect error shape ({@code X-Amzn-ErrorType} and {@code {"Message"}}); one
 * structured log line per request records operation, request id, status and latency, never data.
 */
public final class HttpApi {

    /** The operation itself: reads the request, calls its use case, renders the answer. */
    @FunctionalInterface
    public interface Operation {
        Response handle(ApiRequest request);
    }

    /** A successful answer: a JSON body, or none. */
    public record Response(ObjectNode body) {
        public static Response json(ObjectNode body) {
            return new Response(body);
        }

        public static Response empty() {
            return new Response(null);
        }
    }

    private HttpApi() {
    }

    public static APIGatewayV2HTTPResponse respond(
            String operationName, APIGatewayV2HTTPEvent event, Context context, Operation operation) {
        long started = System.nanoTime();
        String requestId = requestId(event, context);
        APIGatewayV2HTTPResponse response;
        ErrorType error = null;
        Throwable unexpected = null;
        try {
            Response result = operation.handle(new ApiRequest(event));
            response = answer(200, result.body() == null ? "{}" : Json.write(result.body()), requestId, null);
        } catch (ApiException e) {
            error = e.type();
            response = error(e, requestId);
        } catch (SdkException e) {
            error = Downstream.classify(e);
            unexpected = e;
            response = error(error, Downstream.message(error), requestId);
        } catch (RuntimeException e) {
            error = ErrorType.INTERNAL;
            unexpected = e;
            response = error(error, Downstream.message(error), requestId);
        }
        RequestLog.write(context, operationName, requestId, response.getStatusCode(), error, unexpected,
                (System.nanoTime() - started) / 1_000_000.0);
        return response;
    }

    public static APIGatewayV2HTTPResponse error(ErrorType type, String message, String requestId) {
        return error(new ApiException(type, message), requestId);
    }

    /**
     * {@code {"Message"}}; for an invalid flow also the model's {@code {"problems":[{"message"}]}}, for a
     * property validation failure its {@code {"PropertyList":[{"PropertyPath","Reason","Message"}]}}.
     */
    private static APIGatewayV2HTTPResponse error(ApiException e, String requestId) {
        ObjectNode body = Json.object().put("Message", e.getMessage());
        if (!e.problems().isEmpty()) {
            ArrayNode problems = body.putArray("problems");
            e.problems().forEach(problem -> problems.addObject().put("message", problem));
        }
        if (!e.propertyList().isEmpty()) {
            ArrayNode properties = body.putArray("PropertyList");
            e.propertyList().forEach(problem -> properties.addObject()
                    .put("PropertyPath", problem.propertyPath())
                    .put("Reason", problem.reason().name())
                    .put("Message", problem.message()));
        }
        return answer(e.type().status(), Json.write(body), requestId, e.type().shapeName());
    }

    private static APIGatewayV2HTTPResponse answer(int status, String body, String requestId, String errorType) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("x-amzn-RequestId", requestId);
        if (errorType != null) {
            headers.put("X-Amzn-ErrorType", errorType);
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    private static String requestId(APIGatewayV2HTTPEvent event, Context context) {
        if (event.getRequestContext() != null && event.getRequestContext().getRequestId() != null) {
            return event.getRequestContext().getRequestId();
        }
        if (context != null && context.getAwsRequestId() != null) {
            return context.getAwsRequestId();
        }
        return UUID.randomUUID().toString();
    }
}
