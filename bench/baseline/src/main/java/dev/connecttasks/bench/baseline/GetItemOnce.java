package dev.connecttasks.bench.baseline;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The cold-start baseline: a fresh JVM that performs one GetItem with a default-built client. */
public final class GetItemOnce {
    private GetItemOnce() {
    }

    public static void main(String[] args) {
        try (DynamoDbClient dynamo = DynamoDbClient.create()) {
            dynamo.getItem(get -> get.tableName(args[0]).key(Map.of(
                    "pk", AttributeValue.fromS("C#baseline"), "sk", AttributeValue.fromS("baseline"))));
        }
        System.out.println("200");
    }
}
