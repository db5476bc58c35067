package dev.connecttasks.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connecttasks.testing.Emulator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** A table made by an older version gets what this one needs, one index per update, as DynamoDB allows. */
class ContactTableSchemaIT {

    @Test
    void aTableWithoutTheSearchIndexesGetsThem() {
        String name = "old-contacts-" + UUID.randomUUID();
        Emulator.dynamo().createTable(table -> table.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        definition -> definition.attributeName("pk").attributeType(ScalarAttributeType.S),
                        definition -> definition.attributeName("sk").attributeType(ScalarAttributeType.S))
                .keySchema(key -> key.attributeName("pk").keyType(KeyType.HASH), key -> key.attributeName("sk").keyType(KeyType.RANGE)));
        ContactTableSchema.createIfMissing(Emulator.dynamo(), name);
        Set<String> expected = indexNames(Emulator.newTable());
        assertTrue(expected.containsAll(ContactTableSchema.SEARCH_INDEXES.values()), expected.toString());
        assertEquals(expected, indexNames(name));
        ContactTableSchema.createIfMissing(Emulator.dynamo(), name);
        assertEquals(expected, indexNames(name), "a second run changes nothing");
    }

    private static Set<String> indexNames(String table) {
        List<GlobalSecondaryIndexDescription> indexes = Emulator.dynamo().describeTable(describe -> describe.tableName(table))
                .table().globalSecondaryIndexes();
        return new TreeSet<>(indexes.stream().map(GlobalSecondaryIndexDescription::indexName).toList());
    }
}
