package dev.connecttasks.offline;

import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.instance.Instance;
import dev.connecttasks.operation.port.InstanceStore;
import java.time.Instant;
import java.util.Map;

/**
 * The instance and flow that {@code ./dev serve} starts with, under fixed ids, so that the README's
 * commands and the files in {@code events/} work as printed. Tests seed their own tables with it too.
 */
public final class DemoInstance {
    public static final String INSTANCE_ID = "11111111-2222-4333-8444-555555555555";
    public static final String FLOW_ID = "22222222-3333-4444-8555-666666666666";
    public static final String ALIAS = "demo";
    public static final String FLOW_NAME = "Demo task flow";

    private DemoInstance() {
    }

    /** Creates the demo instance and its flow (with this content) where they are missing. */
    public static void ensure(InstanceStore table, String flowContent, Instant now) {
        if (table.findInstance(INSTANCE_ID).isEmpty()) {
            table.create(new Instance(INSTANCE_ID, "CONNECT_MANAGED", ALIAS, null, true, false, Map.of(), now), null, now);
        }
        if (table.findFlow(INSTANCE_ID, FLOW_ID).isEmpty()) {
            table.create(new ContactFlow(INSTANCE_ID, FLOW_ID, FLOW_NAME, "CONTACT_FLOW",
                    "Sets two attributes, then puts the task in the support queue.", flowContent,
                    ContactFlow.PUBLISHED, Map.of(), now));
        }
    }
}
