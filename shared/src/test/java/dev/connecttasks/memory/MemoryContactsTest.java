package dev.connecttasks.memory;

import dev.connecttasks.operation.port.ContactPortsContract;

/** The in-memory contact ports hold the same contract as the DynamoDB adapters. */
class MemoryContactsTest extends ContactPortsContract {

    @Override
    protected Ports ports() {
        MemoryInstances instances = new MemoryInstances();
        MemoryContacts contacts = new MemoryContacts(instances);
        return new Ports(instances, instances, contacts, contacts, contacts, contacts, instances);
    }
}
