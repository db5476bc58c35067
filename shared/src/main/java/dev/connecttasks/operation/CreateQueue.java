package dev.connecttasks.operation;

import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.error.ApiException;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.instance.InstanceRules;
import dev.connecttasks.instance.Queue;
import dev.connecttasks.instance.QueueRequest;
import dev.connecttasks.operation.port.Creation;
import dev.connecttasks.operation.port.QueueStore.QueueRefusal;
import dev.connecttasks.operation.port.QueueStore;
import java.time.Clock;
import java.util.UUID;

/** CreateQueue: a STANDARD queue, its name new in the instance (DuplicateResourceException otherwise). */
public final class CreateQueue {
    private final QueueStore queues;
    private final Clock clock;

    public CreateQueue(QueueStore queues, Clock clock) {
        this.queues = queues;
        this.clock = clock;
    }

    /** Returns the queue's id. */
    public String create(QueueRequest request) {
        ContactRules.checkInstanceId(request.instanceId());
        InstanceRules.checkQueue(request);
        Queue queue = new Queue(request.instanceId(), UUID.randomUUID().toString(), request.name(), request.description(),
                request.hoursOfOperationId(), request.maxContacts(), request.tags(), Clocks.now(clock));
        if (queues.create(queue) instanceof Creation.Refused<QueueRefusal> refused) {
            throw switch (refused.reason()) {
                case INSTANCE_MISSING -> NotFound.instance(queue.instanceId());
                case NAME_TAKEN -> new ApiException(ErrorType.DUPLICATE_RESOURCE,
                        "A queue named " + queue.name() + " already exists in instance " + queue.instanceId() + ".");
            };
        }
        return queue.id();
    }
}
