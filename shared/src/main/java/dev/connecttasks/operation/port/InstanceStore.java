package dev.connecttasks.operation.port;

import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.instance.Instance;
import dev.connecttasks.instance.Queue;
import dev.connecttasks.instance.Summaries.FlowSummary;
import dev.connecttasks.instance.Summaries.InstanceSummary;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Instances and their flows. */
public interface InstanceStore {

    /** Why an instance was not written. */
    enum InstanceRefusal {
        /** Another instance has the alias (ignoring case). */
        ALIAS_TAKEN
    }

    /** Why a flow was not written. */
    enum FlowRefusal {
        INSTANCE_MISSING,
        /** Another flow of the instance has the name. */
        NAME_TAKEN
    }

    /**
     * Creates an instance with its BasicQueue, taking its alias (unique, ignoring case) and its
     * ClientToken (for {@link IdempotencyRecord#LIFETIME}) together: all of it, or nothing.
     */
    Creation<InstanceRefusal> create(Instance instance, Queue basicQueue, IdempotencyRecord token, Instant now);

    Optional<Instance> findInstance(String instanceId);

    /** Creates a flow in an existing instance; its name must be new in the instance. */
    Creation<FlowRefusal> create(ContactFlow flow);

    Optional<ContactFlow> findFlow(String instanceId, String contactFlowId);

    /** Up to {@code maxResults} flows of the instance after the id {@code resumeAfter}, of the given types (empty: all). */
    ListPage<FlowSummary> listFlows(String instanceId, Set<String> types, String resumeAfter, int maxResults);

    /** Up to {@code maxResults} instances after the id {@code resumeAfter} (null: from the start). */
    ListPage<InstanceSummary> listInstances(String resumeAfter, int maxResults);
}
