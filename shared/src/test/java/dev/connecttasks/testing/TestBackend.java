package dev.connecttasks.testing;

import dev.connecttasks.config.AwsClients;
import dev.connecttasks.config.Settings;
import dev.connecttasks.contact.Arns;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.flow.FlowEngine;
import dev.connecttasks.flow.FlowInterpreter;
import dev.connecttasks.schedule.FlowInvoker;
import dev.connecttasks.instance.FlowRequest;
import dev.connecttasks.operation.CreateContactFlow;
import dev.connecttasks.operation.CreateInstance;
import dev.connecttasks.operation.DescribeContact;
import dev.connecttasks.operation.ListContactReferences;
import dev.connecttasks.operation.StartFlow;
import dev.connecttasks.operation.StartTaskContact;
import dev.connecttasks.operation.UpdateContact;
import dev.connecttasks.operation.UpdateContactSchedule;
import dev.connecttasks.schedule.TaskSchedules;
import dev.connecttasks.store.ContactTable;
import dev.connecttasks.store.DemoInstance;
import dev.connecttasks.store.FlowRuns;
import dev.connecttasks.store.InstanceTable;
import dev.connecttasks.store.NewContacts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;

/**
 * The service's parts wired as the functions wire them, against the emulator, on a table and schedule
 * group of their own, holding the demo instance and its published flow (flows/demo-task.json). Every SDK
 * client carries {@link #calls}, which records each call and can inject faults.
 */
public final class TestBackend {
    public final Settings settings;
    public final InterceptedCalls calls = new InterceptedCalls();
    public final ContactTable table;
    public final NewContacts newContacts;
    public final FlowRuns flowRuns;
    public final InstanceTable instances;
    public final String instanceId;
    public final String flowId;
    public final TaskSchedules schedules;
    public final FlowInvoker invoker;
    public final Arns arns;
    private final Clock clock;

    private TestBackend(Clock clock) {
        this.clock = clock;
        this.settings = Emulator.settings(Emulator.newTable(), Emulator.newScheduleGroup());
        DynamoDbClient dynamo = AwsClients.dynamoDb(settings, calls);
        this.table = new ContactTable(dynamo, settings.tableName());
        this.newContacts = new NewContacts(dynamo, settings.tableName());
        this.flowRuns = new FlowRuns(dynamo, settings.tableName());
        this.instances = new InstanceTable(dynamo, settings.tableName());
        this.schedules = new TaskSchedules(AwsClients.scheduler(settings, calls), settings.scheduleGroup(),
                settings.flowRunnerArn(), settings.schedulerRoleArn());
        this.invoker = new FlowInvoker(Emulator.lambda(calls), settings.flowRunnerArn());
        this.arns = settings.arns();
        DemoInstance.ensure(instances, Flows.read("demo-task.json"), clock.instant());
        this.instanceId = DemoInstance.INSTANCE_ID;
        this.flowId = DemoInstance.FLOW_ID;
        calls.clear();
    }

    public String createFlow(String instanceId, String name, String content) {
        return createContactFlow().create(new FlowRequest(instanceId, name, "CONTACT_FLOW", null, content, null, Map.of()));
    }

    public CreateInstance createInstance() {
        return new CreateInstance(instances, clock);
    }

    public CreateContactFlow createContactFlow() {
        return new CreateContactFlow(instances, clock);
    }

    public FlowInterpreter flowEngine() {
        return new FlowInterpreter(arns);
    }

    public static TestBackend create() {
        return new TestBackend(Clock.systemUTC());
    }

    public static TestBackend create(Clock clock) {
        return new TestBackend(clock);
    }

    public StartTaskContact startTaskContact() {
        return new StartTaskContact(table, newContacts, schedules, invoker, clock);
    }

    public DescribeContact describeContact() {
        return new DescribeContact(table, clock);
    }

    public UpdateContact updateContact() {
        return new UpdateContact(table, clock);
    }

    public UpdateContactSchedule updateContactSchedule() {
        return new UpdateContactSchedule(table, schedules, clock);
    }

    public ListContactReferences listContactReferences() {
        return new ListContactReferences(describeContact());
    }

    public StartFlow runFlow(FlowEngine engine) {
        return new StartFlow(flowRuns, engine, clock);
    }

    /** The flow-runner's use case with the real flow engine. */
    public StartFlow runFlow() {
        return runFlow(flowEngine());
    }

    /** The payloads of the flow-runner invokes made so far, as JSON text. */
    public List<String> invokedPayloads() {
        return calls.requests(InvokeRequest.class).stream().map(invoke -> invoke.payload().asUtf8String()).toList();
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
}
