package dev.connecttasks.memory;

import dev.connecttasks.operation.port.SearchIndexContract;

/** The in-memory search index holds the same contract as the DynamoDB one. */
class MemorySearchIndexTest extends SearchIndexContract {

    @Override
    protected Ports ports() {
        MemoryInstances instances = new MemoryInstances();
        MemoryContacts contacts = new MemoryContacts(instances);
        return new Ports(instances, contacts, contacts, contacts);
    }
}
