package dev.connecttasks.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.testing.Emulator;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;

class TaskSchedulesIT {
    private static final String TARGET = "arn:aws:lambda:us-east-1:000000000000:function:flow-runner:live";
    private static String group;
    private static TaskSchedules schedules;

    @BeforeAll
    static void createGroup() {
        group = Emulator.newScheduleGroup();
        schedules = new TaskSchedules(Emulator.scheduler(), group, TARGET, Emulator.SCHEDULER_ROLE_ARN,
                Emulator.DEAD_LETTER_QUEUE_ARN);
    }

    private static GetScheduleResponse read(ContactKey key, Instant at) {
        return Emulator.scheduler().getSchedule(get -> get.groupName(group).name(TaskSchedules.name(key, at)));
    }

    @Test
    void createsAOneShotScheduleThatInvokesTheFlowRunnerOnce() {
        ContactKey key = new ContactKey("instance-1", "contact-1");
        Instant at = Instant.parse("2030-01-02T03:04:05.678Z");
        assertEquals(TaskSchedules.Outcome.CREATED, schedules.create(key, "flow-1", at));
        GetScheduleResponse schedule = read(key, at);
        assertEquals("at(2030-01-02T03:04:06)", schedule.scheduleExpression());
        assertEquals("UTC", schedule.scheduleExpressionTimezone());
        assertEquals(group, schedule.groupName());
        assertEquals(FlexibleTimeWindowMode.OFF, schedule.flexibleTimeWindow().mode());
        assertEquals(ActionAfterCompletion.DELETE, schedule.actionAfterCompletion());
        assertEquals(TARGET, schedule.target().arn());
        assertEquals(Emulator.SCHEDULER_ROLE_ARN, schedule.target().roleArn());
        assertEquals("{\"InstanceId\":\"instance-1\",\"ContactId\":\"contact-1\",\"ContactFlowId\":\"flow-1\","
                + "\"ScheduledTime\":1893553445.678}",
                schedule.target().input());
    }

    @Test
    void creatingTheSameScheduleAgainReportsThatItExisted() {
        ContactKey key = new ContactKey("instance-1", "contact-2");
        Instant at = Instant.parse("2030-01-02T03:04:05Z");
        assertEquals(TaskSchedules.Outcome.CREATED, schedules.create(key, "flow-1", at));
        assertEquals(TaskSchedules.Outcome.ALREADY_THERE, schedules.create(key, "flow-1", at));
        assertEquals(TaskSchedules.Outcome.CREATED, schedules.create(key, "flow-1", at.plusSeconds(1)));
    }

    @Test
    void deleteRemovesTheScheduleAndToleratesOneAlreadyGone() {
        ContactKey key = new ContactKey("instance-1", "contact-3");
        Instant at = Instant.parse("2030-01-02T03:04:05Z");
        schedules.create(key, "flow-1", at);
        schedules.delete(key, at);
        assertThrows(ResourceNotFoundException.class, () -> read(key, at));
        schedules.delete(key, at);
    }
}
