package dev.connecttasks.memory;

import dev.connecttasks.contact.Arns;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.operation.port.ContactSearchIndex;
import dev.connecttasks.testing.Flows;
import dev.connecttasks.testing.TestClock;
import dev.connecttasks.testing.WiredOperations;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The operations on the in-memory ports and a clock that moves only when told, holding the demo
 * instance and its published flow. Operation tests run on it in milliseconds.
 */
public final class MemoryBackend extends WiredOperations {
    public final TestClock clock;
    public final MemoryInstances instances;
    public final MemoryContacts contacts;
    public final MemoryScheduler scheduler;
    public final String instanceId = DemoInstance.INSTANCE_ID;
    public final String flowId = DemoInstance.FLOW_ID;

    public MemoryBackend() {
        this(new TestClock(Instant.now().truncatedTo(ChronoUnit.MILLIS)), new MemoryInstances());
    }

    private MemoryBackend(TestClock clock, MemoryInstances instances) {
        this(clock, instances, new MemoryContacts(instances), new MemoryScheduler());
    }

    private MemoryBackend(TestClock clock, MemoryInstances instances, MemoryContacts contacts, MemoryScheduler scheduler) {
        super(contacts, contacts, contacts, instances, instances, instances, contacts, scheduler, clock, new Arns("us-east-1", "123456789012"));
        this.clock = clock;
        this.instances = instances;
        this.contacts = contacts;
        this.scheduler = scheduler;
        DemoInstance.ensure(instances, Flows.read("demo-task.json"), clock.instant());
    }

    public Instant now() {
        return clock.instant();
    }

    @Override
    protected ContactSearchIndex searchIndex() {
        return contacts;
    }
}
