package dev.connecttasks.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.config.AwsClients;
import dev.connecttasks.config.FunctionLog;
import dev.connecttasks.config.Metrics;
import dev.connecttasks.config.Priming;
import dev.connecttasks.config.Settings;
import dev.connecttasks.event.ContactEvent;
import dev.connecttasks.event.ContactEventJson;
import dev.connecttasks.event.ContactEvents;
import dev.connecttasks.eventbus.EventBridgeBus;
import dev.connecttasks.json.Json;
import dev.connecttasks.operation.PublishContactEvents;
import dev.connecttasks.store.ContactStreamRecords;
import dev.connecttasks.store.ContactStreamRecords.ContactChange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The table's stream, as its event source mapping delivers every change of a contact, turned into the
 * contact events Amazon Connect would publish, put on EventBridge in order. A change whose events the
 * bus keeps refusing is reported as the batch's first failure, so the mapping delivers it again (with
 * the changes after it): no event is lost, and some may be published twice. One log line per event.
 */
public final class ContactEventsHandler implements RequestStreamHandler {
    private static final int PUT_ATTEMPTS = 4;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);

    private final PublishContactEvents operation;

    public ContactEventsHandler() {
        this(Settings.fromEnvironment());
        // SnapStart: read a batch that holds no contact change (publishing nothing) before the snapshot
        byte[] empty = "{\"Records\":[]}".getBytes(StandardCharsets.UTF_8);
        Priming.register(() -> {
            try {
                handleRequest(new ByteArrayInputStream(empty), new ByteArrayOutputStream(), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private ContactEventsHandler(Settings settings) {
        this(new PublishContactEvents(new EventBridgeBus(AwsClients.eventBridge(settings), settings.eventBusName(),
                settings.eventSource(), settings.arns()), PUT_ATTEMPTS, FIRST_PAUSE));
    }

    public ContactEventsHandler(PublishContactEvents operation) {
        this.operation = operation;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        List<ContactChange> changes;
        try {
            changes = ContactStreamRecords.read(Json.MAPPER.readTree(input));
        } catch (JacksonException | IllegalArgumentException e) {
            FunctionLog.log(context, Json.object().put("operation", "PublishContactEvents")
                    .put("outcome", "REJECTED_INPUT"), LogLevel.ERROR);
            return;
        }
        List<List<ContactEvent>> events = changes.stream().map(change -> ContactEvents.of(change.before(), change.after()))
                .toList();
        PublishContactEvents.Result result = operation.publish(events);
        int published = result.firstFailedChange() < 0 ? events.size() : result.firstFailedChange();
        for (List<ContactEvent> ofChange : events.subList(0, published)) {
            ofChange.forEach(event -> FunctionLog.log(context, line(event), LogLevel.INFO));
        }
        if (!changes.isEmpty()) {
            Metrics.emit("ContactEvents", Map.of("EventsPublished", result.published(), "EventsFailed", result.failed()));
        }
        ArrayNode failures = Json.MAPPER.createArrayNode();
        if (result.firstFailedChange() >= 0) {
            failures.addObject().put("itemIdentifier", changes.get(result.firstFailedChange()).sequenceNumber());
        }
        output.write(Json.write(Json.object().set("batchItemFailures", failures)).getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode line(ContactEvent event) {
        return Json.object().put("operation", "PublishContactEvents").put("eventType", event.type().name())
                .put("contactId", event.contact().id()).put("timestamp", ContactEventJson.timestamp(event.timestamp()));
    }
}
