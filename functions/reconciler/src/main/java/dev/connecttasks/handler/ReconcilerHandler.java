package dev.connecttasks.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.config.AwsClients;
import dev.connecttasks.config.FunctionLog;
import dev.connecttasks.config.Metrics;
import dev.connecttasks.config.Settings;
import dev.connecttasks.flow.FlowInterpreter;
import dev.connecttasks.json.Json;
import dev.connecttasks.operation.ExpireContact;
import dev.connecttasks.operation.Reconcile;
import dev.connecttasks.operation.StartFlow;
import dev.connecttasks.schedule.TaskSchedules;
import dev.connecttasks.store.ContactTable;
import dev.connecttasks.store.DueIndex;
import dev.connecttasks.store.FlowRuns;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Run once a minute by its EventBridge Scheduler rate schedule (the input is ignored): starts the
 * tasks whose start was due over a minute ago and did not happen, expires the open tasks whose expiry
 * passed as long ago, and reports how many as metrics.
 * No SnapStart priming: a priming run would start real tasks while the snapshot is taken, and a
 * once-a-minute function has no caller waiting on its cold start.
 */
public final class ReconcilerHandler implements RequestStreamHandler {
    private final Reconcile operation;

    public ReconcilerHandler() {
        this(Settings.fromEnvironment());
    }

    private ReconcilerHandler(Settings settings) {
        this(settings, AwsClients.dynamoDb(settings));
    }

    private ReconcilerHandler(Settings settings, DynamoDbClient dynamo) {
        this(new Reconcile(new DueIndex(dynamo, settings.tableName()),
                new StartFlow(new FlowRuns(dynamo, settings.tableName()), new FlowInterpreter(settings.arns()),
                        new TaskSchedules(AwsClients.scheduler(settings), settings.scheduleGroup(),
                                settings.flowRunnerArn(), settings.schedulerRoleArn(), settings.deadLetterQueueArn()),
                        Clock.systemUTC()),
                new ExpireContact(new ContactTable(dynamo, settings.tableName()), Clock.systemUTC()),
                Clock.systemUTC()));
    }

    public ReconcilerHandler(Reconcile operation) {
        this.operation = operation;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        Reconcile.Result result = operation.run();
        ObjectNode line = Json.object().put("operation", "Reconcile")
                .put("requestId", context == null ? null : context.getAwsRequestId())
                .put("found", result.found()).put("rescued", result.rescued()).put("expired", result.expired())
                .put("failed", result.failed());
        FunctionLog.log(context, line, result.failed() > 0 ? LogLevel.WARN : LogLevel.INFO);
        Metrics.emit("Reconciler", Map.of("TasksRescued", result.rescued(), "TasksExpired", result.expired(),
                "RescuesFailed", result.failed()));
        output.write(Json.write(line.without(List.of("operation", "requestId"))).getBytes(StandardCharsets.UTF_8));
    }
}
