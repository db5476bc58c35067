package dev.connecttasks.testing;

import dev.connecttasks.contact.Arns;
import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.flow.FlowEngine;
import dev.connecttasks.flow.FlowInterpreter;
import dev.connecttasks.instance.FlowRequest;
import dev.connecttasks.instance.QueueRequest;
import dev.connecttasks.operation.CreateContactFlow;
import dev.connecttasks.operation.CreateInstance;
import dev.connecttasks.operation.CreateQueue;
import dev.connecttasks.operation.CreateTaskTemplate;
import dev.connecttasks.operation.DeleteTaskTemplate;
import dev.connecttasks.operation.DescribeContact;
import dev.connecttasks.operation.DescribeContactFlow;
import dev.connecttasks.operation.DescribeInstance;
import dev.connecttasks.operation.DescribeQueue;
import dev.connecttasks.operation.ExpireContact;
import dev.connecttasks.operation.GetContactAttributes;
import dev.connecttasks.operation.GetTaskTemplate;
import dev.connecttasks.operation.ListContactFlows;
import dev.connecttasks.operation.ListContactReferences;
import dev.connecttasks.operation.ListInstances;
import dev.connecttasks.operation.ListQueues;
import dev.connecttasks.operation.ListTaskTemplates;
import dev.connecttasks.operation.Reconcile;
import dev.connecttasks.operation.SearchContacts;
import dev.connecttasks.operation.StartFlow;
import dev.connecttasks.operation.StartTaskContact;
import dev.connecttasks.operation.StopContact;
import dev.connecttasks.operation.TagContact;
import dev.connecttasks.operation.TransferContact;
import dev.connecttasks.operation.UntagContact;
import dev.connecttasks.operation.UpdateContact;
import dev.connecttasks.operation.UpdateContactAttributes;
import dev.connecttasks.operation.UpdateContactSchedule;
import dev.connecttasks.operation.UpdateTaskTemplate;
import dev.connecttasks.operation.port.ContactSearchIndex;
import dev.connecttasks.operation.port.ContactStore;
import dev.connecttasks.operation.port.DueStarts;
import dev.connecttasks.operation.port.FlowRunStore;
import dev.connecttasks.operation.port.InstanceStore;
import dev.connecttasks.operation.port.NewContactStore;
import dev.connecttasks.operation.port.QueueStore;
import dev.connecttasks.operation.port.TaskScheduler;
import dev.connecttasks.operation.port.TaskTemplateStore;
import java.time.Clock;
import java.util.Map;

/**
 * The operations wired as the functions wire them, over the ports a test backend gives them: the
 * emulator's adapters ({@link TestBackend}) or the in-memory ones ({@code MemoryBackend}).
 */
public abstract class WiredOperations {
    private final ContactStore contactStore;
    private final NewContactStore newContactStore;
    private final FlowRunStore flowRunStore;
    private final InstanceStore instanceStore;
    private final QueueStore queueStore;
    private final TaskTemplateStore templateStore;
    private final DueStarts dueStarts;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final Arns arns;

    protected WiredOperations(ContactStore contactStore, NewContactStore newContactStore, FlowRunStore flowRunStore,
            InstanceStore instanceStore, QueueStore queueStore, TaskTemplateStore templateStore, DueStarts dueStarts,
            TaskScheduler scheduler, Clock clock, Arns arns) {
        this.contactStore = contactStore;
        this.newContactStore = newContactStore;
        this.flowRunStore = flowRunStore;
        this.instanceStore = instanceStore;
        this.queueStore = queueStore;
        this.templateStore = templateStore;
        this.dueStarts = dueStarts;
        this.scheduler = scheduler;
        this.clock = clock;
        this.arns = arns;
    }

    /** Creates a published flow of type CONTACT_FLOW; returns its id. */
    public String createFlow(String instanceId, String name, String content) {
        return createContactFlow().create(new FlowRequest(instanceId, name, "CONTACT_FLOW", null, content, null, Map.of()));
    }

    public CreateInstance createInstance() {
        return new CreateInstance(instanceStore, clock);
    }

    public DescribeInstance describeInstance() {
        return new DescribeInstance(instanceStore);
    }

    public CreateContactFlow createContactFlow() {
        return new CreateContactFlow(instanceStore, queueStore, clock);
    }

    public CreateQueue createQueue() {
        return new CreateQueue(queueStore, clock);
    }

