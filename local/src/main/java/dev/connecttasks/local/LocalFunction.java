package dev.connecttasks.local;

import dev.connecttasks.json.Json;
import java.nio.charset.StandardCharsets;

/** A function of the template as the local runtime runs it: a JSON payload in, an outcome out. */
public interface LocalFunction {

    Outcome invoke(byte[] payload);

    /** What an invocation ends with, as Lambda reports it to the caller. */
    sealed interface Outcome {
    }

    /** The function's output. */
    record Response(byte[] payload) implements Outcome {
    }

    /**
     * The function threw, or its environment failed, timed out or exited: Lambda's error document
     * ({@code errorType}, {@code errorMessage}, and a {@code stackTrace} when the function threw).
     */
    record Failure(byte[] errorDocument) implements Outcome {

        /** An error Lambda itself reports, for an environment that failed rather than a function that threw. */
        static Failure of(String errorType, String requestId, String message) {
            String document = Json.write(Json.object().put("errorType", errorType)
                    .put("errorMessage", "RequestId: " + requestId + " Error: " + message));
            return new Failure(document.getBytes(StandardCharsets.UTF_8));
        }
    }
}
