package dev.connecttasks.operation.port;

import dev.connecttasks.flow.StartMessage;
import java.time.Instant;
import java.util.List;

/** The contacts still waiting for a start that was due: where the reconciler looks. */
public interface DueStarts {

    /**
     * At most {@code limit} starts that were due at or before {@code cutoff} and had not happened when
     * read, oldest first per shard, each as the flow-runner takes it. The read may lag a write; the
     * flow-runner's claim decides.
     */
    List<StartMessage> dueBy(Instant cutoff, int limit);
}
