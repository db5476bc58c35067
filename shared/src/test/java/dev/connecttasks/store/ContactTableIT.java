package dev.connecttasks.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactChanges;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.contact.Reference;
import dev.connecttasks.contact.ReferenceType;
import dev.connecttasks.operation.port.ContactPortsContract;
import dev.connecttasks.testing.Emulator;
import dev.connecttasks.testing.TestContacts;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The contact ports' contract on the DynamoDB adapters, and what only their items show. */
class ContactTableIT extends ContactPortsContract {
    private ContactTable table;

    @Override
    protected Ports ports() {
        table = new ContactTable(Emulator.dynamo(), Emulator.newTable());
        InstanceTable instances = new InstanceTable(Emulator.dynamo(), table.tableName());
        return new Ports(instances, instances, table,
                new NewContacts(Emulator.dynamo(), table.tableName()), new FlowRuns(Emulator.dynamo(), table.tableName()),
                new DueIndex(Emulator.dynamo(), table.tableName()), new TaskTemplateTable(Emulator.dynamo(), table.tableName()));
    }

    private Map<String, AttributeValue> rawItem(ContactKey key) {
        return Emulator.dynamo().getItem(get -> get.tableName(table.tableName()).key(ContactItems.key(key))
                .consistentRead(true)).item();
    }

    @Test
    void aContactPastItsRetentionIsStillAnItemUntilTtlDeletesIt() {
        Contact old = created(TestContacts.pending(INSTANCE, now.minus(Duration.ofDays(2 * 366))));
        assertFalse(rawItem(old.key()).isEmpty());
        assertEquals(Optional.empty(), table.find(old.key(), now));
    }

    @Test
    void itemsCountTheirLinksAndTheirReferenceBytes() {
        Contact previous = created(TestContacts.pending(INSTANCE, now));
        created(TestContacts.following(previous, now));
        created(TestContacts.following(previous, now));
        assertEquals("2", rawItem(previous.key()).get("linkedTasks").n());

        table.update(previous.key(), new ContactChanges(null, null,
                Map.of("Order", new Reference(ReferenceType.URL, "https://x.io/1"))), now);
        table.update(previous.key(), new ContactChanges(null, null,
                Map.of("Order", new Reference(ReferenceType.URL, "https://x.io/22"))), now);
        Contact updated = table.find(previous.key(), now).orElseThrow();
        assertEquals(String.valueOf(ContactRules.referenceBytes(updated.references())),
                rawItem(previous.key()).get("refBytes").n());
    }
}
