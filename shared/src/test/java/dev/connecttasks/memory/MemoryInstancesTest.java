package dev.connecttasks.memory;

import dev.connecttasks.operation.port.InstancePortsContract;

/** The in-memory instance port holds the same contract as the DynamoDB adapter. */
class MemoryInstancesTest extends InstancePortsContract {

    @Override
    protected Stores stores() {
        MemoryInstances instances = new MemoryInstances();
        return new Stores(instances, instances);
    }
}
