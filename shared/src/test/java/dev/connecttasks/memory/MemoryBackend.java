package dev.connecttasks.memory;

import dev.connecttasks.contact.Arns;
import dev.connecttasks.flow.FlowEngine;
import dev.connecttasks.flow.FlowInterpreter;
import dev.connecttasks.instance.FlowRequest;
import dev.connecttasks.operation.CreateContactFlow;
import dev.connecttasks.operation.CreateInstance;
import dev.connecttasks.operation.DescribeContact;
import dev.connecttasks.operation.DescribeContactFlow;
import dev.connecttasks.operation.DescribeInstance;
import dev.connecttasks.operation.StartFlow;
import dev.connecttasks.operation.StartTaskContact;
import dev.connecttasks.operation.UpdateContact;
import dev.connecttasks.operation.UpdateContactSchedule;
import dev.connecttasks.store.DemoInstance;
import dev.connecttasks.testing.Flows;
import dev.connecttasks.testing.TestClock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The operations wired as the functions wire them, on the in-memory ports and a clock that moves only
 * when told, holding the demo instance and its published flow. Operation tests run on it in milliseconds.
 */
public final class MemoryBackend {
    public final TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    public final MemoryInstances instances = new MemoryInstances();
    public final MemoryContacts contacts = new MemoryContacts(instances);
    public final MemoryScheduler scheduler = new MemoryScheduler();
    public final RecordingFlowStarter starter = new RecordingFlowStarter();
    public final String instanceId = DemoInstance.INSTANCE_ID;
    public final String flowId = DemoInstance.FLOW_ID;

    public MemoryBackend() {
        DemoInstance.ensure(instances, Flows.read("demo-task.json"), clock.instant());
    }

    public Instant now() {
        return clock.instant();
    }

    public String createFlow(String name, String content, String status) {
        return createContactFlow().create(new FlowRequest(instanceId, name, "CONTACT_FLOW", null, content, status, Map.of()));
    }

    public CreateInstance createInstance() {
        return new CreateInstance(instances, clock);
    }

    public CreateContactFlow createContactFlow() {
        return new CreateContactFlow(instances, clock);
    }

    public DescribeInstance describeInstance() {
        return new DescribeInstance(instances);
    }

    public DescribeContactFlow describeContactFlow() {
        return new DescribeContactFlow(instances);
    }

    public StartTaskContact startTaskContact() {
        return new StartTaskContact(contacts, contacts, scheduler, starter, clock);
    }

    public DescribeContact describeContact() {
        return new DescribeContact(contacts, clock);
    }

    public UpdateContact updateContact() {
        return new UpdateContact(contacts, clock);
    }

    public UpdateContactSchedule updateContactSchedule() {
        return new UpdateContactSchedule(contacts, scheduler, clock);
    }

    public StartFlow startFlow(FlowEngine engine) {
        return new StartFlow(contacts, engine, clock);
    }

    /** The flow-runner's use case with the real flow engine. */
    public StartFlow startFlow() {
        return startFlow(new FlowInterpreter(new Arns("us-east-1", "123456789012")));
    }
}
