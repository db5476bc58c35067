package dev.connecttasks.memory;

import dev.connecttasks.operation.port.InstancePortsContract;
import dev.connecttasks.operation.port.InstanceStore;

/** The in-memory instance port holds the same contract as the DynamoDB adapter. */
class MemoryInstancesTest extends InstancePortsContract {

    @Override
    protected InstanceStore instances() {
        return new MemoryInstances();
    }
}
