package dev.connecttasks.offline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.json.Json;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * DynamoDB stream records, as {@code GetRecords} returns them, in the event Lambda's event source
 * mapping delivers to a function: {@code {"Records":[{"eventID", "eventName", "eventSource",
 * "eventSourceARN", "dynamodb": {"Keys", "NewImage", "OldImage", "SequenceNumber", ...}}]}}, images in
 * DynamoDB's JSON form. What the local runtime and the tests deliver, where no mapping runs.
 */
public final class StreamEvents {
    private StreamEvents() {
    }

    public static ObjectNode event(List<Record> records, String streamArn) {
        ObjectNode event = Json.object();
        ArrayNode list = event.putArray("Records");
        records.forEach(record -> list.add(record(record, streamArn)));
        return event;
    }

    public static ObjectNode record(Record record, String streamArn) {
        ObjectNode node = Json.object()
                .put("eventID", record.eventID())
                .put("eventName", record.eventNameAsString())
                .put("eventVersion", record.eventVersion())
                .put("eventSource", "aws:dynamodb")
                .put("awsRegion", record.awsRegion())
                .put("eventSourceARN", streamArn);
        StreamRecord change = record.dynamodb();
        ObjectNode dynamodb = node.putObject("dynamodb");
        if (change.approximateCreationDateTime() != null) {
            dynamodb.put("ApproximateCreationDateTime", change.approximateCreationDateTime().getEpochSecond());
        }
        dynamodb.set("Keys", item(change.keys()));
        if (change.hasNewImage()) {
            dynamodb.set("NewImage", item(change.newImage()));
        }
        if (change.hasOldImage()) {
            dynamodb.set("OldImage", item(change.oldImage()));
        }
        dynamodb.put("SequenceNumber", change.sequenceNumber())
                .put("SizeBytes", change.sizeBytes())
                .put("StreamViewType", change.streamViewTypeAsString());
        return node;
    }

    static ObjectNode item(Map<String, AttributeValue> item) {
        ObjectNode node = Json.object();
        item.forEach((name, value) -> node.set(name, value(value)));
        return node;
    }

    private static ObjectNode value(AttributeValue value) {
        ObjectNode typed = Json.object();
        switch (value.type()) {
            case S -> typed.put("S", value.s());
            case N -> typed.put("N", value.n());
            case B -> typed.put("B", base64(value.b()));
            case BOOL -> typed.put("BOOL", value.bool());
            case NUL -> typed.put("NULL", true);
            case M -> typed.set("M", item(value.m()));
            case L -> value.l().forEach(element -> typed.withArray("L").add(value(element)));
            case SS -> value.ss().forEach(typed.putArray("SS")::add);
            case NS -> value.ns().forEach(typed.putArray("NS")::add);
            case BS -> value.bs().forEach(bytes -> typed.withArray("BS").add(base64(bytes)));
            default -> throw new IllegalArgumentException("unknown attribute type " + value.type());
        }
        return typed;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}
