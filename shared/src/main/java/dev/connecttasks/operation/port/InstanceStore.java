package dev.connecttasks.operation.port;

import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.instance.Instance;
import java.time.Instant;
import java.util.Optional;

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
     * Creates an instance, taking its alias (unique, ignoring case) and its ClientToken (for
     * {@link IdempotencyRecord#LIFETIME}) together.
     */
    Creation<InstanceRefusal> create(Instance instance, IdempotencyRecord token, Instant now);

    Optional<Instance> findInstance(String instanceId);

    /** Creates a flow in an existing instance; its name must be new in the instance. */
    Creation<FlowRefusal> create(ContactFlow flow);

    Optional<ContactFlow> findFlow(String instanceId, String contactFlowId);
}
