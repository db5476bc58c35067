package dev.connecttasks.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.connecttasks.error.ApiException;
import dev.connecttasks.error.ErrorType;
import org.junit.jupiter.api.function.Executable;

/** Assertions on the Connect errors of a handler's response and of an operation. */
public final class ApiAssertions {
    private ApiAssertions() {
    }

    /** Status, {@code X-Amzn-ErrorType}, a request id, and a {@code Message} containing the given text. */
    public static void assertError(APIGatewayV2HTTPResponse response, int status, String errorType, String messagePart) {
        assertEquals(status, response.getStatusCode(), response.getBody());
        assertEquals(errorType, response.getHeaders().get("X-Amzn-ErrorType"), response.getBody());
        assertTrue(response.getHeaders().containsKey("x-amzn-RequestId"));
        assertTrue(response.getBody().startsWith("{\"Message\":\""), response.getBody());
        assertTrue(response.getBody().contains(messagePart), response.getBody());
    }

    /** The call fails with this Connect error type, and a message containing the given text. */
    public static ApiException assertApiError(ErrorType type, String messagePart, Executable call) {
        ApiException e = assertThrows(ApiException.class, call);
        assertEquals(type, e.type(), e.getMessage());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
        return e;
    }
}
