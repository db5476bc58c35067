package dev.connecttasks.store;

import dev.connecttasks.operation.port.InstancePortsContract;
import dev.connecttasks.operation.port.InstanceStore;
import dev.connecttasks.testing.Emulator;

/** The instance port's contract on the DynamoDB adapter. */
class InstanceTableIT extends InstancePortsContract {

    @Override
    protected InstanceStore instances() {
        return new InstanceTable(Emulator.dynamo(), Emulator.newTable());
    }
}
