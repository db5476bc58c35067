package dev.connecttasks.schedule;

import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.flow.ExpiryMessage;
import dev.connecttasks.flow.StartMessage;
import dev.connecttasks.operation.port.TaskScheduler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ServiceQuotaExceededException;

/**
 * One-shot EventBridge Scheduler schedules that start a task's flow, or end it when its expiry comes. A
 * schedule belongs to one (contact, time) pair: its name is derived from both, and its input carries
 * the time, so a schedule left behind by a reschedule, or a moved expiry, fires into a no-op (and then
 * deletes itself).
 */
public final class TaskSchedules implements TaskScheduler {
    /**
     * Scheduler retries a delivery the flow-runner's Lambda refuses (throttled, unavailable) for a day,
     * as often as it may, then describes it on the dead-letter queue; the reconciler starts the task.
     */
    static final int MAX_DELIVERY_ATTEMPTS = 185;
    static final Duration MAX_DELIVERY_AGE = Duration.ofHours(24);

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final SchedulerClient scheduler;
    private final String groupName;
    private final String targetArn;
    private final String roleArn;
    private final String deadLetterArn;

    public TaskSchedules(SchedulerClient scheduler, String groupName, String targetArn, String roleArn,
            String deadLetterArn) {
        this.scheduler = scheduler;
        this.groupName = groupName;
        this.targetArn = targetArn;
        this.roleArn = roleArn;
        this.deadLetterArn = deadLetterArn;
    }

    @Override
    public Outcome create(ContactKey key, String contactFlowId, Instant scheduledTime) {
        return create(name(key, scheduledTime), scheduledTime, new StartMessage(key, contactFlowId, scheduledTime).toJson());
    }

    @Override
    public Outcome createExpiry(ContactKey key, Instant expiry) {
        return create(expiryName(key, expiry), expiry, new ExpiryMessage(key, expiry).toJson());
    }

    private Outcome create(String name, Instant at, String input) {
        try {
            scheduler.createSchedule(schedule -> schedule
                    .name(name)
                    .groupName(groupName)
                    .scheduleExpression(expression(at))
                    .scheduleExpressionTimezone("UTC")
                    .flexibleTimeWindow(window -> window.mode(FlexibleTimeWindowMode.OFF))
                    .actionAfterCompletion(ActionAfterCompletion.DELETE)
                    .target(target -> target
                            .arn(targetArn)
                            .roleArn(roleArn)
                            .retryPolicy(retry -> retry
                                    .maximumRetryAttempts(MAX_DELIVERY_ATTEMPTS)
                                    .maximumEventAgeInSeconds((int) MAX_DELIVERY_AGE.toSeconds()))
                            .deadLetterConfig(deadLetter -> deadLetter.arn(deadLetterArn))
                            .input(input))
                    .clientToken(name));
            return Outcome.CREATED;
        } catch (ConflictException alreadyExists) {
            return Outcome.ALREADY_THERE;
        } catch (ServiceQuotaExceededException e) {
            return Outcome.QUOTA_REACHED;
        }
    }

    @Override
    public void delete(ContactKey key, Instant scheduledTime) {
        try {
            scheduler.deleteSchedule(schedule -> schedule.name(name(key, scheduledTime)).groupName(groupName));
        } catch (ResourceNotFoundException alreadyGone) {
            // nothing to delete
        }
    }

    /**
     * {@code <hash of instance and contact>-<scheduled epoch millis>}: 46 characters, within the 64 that
     * Scheduler allows, and never the same for two instances whatever characters their ids hold.
     */
    public static String name(ContactKey key, Instant scheduledTime) {
        return contactHash(key) + "-" + scheduledTime.toEpochMilli();
    }

    /** {@code <hash of instance and contact>-x<expiry epoch millis>}: never a start's name. */
    public static String expiryName(ContactKey key, Instant expiry) {
        return contactHash(key) + "-x" + expiry.toEpochMilli();
    }

    private static String contactHash(ContactKey key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(key.instanceId().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(key.contactId().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }

    /** {@code at(yyyy-MM-ddTHH:mm:ss)} in UTC, rounded up so the flow never starts before its time. */
    public static String expression(Instant scheduledTime) {
        Instant second = scheduledTime.truncatedTo(ChronoUnit.SECONDS);
        if (second.isBefore(scheduledTime)) {
            second = second.plusSeconds(1);
        }
        return "at(" + AT.format(second) + ")";
    }
}
