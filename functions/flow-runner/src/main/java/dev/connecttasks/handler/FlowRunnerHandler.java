package dev.connecttasks.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.config.AwsClients;
import dev.connecttasks.config.FunctionLog;
import dev.connecttasks.config.Metrics;
import dev.connecttasks.config.Priming;
import dev.connecttasks.config.Settings;
import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.flow.ExpiryMessage;
import dev.connecttasks.flow.FlowInterpreter;
import dev.connecttasks.flow.StartMessage;
import dev.connecttasks.json.Json;
import dev.connecttasks.operation.ExpireContact;
import dev.connecttasks.operation.StartFlow;
import dev.connecttasks.operation.StartOutcome;
import dev.connecttasks.operation.port.Change;
import dev.connecttasks.schedule.TaskSchedules;
import dev.connecttasks.store.ContactStreamRecords.ContactChange;
import dev.connecttasks.store.ContactStreamRecords;
import dev.connecttasks.store.ContactTable;
import dev.connecttasks.store.FlowRuns;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Starts task flows, and ends tasks whose expiry has come. Three inputs reach it: a scheduled task's
 * one-shot schedule (a {@link StartMessage}), an expiry's one-shot schedule (an {@link ExpiryMessage}),
 * and the table's stream, whose event source mapping passes it the new immediate tasks (a DynamoDB
 * event). A malformed start is logged and dropped (a retry could never
 * succeed); a downstream failure is thrown, or for a stream batch reported as the batch's first failed
 * item, so Scheduler or the mapping retries it, and the claim keeps a retry from starting a flow twice.
 */
public final class FlowRunnerHandler implements RequestStreamHandler {
    private static final String STARTED = "TasksStarted";
    private static final String SUPERSEDED = "TasksSuperseded";
    private static final String EXPIRED = "TasksExpired";
    private final StartFlow operation;
    private final ExpireContact expire;

    public FlowRunnerHandler() {
        this(Settings.fromEnvironment());
        // SnapStart: run the real start path once before the snapshot, for a contact that does not exist
        byte[] absent = new StartMessage(new ContactKey(Priming.ABSENT, Priming.ABSENT), Priming.ABSENT, null)
                .toJson().getBytes(StandardCharsets.UTF_8);
        Priming.register(() -> {
            try {
                handleRequest(new ByteArrayInputStream(absent), new ByteArrayOutputStream(), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private FlowRunnerHandler(Settings settings) {
        this(settings, AwsClients.dynamoDb(settings));
    }

    private FlowRunnerHandler(Settings settings, DynamoDbClient dynamo) {
        this(new StartFlow(new FlowRuns(dynamo, settings.tableName()), new FlowInterpreter(settings.arns()),
                        new TaskSchedules(AwsClients.scheduler(settings), settings.scheduleGroup(),
                                settings.flowRunnerArn(), settings.schedulerRoleArn(), settings.deadLetterQueueArn()),
                        Clock.systemUTC()),
                new ExpireContact(new ContactTable(dynamo, settings.tableName()), Clock.systemUTC()));
    }

    public FlowRunnerHandler(StartFlow operation, ExpireContact expire) {
        this.operation = operation;
        this.expire = expire;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event;
        StartMessage start = null;
        ExpiryMessage expiry = null;
        try {
            event = Json.MAPPER.readTree(input);
            if (ExpiryMessage.isExpiry(event)) {
                expiry = ExpiryMessage.fromJson(event);
            } else if (event == null || !event.has("Records")) {
                start = StartMessage.fromJson(event);
            }
        } catch (JacksonException | IllegalArgumentException e) {
            FunctionLog.log(context, line(context).put("outcome", "REJECTED_INPUT"), LogLevel.ERROR);
            return;
        }
        Map<String, Integer> counts = new TreeMap<>(Map.of(STARTED, 0, SUPERSEDED, 0, EXPIRED, 0));
        ObjectNode answer;
        if (expiry != null) {
            answer = Json.object().put("outcome", expire(expiry, context, counts));
        } else if (start != null) {
            answer = Json.object().put("outcome", start(start, context, counts));
        } else {
            answer = Json.object().set("batchItemFailures", startFromStream(event, context, counts));
        }
        Metrics.emit("FlowRunner", counts);
        output.write(Json.write(answer).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Starts the new immediate tasks of a stream batch, in order. At the first start that fails it stops
     * and reports that record: the mapping retries the batch from it, so order per contact holds.
     */
    private ArrayNode startFromStream(JsonNode event, Context context, Map<String, Integer> counts) {
        ArrayNode failures = Json.MAPPER.createArrayNode();
        for (ContactChange change : ContactStreamRecords.read(event)) {
            Contact task = change.after();
            if (!"INSERT".equals(change.eventName()) || task == null || task.flowStatus() != FlowStatus.PENDING) {
                continue;
            }
            try {
                start(new StartMessage(task.key(), task.contactFlowId(), null), context, counts);
            } catch (RuntimeException e) {
                FunctionLog.log(context, line(context).put("outcome", "FAILED")
                        .put("contactId", task.id()).put("error", e.toString()), LogLevel.ERROR);
                failures.addObject().put("itemIdentifier", change.sequenceNumber());
                break;
            }
        }
        return failures;
    }

    private String start(StartMessage start, Context context, Map<String, Integer> counts) {
        ObjectNode line = line(context).put("instanceId", start.key().instanceId()).put("contactId", start.key().contactId());
        StartOutcome claim;
        try {
            claim = operation.run(start);
        } catch (StartFlow.NotYet tooSoon) {
            FunctionLog.log(context, line.put("outcome", "NOT_YET"), LogLevel.WARN);
            throw tooSoon;
        }
        String outcome = claim.claimed() ? "STARTED" : claim.refusal().name();
        if (claim.claimed()) {
            counts.merge(STARTED, 1, Integer::sum);
        } else if (claim.refusal() == StartOutcome.Refusal.SUPERSEDED) {
            counts.merge(SUPERSEDED, 1, Integer::sum);
        }
        line.put("outcome", outcome);
        if (claim.claimed()) {
            line.put("end", claim.run().end().name()).put("steps", claim.run().steps());
        }
        FunctionLog.log(context, line, LogLevel.INFO);
        return outcome;
    }

    private String expire(ExpiryMessage expiry, Context context, Map<String, Integer> counts) {
        ObjectNode line = Json.object().put("operation", "ExpireContact")
                .put("requestId", context == null ? null : context.getAwsRequestId())
                .put("instanceId", expiry.key().instanceId()).put("contactId", expiry.key().contactId());
        Change change;
        try {
            change = expire.run(expiry);
        } catch (StartFlow.NotYet tooSoon) {
            FunctionLog.log(context, line.put("outcome", "NOT_YET"), LogLevel.WARN);
            throw tooSoon;
        }
        String outcome = change == Change.DONE ? "EXPIRED" : change.name();
        if (change == Change.DONE) {
            counts.merge(EXPIRED, 1, Integer::sum);
        }
        FunctionLog.log(context, line.put("outcome", outcome), LogLevel.INFO);
        return outcome;
    }

    private static ObjectNode line(Context context) {
        return Json.object().put("operation", "StartFlow").put("requestId", context == null ? null : context.getAwsRequestId());
    }
}
