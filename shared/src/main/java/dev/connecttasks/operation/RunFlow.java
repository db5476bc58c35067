package dev.connecttasks.operation;

import dev.connecttasks.flow.FlowEngine;
import dev.connecttasks.flow.FlowStart;
import dev.connecttasks.store.ContactTable;
import dev.connecttasks.store.FlowClaim;
import java.time.Clock;

/**
 * The flow-runner's use case: claim the start, then run the flow. The claim is one conditional write,
 * so a duplicate, late or superseded invocation starts nothing.
 */
public final class RunFlow {
    private final ContactTable table;
    private final FlowEngine engine;
    private final Clock clock;

    public RunFlow(ContactTable table, FlowEngine engine, Clock clock) {
        this.table = table;
        this.engine = engine;
        this.clock = clock;
    }

    public FlowClaim run(FlowStart start) {
        FlowClaim claim = table.claimFlowStart(start.key(), start.scheduledTime(), Clocks.now(clock));
        if (claim.claimed()) {
            engine.run(claim.contact());
        }
        return claim;
    }
}
