package dev.connecttasks.store;

import dev.connecttasks.operation.port.SearchIndexContract;
import dev.connecttasks.testing.Emulator;

/** The search index's contract on the table's search indexes. */
class SearchIndexesIT extends SearchIndexContract {

    @Override
    protected Ports ports() {
        String tableName = Emulator.newTable();
        return new Ports(new InstanceTable(Emulator.dynamo(), tableName), new NewContacts(Emulator.dynamo(), tableName), new ContactTable(Emulator.dynamo(), tableName),
                new SearchIndexes(Emulator.dynamo(), tableName));
    }
}
