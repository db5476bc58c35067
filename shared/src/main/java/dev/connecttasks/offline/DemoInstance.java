package dev.connecttasks.offline;

import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.instance.Instance;
import dev.connecttasks.instance.Queue;
import dev.connecttasks.operation.port.InstanceStore;
import dev.connecttasks.operation.port.QueueStore;
import java.time.Instant;
import java.util.Map;

/**
 * The instance and flow that {@code ./dev serve} starts with, under fixed ids, so that the README's
 * commands and the files in {@code events/} work as printed. Tests seed their own tables with it too.
 * Besides its BasicQueue, the instance has the queues the example flows in {@code flows/} name.
 */
public final class DemoInstance {
    public static final String INSTANCE_ID = "11111111-2222-4333-8444-555555555555";
    public static final String FLOW_ID = "22222222-3333-4444-8555-666666666666";
    public static final String BASIC_QUEUE_ID = "33333333-4444-4555-8666-777777777777";
    /** The queue the demo flow puts its tasks in. */
    public static final String SUPPORT_QUEUE_ID = "support";
    public static final String ALIAS = "demo";
    public static final String FLOW_NAME = "Demo task flow";
    private static final String HOURS_OF_OPERATION_ID = "44444444-5555-4666-8777-888888888888";
    /** The example flows' queues (flows/demo-task.json, flows/route-by-priority.json), by id and name. */
    private static final Map<String, String> EXAMPLE_QUEUES = Map.of(
            SUPPORT_QUEUE_ID, "Support", "billing", "Billing", "escalations", "Escalations");

    private DemoInstance() {
    }

    /** Creates the demo instance, its queues and its flow (with this content) where they are missing. */
    public static <S extends InstanceStore & QueueStore> void ensure(S store, String flowContent, Instant now) {
        Queue basicQueue = Queue.basic(INSTANCE_ID, BASIC_QUEUE_ID, HOURS_OF_OPERATION_ID, now);
        if (store.findInstance(INSTANCE_ID).isEmpty()) {
            store.create(new Instance(INSTANCE_ID, "CONNECT_MANAGED", ALIAS, null, true, false, Map.of(), now), basicQueue, null, now);
        } else if (store.findQueue(INSTANCE_ID, BASIC_QUEUE_ID).isEmpty()) {
            store.create(basicQueue);
        }
        EXAMPLE_QUEUES.forEach((queueId, name) -> {
            if (store.findQueue(INSTANCE_ID, queueId).isEmpty()) {
                store.create(new Queue(INSTANCE_ID, queueId, name, "A queue of the example flows.", HOURS_OF_OPERATION_ID,
                        null, Map.of(), now));
            }
        });
        if (store.findFlow(INSTANCE_ID, FLOW_ID).isEmpty()) {
            store.create(new ContactFlow(INSTANCE_ID, FLOW_ID, FLOW_NAME, "CONTACT_FLOW",
                    "Sets two attributes, then puts the task in the support queue.", flowContent,
                    ContactFlow.PUBLISHED, Map.of(), now));
        }
    }
}
