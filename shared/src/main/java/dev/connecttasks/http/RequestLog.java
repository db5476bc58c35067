package dev.connecttasks.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.config.FunctionLog;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.json.Json;

/**
 * One JSON line per request. It carries only what operators need (operation, request id, status,
 * latency, error class) and never request data: attributes, names, descriptions and references can
 * hold customer data.
 */
final class RequestLog {
    private RequestLog() {
    }

    static void write(Context context, String operation, String requestId, int status, ErrorType error,
            Throwable unexpected, double latencyMillis) {
        ObjectNode line = Json.object()
                .put("operation", operation)
                .put("requestId", requestId)
                .put("status", status)
                .put("latencyMs", Math.round(latencyMillis * 100) / 100.0);
        if (error != null) {
            line.put("errorType", error.shapeName());
        }
        if (unexpected != null) {
            line.put("exception", unexpected.getClass().getName());
        }
        FunctionLog.log(context, line, status >= 500 ? LogLevel.ERROR : LogLevel.INFO);
    }
}
