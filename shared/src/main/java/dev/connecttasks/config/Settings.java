package dev.connecttasks.config;

import dev.connecttasks.contact.Arns;
import java.util.Map;

/**
 * The environment a function runs in, as the template sets it. Readers need only the table, region
 * and account; the scheduling settings are read when a function that schedules asks for them.
 */
public final class Settings {
    /** The alias every function is invoked through (the template's AutoPublishAlias). */
    public static final String ALIAS = "live";
    private final Map<String, String> environment;

    public Settings(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static Settings fromEnvironment() {
        return new Settings(System.getenv());
    }

    public String region() {
        return required("AWS_REGION");
    }

    public String accountId() {
        return required("ACCOUNT_ID");
    }

    /** ARNs in this function's region and account. */
    public Arns arns() {
        return new Arns(region(), accountId());
    }

    public String tableName() {
        return required("TABLE_NAME");
    }

    public String scheduleGroup() {
        return required("SCHEDULE_GROUP");
    }

    public String schedulerRoleArn() {
        return required("SCHEDULER_ROLE_ARN");
    }

    /** Where a schedule whose delivery kept failing is described: the task-start dead-letter queue. */
    public String deadLetterQueueArn() {
        return required("DEAD_LETTER_QUEUE_ARN");
    }

    /** The source of the contact events (sources starting with {@code aws.} are EventBridge's own). */
    public String eventSource() {
        return environment.getOrDefault("EVENT_SOURCE", "connect-tasks");
    }

    /** The bus the contact events go to. */
    public String eventBusName() {
        return environment.getOrDefault("EVENT_BUS_NAME", "default");
    }

    /**
     * The flow-runner's alias ARN: the schedules' target. The flow-runner itself is not told it (its own
     * alias would be a circular reference in the template) and names its own alias.
     */
    public String flowRunnerArn() {
        String arn = environment.get("FLOW_RUNNER_ARN");
        if ((arn == null || arn.isBlank()) && environment.containsKey("AWS_LAMBDA_FUNCTION_NAME")) {
            return "arn:aws:lambda:" + region() + ":" + accountId() + ":function:"
                    + environment.get("AWS_LAMBDA_FUNCTION_NAME") + ":" + ALIAS;
        }
        return required("FLOW_RUNNER_ARN");
    }

    private String required(String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }
}
