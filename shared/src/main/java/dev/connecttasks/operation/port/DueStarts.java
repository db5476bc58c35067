package dev.connecttasks.operation.port;

import dev.connecttasks.flow.ExpiryMessage;
import dev.connecttasks.flow.StartMessage;
import java.time.Instant;
import java.util.List;

/** The contacts still waiting for a start, or an expiry, that was due: where the reconciler looks. */
public interface DueStarts {

    /**
     * At most {@code limit} starts that were due at or before {@code cutoff} and had not happened when
     * read, oldest first per shard, each as the flow-runner takes it. The read may lag a write; the
     * flow-runner's claim decides.
     */
    List<StartMessage> dueBy(Instant cutoff, int limit);

    /** At most {@code limit} open contacts whose expiry came at or before {@code cutoff}, as read. */
    List<ExpiryMessage> expiriesBy(Instant cutoff, int limit);
}
