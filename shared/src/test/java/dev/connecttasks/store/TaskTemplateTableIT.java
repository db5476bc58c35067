package dev.connecttasks.store;

import dev.connecttasks.operation.port.TaskTemplatePortsContract;
import dev.connecttasks.testing.Emulator;

/** The template port's contract on the DynamoDB adapter. */
class TaskTemplateTableIT extends TaskTemplatePortsContract {

    @Override
    protected Stores stores() {
        String table = Emulator.newTable();
        return new Stores(new InstanceTable(Emulator.dynamo(), table), new TaskTemplateTable(Emulator.dynamo(), table));
    }
}
