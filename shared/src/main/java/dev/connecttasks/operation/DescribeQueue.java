package dev.connecttasks.operation;

import static dev.connecttasks.error.ApiException.invalidParameter;

import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.instance.InstanceRules;
import dev.connecttasks.instance.Queue;
import dev.connecttasks.operation.port.QueueStore;

/** DescribeQueue: one consistent read. */
public final class DescribeQueue {
    private final QueueStore queues;

    public DescribeQueue(QueueStore queues) {
        this.queues = queues;
    }

    public Queue describe(String instanceId, String queueId) {
        ContactRules.checkInstanceId(instanceId);
        if (!InstanceRules.queueIdFits(queueId)) {
            throw invalidParameter("QueueId must have a length between 1 and " + InstanceRules.MAX_QUEUE_ID_LENGTH + " characters.");
        }
        return queues.findQueue(instanceId, queueId).orElseThrow(() -> NotFound.queue(instanceId, queueId));
    }
}