    /** Creates a queue (with no MaxContacts when {@code maxContacts} is null); returns its id. */
    public String createQueue(String instanceId, String name, Integer maxContacts) {
        return createQueue().create(new QueueRequest(instanceId, name, null, "hours-1", maxContacts, Map.of(), null));
    }

    public DescribeQueue describeQueue() {
        return new DescribeQueue(queueStore);
    }

    public ListQueues listQueues() {
        return new ListQueues(queueStore, instanceStore);
    }

    public ListContactFlows listContactFlows() {
        return new ListContactFlows(instanceStore);
    }

    public ListInstances listInstances() {
        return new ListInstances(instanceStore);
    }

    public DescribeContactFlow describeContactFlow() {
        return new DescribeContactFlow(instanceStore);
    }

    public StartTaskContact startTaskContact() {
        return new StartTaskContact(contactStore, newContactStore, templateStore, scheduler, clock);
    }

    public DescribeContact describeContact() {
        return new DescribeContact(contactStore, clock);
    }

    public UpdateContact updateContact() {
        return new UpdateContact(contactStore, scheduler, clock);
    }

    public StopContact stopContact() {
        return new StopContact(contactStore, scheduler, clock);
    }

    public TagContact tagContact() {
        return new TagContact(contactStore, clock);
    }

    public UntagContact untagContact() {
        return new UntagContact(contactStore, clock);
    }

    public TransferContact transferContact() {
        return new TransferContact(newContactStore, clock);
    }

    public UpdateContactAttributes updateContactAttributes() {
        return new UpdateContactAttributes(contactStore, clock);
    }

    public GetContactAttributes getContactAttributes() {
        return new GetContactAttributes(contactStore, clock);
    }

    public UpdateContactSchedule updateContactSchedule() {
        return new UpdateContactSchedule(contactStore, scheduler, clock);
    }

    public SearchContacts searchContacts() {
        return new SearchContacts(searchIndex(), instanceStore, arns.region(), clock);
    }

    /** The search index behind {@link #searchContacts()}. */
    protected abstract ContactSearchIndex searchIndex();

    public ListContactReferences listContactReferences() {
        return new ListContactReferences(describeContact());
    }

    public CreateTaskTemplate createTaskTemplate() {
        return new CreateTaskTemplate(templateStore, instanceStore, clock);
    }

    public GetTaskTemplate getTaskTemplate() {
        return new GetTaskTemplate(templateStore);
    }

    public UpdateTaskTemplate updateTaskTemplate() {
        return new UpdateTaskTemplate(templateStore, instanceStore, clock);
    }

    public ListTaskTemplates listTaskTemplates() {
        return new ListTaskTemplates(templateStore);
    }

    public DeleteTaskTemplate deleteTaskTemplate() {
        return new DeleteTaskTemplate(templateStore);
    }

    public FlowInterpreter flowEngine() {
        return new FlowInterpreter(arns);
    }

    public StartFlow runFlow(FlowEngine engine) {
        return runFlow(engine, clock);
    }

    /** The flow-runner's use case on its own clock: a firing, or a retry, at a time the test chooses. */
    public StartFlow runFlow(FlowEngine engine, Clock clock) {
        return new StartFlow(flowRunStore, engine, scheduler, clock);
    }

    /** The flow-runner's use case with the real flow engine. */
    public StartFlow runFlow() {
        return runFlow(flowEngine());
    }

    /**
     * The flow-runner as it runs once every schedule a test can create has come due (a week on): what
     * Scheduler's firing of a schedule delivers, whenever the test delivers it.
     */
    public StartFlow runFlowWhenDue(FlowEngine engine) {
        return runFlow(engine, Clock.offset(clock, ContactRules.MAX_SCHEDULE_AHEAD.plusDays(1)));
    }

    public StartFlow runFlowWhenDue() {
        return runFlowWhenDue(flowEngine());
    }

    /** The reconciler, running by {@code clock} (later than the backend's, to find what is overdue). */
    public Reconcile reconcile(Clock clock) {
        return new Reconcile(dueStarts, runFlow(flowEngine(), clock), expireContact(clock), clock);
    }

    /** The flow-runner's expiry use case, running by {@code clock}. */
    public ExpireContact expireContact(Clock clock) {
        return new ExpireContact(contactStore, clock);
    }

    public ExpireContact expireContact() {
        return expireContact(clock);
    }
}
