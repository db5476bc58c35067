package dev.connecttasks.store;

import dev.connecttasks.operation.port.InstancePortsContract;
import dev.connecttasks.testing.Emulator;

/** The instance port's contract on the DynamoDB adapter. */
class InstanceTableIT extends InstancePortsContract {

    @Override
    protected Stores stores() {
        InstanceTable table = new InstanceTable(Emulator.dynamo(), Emulator.newTable());
        return new Stores(table, table);
    }
}
