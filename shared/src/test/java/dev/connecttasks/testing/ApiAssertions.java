package dev.connecttasks.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/** Assertions on the Connect error shape of a handler's response. */
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
}
