package dev.connecttasks.config;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.json.Json;

/** A function's log: one JSON line per entry, through the Lambda logger (standard output without one). */
public final class FunctionLog {
    private FunctionLog() {
    }

    public static void log(Context context, ObjectNode line, LogLevel level) {
        String text = Json.write(line);
        LambdaLogger logger = context == null ? null : context.getLogger();
        if (logger == null) {
            System.out.println(text);
        } else {
            logger.log(text, level);
        }
    }
}
