package dev.connecttasks.local;

import dev.connecttasks.config.AwsClients;
import dev.connecttasks.config.Settings;
import dev.connecttasks.store.ContactTableSchema;
import dev.connecttasks.store.DemoInstance;
import dev.connecttasks.store.InstanceTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ConflictException;

/**
 * What CloudFormation creates in AWS, created in the emulator where it is missing: the table (with
 * its TTL), the schedule group, and the demo instance with its flow. State lives in the emulator, so
 * a restart against the same emulator keeps it.
 */
public final class EmulatorSetup {
    public static final String DEMO_FLOW = "flows/demo-task.json";

    private EmulatorSetup() {
    }

    /** {@code root} is the checkout, where the demo flow is read from. */
    public static void prepare(Settings settings, Path root) throws IOException {
        String demoFlow = Files.readString(root.resolve(DEMO_FLOW));
        try (DynamoDbClient dynamo = AwsClients.dynamoDb(settings);
                SchedulerClient scheduler = AwsClients.scheduler(settings)) {
            ContactTableSchema.createIfMissing(dynamo, settings.tableName());
            DemoInstance.ensure(new InstanceTable(dynamo, settings.tableName()), demoFlow, Instant.now());
            try {
                scheduler.createScheduleGroup(group -> group.name(settings.scheduleGroup()));
            } catch (ConflictException exists) {
                // kept from an earlier run
            }
        }
    }
}
