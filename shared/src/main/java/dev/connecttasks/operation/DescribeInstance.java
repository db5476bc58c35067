package dev.connecttasks.operation;

import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.instance.Instance;
import dev.connecttasks.store.InstanceTable;

/** DescribeInstance: one consistent read. */
public final class DescribeInstance {
    private final InstanceTable table;

    public DescribeInstance(InstanceTable table) {
        this.table = table;
    }

    public Instance describe(String instanceId) {
        ContactRules.checkInstanceId(instanceId);
        return table.findInstance(instanceId).orElseThrow(() -> NotFound.instance(instanceId));
    }
}
