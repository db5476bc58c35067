package dev.connecttasks.operation;

import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.instance.Instance;
import dev.connecttasks.operation.port.InstanceStore;

/** DescribeInstance: one consistent read. */
public final class DescribeInstance {
    private final InstanceStore instances;

    public DescribeInstance(InstanceStore instances) {
        this.instances = instances;
    }

    public Instance describe(String instanceId) {
        ContactRules.checkInstanceId(instanceId);
        return instances.findInstance(instanceId).orElseThrow(() -> NotFound.instance(instanceId));
    }
}
