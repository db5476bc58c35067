package dev.connecttasks.operation;

import dev.connecttasks.instance.Instance;
import dev.connecttasks.instance.InstanceRequest;
import dev.connecttasks.instance.InstanceRules;
import dev.connecttasks.store.InstanceTable;
import java.time.Clock;
import java.util.UUID;

/** CreateInstance: a new instance, ACTIVE at once; a repeated ClientToken returns the instance it created. */
public final class CreateInstance {
    private final InstanceTable table;
    private final Clock clock;

    public CreateInstance(InstanceTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    /** Returns the instance's id. */
    public String create(InstanceRequest request) {
        InstanceRules.checkInstance(request);
        Instance instance = new Instance(UUID.randomUUID().toString(), request.identityManagementType(),
                request.alias(), request.directoryId(), request.inboundCallsEnabled(), request.outboundCallsEnabled(),
                request.tags(), Clocks.now(clock));
        return table.create(instance, request.clientToken()).orElse(instance.id());
    }
}
