package dev.connecttasks.local;

import dev.connecttasks.config.Settings;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names the template's resources have locally, in the emulator's one account and the chosen
 * region, and the resolution of the intrinsic functions that refer to them ({@code !Ref},
 * {@code !GetAtt}, {@code !Sub}). This is the one place that says what the local table, schedule group,
 * role and functions are called.
 */
public final class LocalNames {
    public static final String ACCOUNT_ID = "000000000000";
    private static final String STACK = "connect-tasks";
    /** Resources whose local name is not the default {@code connect-tasks-<LogicalId>}. */
    private static final Map<String, String> NAMES = Map.of(
            "ContactTable", "connect-tasks-contacts",
            "TaskScheduleGroup", "connect-tasks",
            "SchedulerRole", "connect-tasks-scheduler");
    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([^}]+)}");

    private final String region;

    public LocalNames(String region) {
        this.region = region;
    }

    /** The names for the region this process runs in ({@code AWS_REGION}, us-east-1 when unset). */
    public static LocalNames fromEnvironment() {
        return new LocalNames(System.getenv().getOrDefault("AWS_REGION", "us-east-1"));
    }

    public String region() {
        return region;
    }

    /**
     * The settings the template gives a function, resolved to the local names: what the local runtime
     * prepares and fires, and what the acceptance tests' own parts use.
     */
    public Settings settings() {
        return new Settings(Map.of("AWS_REGION", region, "ACCOUNT_ID", ACCOUNT_ID,
                "TABLE_NAME", ref("ContactTable"), "SCHEDULE_GROUP", ref("TaskScheduleGroup"),
                "SCHEDULER_ROLE_ARN", arn("SchedulerRole"), "FLOW_RUNNER_ARN", ref("FlowRunnerFunction.Alias"),
                "DEAD_LETTER_QUEUE_ARN", arn("TaskStartDeadLetterQueue")));
    }

    /** What {@code !Ref logicalId} gives: a function's name, a function alias's ARN, a resource's name. */
    public String ref(String logicalId) {
        switch (logicalId) {
            case "AWS::AccountId":
                return ACCOUNT_ID;
            case "AWS::Region":
                return region;
            case "AWS::Partition":
                return "aws";
            case "AWS::URLSuffix":
                return "amazonaws.com";
            case "AWS::StackName":
                return STACK;
            default:
                break;
        }
        if (logicalId.endsWith(".Alias")) {
            return functionArn(logicalId.substring(0, logicalId.length() - ".Alias".length())) + ":live";
        }
        return NAMES.getOrDefault(logicalId, logicalId.endsWith("Function") ? logicalId : STACK + "-" + logicalId);
    }

    /** What {@code !GetAtt logicalId.Arn} gives. */
    public String arn(String logicalId) {
        if (logicalId.endsWith("Function")) {
            return functionArn(logicalId);
        }
        if (logicalId.endsWith("Role")) {
            return "arn:aws:iam::" + ACCOUNT_ID + ":role/" + ref(logicalId);
        }
        if (logicalId.endsWith("Table")) {
            return "arn:aws:dynamodb:" + region + ":" + ACCOUNT_ID + ":table/" + ref(logicalId);
        }
        if (logicalId.endsWith("Queue")) {
            return "arn:aws:sqs:" + region + ":" + ACCOUNT_ID + ":" + ref(logicalId);
        }
        if (logicalId.endsWith("ScheduleGroup")) {
            return "arn:aws:scheduler:" + region + ":" + ACCOUNT_ID + ":schedule-group/" + ref(logicalId);
        }
        throw new IllegalArgumentException("the local runtime has no ARN for " + logicalId);
    }

    public String functionArn(String functionId) {
        return "arn:aws:lambda:" + region + ":" + ACCOUNT_ID + ":function:" + functionId;
    }

    /** A template value: a plain scalar as it is, an intrinsic function resolved. */
    String resolve(Object value) {
        if (!(value instanceof SamTemplate.Intrinsic intrinsic)) {
            return String.valueOf(value);
        }
        String argument = String.valueOf(intrinsic.argument());
        switch (intrinsic.function()) {
            case "Ref":
                return ref(argument);
            case "GetAtt":
                return attribute(argument);
            case "Sub":
                Matcher variable = SUBSTITUTION.matcher(argument);
                StringBuilder resolved = new StringBuilder();
                while (variable.find()) {
                    String name = variable.group(1);
                    String replacement = name.contains(".") && !name.endsWith(".Alias") ? attribute(name) : ref(name);
                    variable.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
                }
                return variable.appendTail(resolved).toString();
            default:
                throw new IllegalArgumentException("the local runtime cannot resolve !" + intrinsic.function() + " " + argument);
        }
    }

    private String attribute(String logicalIdAndAttribute) {
        int dot = logicalIdAndAttribute.indexOf('.');
        String attribute = logicalIdAndAttribute.substring(dot + 1);
        if (!attribute.equals("Arn")) {
            throw new IllegalArgumentException("the local runtime cannot resolve !GetAtt " + logicalIdAndAttribute);
        }
        return arn(logicalIdAndAttribute.substring(0, dot));
    }
}
