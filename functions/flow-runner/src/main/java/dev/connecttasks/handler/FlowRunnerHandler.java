package dev.connecttasks.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.config.AwsClients;
import dev.connecttasks.config.FunctionLog;
import dev.connecttasks.config.Priming;
import dev.connecttasks.config.Settings;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.flow.FlowInterpreter;
import dev.connecttasks.flow.StartMessage;
import dev.connecttasks.json.Json;
import dev.connecttasks.operation.StartFlow;
import dev.connecttasks.operation.StartOutcome;
import dev.connecttasks.store.FlowRuns;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Invoked by a task's one-shot schedule, or asynchronously by StartTaskContact. A malformed input is
 * logged and dropped (a retry could never succeed); a downstream failure is thrown, so Lambda and
 * Scheduler retry it, and the claim keeps the retry from starting the flow twice.
 */
public final class FlowRunnerHandler implements RequestStreamHandler {
    private final StartFlow operation;

    public FlowRunnerHandler() {
        this(Settings.fromEnvironment());
        // SnapStart: run the real start path once before the snapshot, for a contact that does not exist
        String absent = new StartMessage(new ContactKey(Priming.ABSENT, Priming.ABSENT), Priming.ABSENT, null)
                .toJson();
        Priming.register(() -> {
            try {
                handleRequest(new java.io.ByteArrayInputStream(absent.getBytes(StandardCharsets.UTF_8)),
                        new ByteArrayOutputStream(), null);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private FlowRunnerHandler(Settings settings) {
        this(new StartFlow(new FlowRuns(AwsClients.dynamoDb(settings), settings.tableName()),
                new FlowInterpreter(settings.arns()), Clock.systemUTC()));
    }

    public FlowRunnerHandler(StartFlow operation) {
        this.operation = operation;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ObjectNode line = Json.object().put("operation", "StartFlow")
                .put("requestId", context == null ? null : context.getAwsRequestId());
        StartMessage start;
        try {
            start = StartMessage.fromJson(input);
        } catch (JacksonException | IllegalArgumentException e) {
            FunctionLog.log(context, line.put("outcome", "REJECTED_INPUT"), LogLevel.ERROR);
            return;
        }
        line.put("instanceId", start.key().instanceId()).put("contactId", start.key().contactId());
        StartOutcome claim = operation.run(start);
        String outcome = claim.claimed() ? "STARTED" : claim.refusal().name();
        line.put("outcome", outcome);
        if (claim.claimed()) {
            line.put("end", claim.run().end().name()).put("steps", claim.run().steps());
        }
        FunctionLog.log(context, line, LogLevel.INFO);
        output.write(Json.write(Json.object().put("outcome", outcome)).getBytes(StandardCharsets.UTF_8));
    }
}
