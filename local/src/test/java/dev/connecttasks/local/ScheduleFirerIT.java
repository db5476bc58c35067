package dev.connecttasks.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.connecttasks.config.AwsClients;
import dev.connecttasks.config.Settings;
import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.operation.StartTaskContact;
import dev.connecttasks.schedule.TaskSchedules;
import dev.connecttasks.store.ContactTable;
import dev.connecttasks.store.NewContacts;
import dev.connecttasks.store.TaskTemplateTable;
import dev.connecttasks.testing.Emulator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;

/** The schedule firer driven by a fixed clock, against its own schedule group. */
class ScheduleFirerIT {
    private static final String INSTANCE = DemoInstance.INSTANCE_ID;
    private static final String FLOW = DemoInstance.FLOW_ID;
    /**
     * The firer's clock, and StartTaskContact's: two minutes back, so that a schedule it finds due a
     * minute on is due for the flow-runner too, which runs in its own JVM on the real clock.
     */
    private static final Instant NOW = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS);
    private static ContactTable table;
    private static TaskSchedules schedules;
    private static ScheduleFirer firer;
    private static String group;

    @BeforeAll
    static void wire() throws Exception {
        LambdaClient localLambda = LambdaClient.builder()
                .endpointOverride(URI.create(RunningBackend.get().lambdaUrl()))
                .region(Region.of(Emulator.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        Settings settings = LocalNames.fromEnvironment().settings();
        group = Emulator.newScheduleGroup();
        table = new ContactTable(AwsClients.dynamoDb(settings), settings.tableName());
        schedules = new TaskSchedules(AwsClients.scheduler(settings), group, settings.flowRunnerArn(),
                settings.schedulerRoleArn(), settings.deadLetterQueueArn());
        firer = new ScheduleFirer(AwsClients.scheduler(settings), localLambda, group);
    }

    private static String startAt(Instant at) {
        Settings settings = LocalNames.fromEnvironment().settings();
        return new StartTaskContact(table, new NewContacts(AwsClients.dynamoDb(settings), settings.tableName()),
                new TaskTemplateTable(AwsClients.dynamoDb(settings), settings.tableName()), schedules,
                Clock.fixed(NOW, ZoneOffset.UTC))
                .start(new TaskRequest(INSTANCE, FLOW, "n", null, Map.of(), Map.of(), null, null, null, at));
    }

    /** The contact's flow status once it is {@code wanted}, or its last status after 30 s. */
    private static FlowStatus awaitStatus(String contactId, FlowStatus wanted) {
        try {
            return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                    table.find(new ContactKey(INSTANCE, contactId), Instant.now()).orElseThrow().flowStatus(), wanted::equals);
        } catch (ConditionTimeoutException late) {
            return table.find(new ContactKey(INSTANCE, contactId), Instant.now()).orElseThrow().flowStatus();
        }
    }

    @Test
    void firesOnlyDueSchedulesThenDeletesThem() throws Exception {
        Instant soon = NOW.plusSeconds(60);
        Instant later = NOW.plusSeconds(3600);
        String dueContact = startAt(soon);
        String laterContact = startAt(later);
        String dueName = TaskSchedules.name(new ContactKey(INSTANCE, dueContact), soon);

        assertEquals(List.of(), firer.fireDue(soon.minusSeconds(1)));
        assertEquals(List.of(dueName), firer.fireDue(soon));
        assertEquals(FlowStatus.STARTED, awaitStatus(dueContact, FlowStatus.STARTED));
        assertThrows(ResourceNotFoundException.class,
                () -> Emulator.scheduler().getSchedule(get -> get.groupName(group).name(dueName)));
        assertEquals(List.of(), firer.fireDue(soon.plusSeconds(1)));
        assertEquals(FlowStatus.SCHEDULED, table.find(new ContactKey(INSTANCE, laterContact), NOW).orElseThrow().flowStatus());
    }

    @Test
    void theReconcilersRateScheduleFiresEachMinuteAndStartsATaskWhoseScheduleIsGone() {
        Settings settings = LocalNames.fromEnvironment().settings();
        // a scheduled task due 90 s ago (real time) whose schedule was deleted by hand: only the reconciler
        // can start it, once it is over a minute late
        Instant due = Instant.now().minusSeconds(90).truncatedTo(ChronoUnit.MILLIS);
        Contact missed = new Contact(new ContactKey(INSTANCE, UUID.randomUUID().toString()), FLOW, "Missed", null,
                Map.of(), Map.of(), null, null, null, due.minusSeconds(60), due.minusSeconds(60), due,
                FlowStatus.SCHEDULED, null, null, null);
        new NewContacts(AwsClients.dynamoDb(settings), settings.tableName()).create(missed, null, due.minusSeconds(60));
        String name = "reconciler-" + UUID.randomUUID();
        Emulator.scheduler().createSchedule(create -> create.name(name).groupName(group)
                .scheduleExpression("rate(1 minute)")
                .flexibleTimeWindow(window -> window.mode(FlexibleTimeWindowMode.OFF))
                .target(target -> target.arn(LocalNames.fromEnvironment().ref("ReconcilerFunction.Alias"))
                        .roleArn(settings.schedulerRoleArn())));

        assertEquals(List.of(), firer.fireDue(NOW));
        assertEquals(List.of(name), firer.fireDue(NOW.plusSeconds(60)));
        assertEquals(FlowStatus.STARTED, awaitStatus(missed.id(), FlowStatus.STARTED));
        assertEquals(List.of(), firer.fireDue(NOW.plusSeconds(119)));
        assertEquals(List.of(name), firer.fireDue(NOW.plusSeconds(120)));
        Emulator.scheduler().deleteSchedule(delete -> delete.groupName(group).name(name));
    }

    @Test
    void fireTimeReadsAtExpressionsInTheirTimeZone() {
        assertEquals(Instant.parse("2026-11-27T09:30:00Z"), ScheduleFirer.fireTime(
                GetScheduleResponse.builder()
                        .scheduleExpression("at(2026-11-27T09:30:00)").scheduleExpressionTimezone("UTC").build()));
        assertEquals(Instant.parse("2026-11-27T08:30:00Z"), ScheduleFirer.fireTime(
                GetScheduleResponse.builder()
                        .scheduleExpression("at(2026-11-27T09:30:00)").scheduleExpressionTimezone("Europe/Paris").build()));
        assertNull(ScheduleFirer.fireTime(
                GetScheduleResponse.builder()
                        .scheduleExpression("rate(5 minutes)").build()));
        assertEquals(Duration.ofMinutes(5), ScheduleFirer.period("rate(5 minutes)"));
        assertEquals(Duration.ofHours(1), ScheduleFirer.period("rate(1 hour)"));
        assertNull(ScheduleFirer.period("at(2026-11-27T09:30:00)"));
    }
}
