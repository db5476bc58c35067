package dev.connecttasks.memory;

import dev.connecttasks.operation.port.TaskTemplatePortsContract;

/** The in-memory template port holds the same contract as the DynamoDB adapter. */
class MemoryTemplatesTest extends TaskTemplatePortsContract {

    @Override
    protected Stores stores() {
        MemoryInstances instances = new MemoryInstances();
        return new Stores(instances, instances);
    }
}
