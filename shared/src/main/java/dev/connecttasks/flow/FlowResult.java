package dev.connecttasks.flow;

import dev.connecttasks.contact.QueueInfo;
import java.time.Instant;
import java.util.Map;

/**
 * What running a flow did to a contact: its attributes afterwards, the queue it was put in (if any),
 * when it was disconnected (if it ended without a queue), how many actions ran and how the run ended.
 */
public record FlowResult(Map<String, String> attributes, QueueInfo queue, Instant disconnectedAt, int steps, End end) {

    public enum End {
        /** TransferContactToQueue put the task in a queue. */
        QUEUED,
        /** DisconnectParticipant, EndFlowExecution, or an action with nowhere to go next. */
        DISCONNECTED,
        /** An action failed and its Errors had no transition for it. */
        FAILED,
        /** The run reached the step limit (a loop). */
        STEP_LIMIT
    }

    public FlowResult {
        attributes = Map.copyOf(attributes);
    }
}
