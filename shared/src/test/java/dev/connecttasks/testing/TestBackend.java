package dev.connecttasks.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.connecttasks.config.AwsClients;
import dev.connecttasks.config.Settings;
import dev.connecttasks.contact.Arns;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.flow.StartMessage;
import dev.connecttasks.json.Json;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.offline.StreamEvents;
import dev.connecttasks.operation.port.ContactSearchIndex;
import dev.connecttasks.schedule.TaskSchedules;
import dev.connecttasks.store.ContactStreamRecords;
import dev.connecttasks.store.ContactTable;
import dev.connecttasks.store.DueIndex;
import dev.connecttasks.store.FlowRuns;
import dev.connecttasks.store.InstanceTable;
import dev.connecttasks.store.NewContacts;
import dev.connecttasks.store.SearchIndexes;
import dev.connecttasks.store.TaskTemplateTable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;

/**
 * The service's parts wired as the functions wire them, against the emulator, on a table and schedule
 * group of their own, holding the demo instance and its published flow (flows/demo-task.json). Every SDK
 * client carries {@link #calls}, which records each call and can inject faults.
 */
public final class TestBackend extends WiredOperations {
    public final Settings settings;
    public final InterceptedCalls calls;
    public final ContactTable table;
    public final NewContacts newContacts;
    public final FlowRuns flowRuns;
    public final InstanceTable instances;
    public final TaskTemplateTable templates;
    public final String instanceId = DemoInstance.INSTANCE_ID;
    public final String flowId = DemoInstance.FLOW_ID;
    public final TaskSchedules schedules;
    public final Arns arns;

    private TestBackend(Clock clock, Settings settings, InterceptedCalls calls, DynamoDbClient dynamo) {
        this(clock, settings, calls, new ContactTable(dynamo, settings.tableName()),
                new NewContacts(dynamo, settings.tableName()), new FlowRuns(dynamo, settings.tableName()),
                new InstanceTable(dynamo, settings.tableName()), new TaskTemplateTable(dynamo, settings.tableName()),
                new TaskSchedules(AwsClients.scheduler(settings, calls), settings.scheduleGroup(),
                        settings.flowRunnerArn(), settings.schedulerRoleArn(),
                        settings.deadLetterQueueArn()));
    }

    private TestBackend(Clock clock, Settings settings, InterceptedCalls calls, ContactTable table,
            NewContacts newContacts, FlowRuns flowRuns, InstanceTable instances, TaskTemplateTable templates,
            TaskSchedules schedules) {
        super(table, newContacts, flowRuns, instances, instances, templates, new DueIndex(Emulator.dynamo(), settings.tableName()),
                schedules,
                clock, settings.arns());
        this.settings = settings;
        this.calls = calls;
        this.table = table;
        this.newContacts = newContacts;
        this.flowRuns = flowRuns;
        this.instances = instances;
        this.templates = templates;
        this.schedules = schedules;
        this.arns = settings.arns();
        DemoInstance.ensure(instances, Flows.read("demo-task.json"), clock.instant());
        calls.clear();
    }

    public static TestBackend create() {
        return create(Clock.systemUTC());
    }

    public static TestBackend create(Clock clock) {
        Settings settings = Emulator.settings(Emulator.newTable(), Emulator.newScheduleGroup());
        InterceptedCalls calls = new InterceptedCalls();
        return new TestBackend(clock, settings, calls, AwsClients.dynamoDb(settings, calls));
    }

    /**
     * Every record the table's stream holds so far, as the event Lambda's event source mapping would
     * deliver them in one batch.
     */
    public String streamEvent() {
        try (DynamoDbStreamsClient streams = AwsClients.dynamoDbStreams(settings)) {
            String streamArn = Emulator.dynamo().describeTable(describe -> describe.tableName(settings.tableName()))
                    .table().latestStreamArn();
            List<Record> records = new ArrayList<>();
            for (Shard shard : streams.describeStream(describe -> describe.streamArn(streamArn)).streamDescription().shards()) {
                String iterator = streams.getShardIterator(get -> get.streamArn(streamArn).shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                records.addAll(streams.getRecords(get -> get.shardIterator(iterator)).records());
            }
            return Json.write(StreamEvents.event(records, streamArn));
        }
    }

    /**
     * The starts the stream has for the flow-runner so far, one per new immediate task, as
     * {@link StartMessage} JSON: what the event source mapping's batches make it start.
     */
    public List<String> streamedStarts() {
        try {
            return ContactStreamRecords.read(Json.MAPPER.readTree(streamEvent())).stream()
                    .filter(change -> "INSERT".equals(change.eventName()) && change.after().flowStatus() == FlowStatus.PENDING)
                    .map(change -> new StartMessage(change.after().key(), change.after().contactFlowId(), null).toJson())
                    .toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public GetScheduleResponse schedule(ContactKey key, Instant scheduledTime) {
        return Emulator.scheduler().getSchedule(get -> get
                .groupName(settings.scheduleGroup())
                .name(TaskSchedules.name(key, scheduledTime)));
    }

    public List<String> scheduleNames() {
        return Emulator.scheduler().listSchedulesPaginator(list -> list.groupName(settings.scheduleGroup()))
                .schedules().stream().map(ScheduleSummary::name).sorted().toList();
    }

    /** Every contact item in the table (tests may scan; the service never does). */
    public List<Map<String, AttributeValue>> contactItems() {
        return Emulator.dynamo().scanPaginator(scan -> scan.tableName(settings.tableName())).items().stream()
                .filter(item -> item.get("pk").s().startsWith("C#"))
                .toList();
    }

    @Override
    protected ContactSearchIndex searchIndex() {
        return new SearchIndexes(AwsClients.dynamoDb(settings, calls), settings.tableName());
    }
}
