package dev.connecttasks.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.json.Json;
import dev.connecttasks.local.LocalFunction.Outcome;
import dev.connecttasks.local.LocalFunction.Response;
import dev.connecttasks.offline.StreamEvents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What Lambda's event source mapping does for a DynamoDB stream, for one mapping of the template: it
 * reads each shard in order, keeps the records that match the mapping's filters, and invokes the
 * function with batches of them, one batch at a time per shard. A batch the function fails is
 * bisected (when the mapping says so) and retried with backoff; with {@code ReportBatchItemFailures}
 * a batch is retried from the first record the function reports. When a batch's retries or its
 * records' age run out, a description of it goes to the on-failure queue and the shard moves on. It
 * starts at the stream's end, as a new mapping at {@code LATEST} does: what waited before is the
 * reconciler's to start.
 */
final class StreamPoller {
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    private final DynamoDbStreamsClient streams;
    private final SqsClient sqs;
    private final String streamArn;
    private final SamTemplate.StreamMapping mapping;
    private final LocalFunction function;
    private final String functionArn;
    private final Clock clock;
    private final Pause pause;
    private final List<JsonNode> filters = new ArrayList<>();
    private final Map<String, String> iterators = new HashMap<>();

    /** How the poller waits between a batch's attempts: the real clock's sleep, or a test's clock moving on. */
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    StreamPoller(DynamoDbStreamsClient streams, SqsClient sqs, String streamArn, SamTemplate.StreamMapping mapping,
            LocalFunction function, String functionArn, Clock clock) throws IOException {
        this(streams, sqs, streamArn, mapping, function, functionArn, clock, duration -> Thread.sleep(duration.toMillis()));
    }

    StreamPoller(DynamoDbStreamsClient streams, SqsClient sqs, String streamArn, SamTemplate.StreamMapping mapping,
            LocalFunction function, String functionArn, Clock clock, Pause pause) throws IOException {
        this.pause = pause;
        this.streams = streams;
        this.sqs = sqs;
        this.streamArn = streamArn;
        this.mapping = mapping;
        this.function = function;
        this.functionArn = functionArn;
        this.clock = clock;
        for (String filter : mapping.filters()) {
            filters.add(Json.MAPPER.readTree(filter));
        }
        for (Shard shard : shards()) {
            iterators.put(shard.shardId(), iterator(shard.shardId(), ShardIteratorType.LATEST));
        }
    }

    /** Reads what is new on every shard and delivers it; returns how many records it delivered. */
    synchronized int poll() throws InterruptedException {
        int delivered = 0;
        for (Shard shard : shards()) {
            String iterator = iterators.computeIfAbsent(shard.shardId(), id -> iterator(id, ShardIteratorType.TRIM_HORIZON));
            var response = streams.getRecords(get -> get.shardIterator(iterator));
            iterators.put(shard.shardId(), response.nextShardIterator());
            List<Record> matching = response.records().stream().filter(this::matches).toList();
            for (int from = 0; from < matching.size(); from += mapping.batchSize()) {
                List<Record> batch = matching.subList(from, Math.min(matching.size(), from + mapping.batchSize()));
                deliver(batch, shard.shardId(), 0);
                delivered += batch.size();
            }
        }
        return delivered;
    }

    private List<Shard> shards() {
        return streams.describeStream(describe -> describe.streamArn(streamArn)).streamDescription().shards();
    }

    private String iterator(String shardId, ShardIteratorType type) {
        return streams.getShardIterator(get -> get.streamArn(streamArn).shardId(shardId).shardIteratorType(type))
                .shardIterator();
    }

    private boolean matches(Record record) {
        if (filters.isEmpty()) {
            return true;
        }
        ObjectNode event = StreamEvents.record(record, streamArn);
        return filters.stream().anyMatch(filter -> EventPatterns.matches(filter, event));
    }

    /** Delivers a batch until the function has handled it or its retries are spent; {@code retries} so far. */
    private void deliver(List<Record> batch, String shardId, int retries) throws InterruptedException {
        Outcome outcome = function.invoke(Json.write(StreamEvents.event(batch, streamArn)).getBytes(StandardCharsets.UTF_8));
        int firstFailed = firstFailed(outcome, batch);
        if (firstFailed == batch.size()) {
            return;
        }
        List<Record> remaining = batch.subList(firstFailed, batch.size());
        if (exhausted(remaining, retries)) {
            sendToOnFailure(remaining, shardId, retries + 1);
            return;
        }
        pause.pause(backoff(retries));
        if (!(outcome instanceof Response) && mapping.bisect() && remaining.size() > 1) {
            int half = remaining.size() / 2;
            deliver(remaining.subList(0, half), shardId, retries + 1);
            deliver(remaining.subList(half, remaining.size()), shardId, retries + 1);
        } else {
            deliver(remaining, shardId, retries + 1);
        }
    }

    /** The index of the first record not handled: the batch's size when all were; 0 when the function failed. */
    private int firstFailed(Outcome outcome, List<Record> batch) {
        if (!(outcome instanceof Response response)) {
            return 0;
        }
        if (!mapping.reportBatchItemFailures()) {
            return batch.size();
        }
        try {
            JsonNode failures = Json.MAPPER.readTree(response.payload()).path("batchItemFailures");
            int first = batch.size();
            for (JsonNode failure : failures) {
                String sequenceNumber = failure.path("itemIdentifier").asText();
                for (int i = 0; i < first; i++) {
                    if (batch.get(i).dynamodb().sequenceNumber().equals(sequenceNumber)) {
                        first = i;
                    }
                }
            }
            return first;
        } catch (IOException notJson) {
            return 0;
        }
    }

    private boolean exhausted(List<Record> records, int retries) {
        if (mapping.maxRetries() >= 0 && retries >= mapping.maxRetries()) {
            return true;
        }
        var created = records.get(0).dynamodb().approximateCreationDateTime();
        return mapping.maxRecordAgeSeconds() >= 0 && created != null
                && Duration.between(created, clock.instant()).getSeconds() > mapping.maxRecordAgeSeconds();
    }

    private static Duration backoff(int retries) {
        Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(retries, 5));
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }

    /** Lambda's on-failure record for a stream batch: where the records are, not the records. */
    private void sendToOnFailure(List<Record> records, String shardId, int invokeCount) {
        System.err.println("[local] " + mapping.functionId() + ": " + records.size()
                + " stream records sent to the on-failure destination after " + invokeCount + " attempts");
        if (mapping.onFailureQueueArn() == null) {
            return;
        }
        ObjectNode message = Json.object().put("version", "1.0").put("timestamp", clock.instant().toString());
        message.putObject("requestContext").put("requestId", UUID.randomUUID().toString())
                .put("functionArn", functionArn).put("condition", "RetryAttemptsExhausted")
                .put("approximateInvokeCount", invokeCount);
        ObjectNode info = message.putObject("DDBStreamBatchInfo").put("shardId", shardId)
                .put("startSequenceNumber", records.get(0).dynamodb().sequenceNumber())
                .put("endSequenceNumber", records.get(records.size() - 1).dynamodb().sequenceNumber())
                .put("batchSize", records.size()).put("streamArn", streamArn);
        var first = records.get(0).dynamodb().approximateCreationDateTime();
        var last = records.get(records.size() - 1).dynamodb().approximateCreationDateTime();
        info.put("approximateArrivalOfFirstRecord", first == null ? null : first.toString())
                .put("approximateArrivalOfLastRecord", last == null ? null : last.toString());
        LocalClients.sendToQueue(sqs, mapping.onFailureQueueArn(), Json.write(message));
    }
}
