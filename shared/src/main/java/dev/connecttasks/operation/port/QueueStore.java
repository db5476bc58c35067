package dev.connecttasks.operation.port;

import dev.connecttasks.instance.Queue;
import dev.connecttasks.instance.Summaries.QueueSummary;
import java.util.Optional;
import java.util.Set;

/** The queues of the instances. Queues are never changed or deleted here. */
public interface QueueStore {

    /** Why a queue was not written. */
    enum QueueRefusal {
        INSTANCE_MISSING,
        /** Another queue of the instance has the name. */
        NAME_TAKEN
    }

    /** Creates a queue in an existing instance; its name must be new in the instance. */
    Creation<QueueRefusal> create(Queue queue);

    Optional<Queue> findQueue(String instanceId, String queueId);

    /** Which of {@code queueIds} name no queue of the instance (all of them when the instance does not exist). */
    Set<String> missingQueues(String instanceId, Set<String> queueIds);

    /**
     * Up to {@code maxResults} queues of the instance after the id {@code resumeAfter} (null: from the
     * start), of the given types (empty: every type). An instance that does not exist has none.
     */
    ListPage<QueueSummary> listQueues(String instanceId, Set<String> queueTypes, String resumeAfter, int maxResults);
}
