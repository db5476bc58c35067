package dev.connecttasks.local;

import dev.connecttasks.config.AwsClients;
import dev.connecttasks.config.Settings;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.store.ContactTableSchema;
import dev.connecttasks.store.InstanceTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What CloudFormation creates in AWS, created in the emulator where it is missing: the table (with
 * its due index, TTL and stream), the schedule group and the template's own schedules, the queues,
 * and the demo instance with its flow. State lives in the emulator, so
 * a restart against the same emulator keeps it.
 */
public final class EmulatorSetup {
    public static final String DEMO_FLOW = "flows/demo-task.json";
    /** The template's queue for stream batches whose retries are spent. */
    public static final String STREAM_DEAD_LETTER_QUEUE = "TaskStartDeadLetterQueue";

    private EmulatorSetup() {
    }

    /** {@code root} is the checkout, where the demo flow is read from. */
    public static void prepare(Settings settings, Path root) throws IOException {
        LocalNames names = new LocalNames(settings.region());
        String demoFlow = Files.readString(root.resolve(DEMO_FLOW));
        try (DynamoDbClient dynamo = AwsClients.dynamoDb(settings);
                SchedulerClient scheduler = AwsClients.scheduler(settings);
                SqsClient sqs = LocalClients.sqs(names)) {
            sqs.createQueue(create -> create.queueName(names.ref(STREAM_DEAD_LETTER_QUEUE)));
            ContactTableSchema.createIfMissing(dynamo, settings.tableName());
            DemoInstance.ensure(new InstanceTable(dynamo, settings.tableName()), demoFlow, Instant.now());
            try {
                scheduler.createScheduleGroup(group -> group.name(settings.scheduleGroup()));
            } catch (ConflictException exists) {
                // kept from an earlier run
            }
            for (SamTemplate.ScheduleSpec schedule : SamTemplate.read(root.resolve("template.yaml"), names).schedules()) {
                try {
                    scheduler.createSchedule(create -> create.name(schedule.name()).groupName(schedule.groupName())
                            .scheduleExpression(schedule.expression())
                            .flexibleTimeWindow(window -> window.mode(FlexibleTimeWindowMode.OFF))
                            .target(target -> target.arn(schedule.targetArn()).roleArn(schedule.roleArn())));
                } catch (ConflictException exists) {
                    // kept from an earlier run
                }
            }
        }
    }
}
