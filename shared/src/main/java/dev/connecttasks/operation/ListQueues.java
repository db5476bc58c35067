package dev.connecttasks.operation;

import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.instance.ListRequest;
import dev.connecttasks.instance.Listing;
import dev.connecttasks.instance.Summaries.QueueSummary;
import dev.connecttasks.operation.port.InstanceStore;
import dev.connecttasks.operation.port.QueueStore;

/** ListQueues: a page of the instance's queues in id order, filtered by queueTypes (every queue here is STANDARD). */
public final class ListQueues {
    public static final int DEFAULT_MAX_RESULTS = 100;
    public static final int MAX_RESULTS = 1000;

    private final QueueStore queues;
    private final InstanceStore instances;

    public ListQueues(QueueStore queues, InstanceStore instances) {
        this.queues = queues;
        this.instances = instances;
    }

    public Listing<QueueSummary> list(ListRequest request) {
        ContactRules.checkInstanceId(request.instanceId());
        int maxResults = Lists.maxResults(request, DEFAULT_MAX_RESULTS, MAX_RESULTS, ErrorType.INVALID_PARAMETER);
        return Lists.inInstance("ListQueues", request, maxResults, instances,
                (resumeAfter, max) -> queues.listQueues(request.instanceId(), request.types(), resumeAfter, max));
    }
}
