package dev.connecttasks.flow;

import dev.connecttasks.instance.ContactFlow;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a run may need to know of the contact's instance, which the flow-runner looks up when the run
 * asks, so the engine itself stays a function of its inputs: another flow ({@code TransferToFlow}) and
 * the state of a queue ({@code TransferContactToQueue}).
 */
public interface RunLookups {

    /** Where a queue stands for a contact about to join it. */
    enum QueueState {
        /** It takes the contact. */
        OPEN,
        /** Its MaxContacts contacts are already in it. */
        AT_CAPACITY,
        /** The instance has no queue with the id. */
        MISSING
    }

    /** Nothing to look up: no other flow is found, and every queue takes the contact. */
    RunLookups NONE = of(id -> Optional.empty(), id -> QueueState.OPEN);

    /** A flow of the instance by id. */
    Optional<ContactFlow> flow(String contactFlowId);

    /** The state of the instance's queue with this id. */
    QueueState queue(String queueId);

    static RunLookups of(Function<String, Optional<ContactFlow>> flows, Function<String, QueueState> queues) {
        return new RunLookups() {
            @Override
            public Optional<ContactFlow> flow(String contactFlowId) {
                return flows.apply(contactFlowId);
            }

            @Override
            public QueueState queue(String queueId) {
                return queues.apply(queueId);
            }
        };
    }
}
