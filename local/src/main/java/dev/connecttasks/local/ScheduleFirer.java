package dev.connecttasks.local;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;

/**
 * What EventBridge Scheduler does and the emulators do not: fire one-shot {@code at(...)} schedules
 * when they are due, and {@code rate(...)} schedules every period from when the firer first saw them.
 * For each due schedule of the group it invokes the target function through the Lambda Invoke API with
 * the schedule's {@code Target.Input}, then deletes a one-shot schedule when its
 * {@code ActionAfterCompletion} is {@code DELETE}. A failed invoke is retried on the next tick, so a
 * schedule fires at least once, as Scheduler promises; the flow-runner's claim makes that safe.
 */
final class ScheduleFirer implements AutoCloseable {
    private static final Pattern AT = Pattern.compile("at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)");
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");

    private final SchedulerClient scheduler;
    private final LambdaClient lambda;
    private final String groupName;
    /** One-shot schedules kept after firing (ActionAfterCompletion NONE) must not fire again. */
    private final Map<String, Instant> fired = new ConcurrentHashMap<>();
    /** When each recurring schedule fires next. */
    private final Map<String, Instant> nextRecurrence = new ConcurrentHashMap<>();

    ScheduleFirer(SchedulerClient scheduler, LambdaClient lambda, String groupName) {
        this.scheduler = scheduler;
        this.lambda = lambda;
        this.groupName = groupName;
    }

    /** Fires every schedule of the group that is due at {@code now}; returns the names it fired. */
    synchronized List<String> fireDue(Instant now) {
        List<String> firedNow = new ArrayList<>();
        for (ScheduleSummary summary : scheduler.listSchedulesPaginator(list -> list.groupName(groupName)).schedules()) {
            if (summary.state() == ScheduleState.DISABLED || fired.containsKey(summary.name())) {
                continue;
            }
            GetScheduleResponse schedule = scheduler.getSchedule(get -> get.groupName(groupName).name(summary.name()));
            Duration period = period(schedule.scheduleExpression());
            Instant at = period == null ? fireTime(schedule)
                    : nextRecurrence.computeIfAbsent(summary.name(), name -> now.plus(period));
            if (at == null || at.isAfter(now)) {
                continue;
            }
            String input = schedule.target().input() == null ? "{}" : schedule.target().input();
            try {
                lambda.invoke(invoke -> invoke
                        .functionName(schedule.target().arn())
                        .invocationType(InvocationType.EVENT)
                        .payload(SdkBytes.fromUtf8String(input)));
            } catch (SdkException e) {
                System.err.println("[local] schedule " + summary.name() + " did not fire, retrying next tick: " + e);
                continue;
            }
            if (period != null) {
                nextRecurrence.put(summary.name(), at.plus(period));
            } else if (schedule.actionAfterCompletion() == ActionAfterCompletion.DELETE) {
                scheduler.deleteSchedule(delete -> delete.groupName(groupName).name(summary.name()));
            } else {
                fired.put(summary.name(), at);
            }
            firedNow.add(summary.name());
        }
        return firedNow;
    }

    /** The period of a {@code rate(...)} schedule, or null for any other kind. */
    static Duration period(String expression) {
        Matcher rate = RATE.matcher(expression == null ? "" : expression);
        if (!rate.matches()) {
            return null;
        }
        long amount = Long.parseLong(rate.group(1));
        return switch (rate.group(2).replaceAll("s$", "")) {
            case "minute" -> Duration.ofMinutes(amount);
            case "hour" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** The time of a one-shot schedule, or null for any other kind (cron is not fired here). */
    static Instant fireTime(GetScheduleResponse schedule) {
        Matcher at = AT.matcher(schedule.scheduleExpression() == null ? "" : schedule.scheduleExpression());
        if (!at.matches()) {
            return null;
        }
        String zone = schedule.scheduleExpressionTimezone() == null ? "UTC" : schedule.scheduleExpressionTimezone();
        try {
            return LocalDateTime.parse(at.group(1)).atZone(ZoneId.of(zone)).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Closes the clients it was given. */
    @Override
    public void close() {
        scheduler.close();
        lambda.close();
    }
}
