package dev.connecttasks.testing;

import dev.connecttasks.config.AwsClients;
import dev.connecttasks.config.Settings;
import dev.connecttasks.store.ContactTableSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

/**
 * The emulator endpoint the integration tests run against: {@code AWS_ENDPOINT_URL} (moto started by
 * {@code ./dev test}, or your own LocalStack). Without it, or when it does not answer, tests fail:
 * they never skip and never pass against nothing. Each test class gets its own table and schedule
 * group, so classes never see each other's data.
 */
public final class Emulator {
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT_ID = "000000000000";
    public static final String SCHEDULER_ROLE_ARN = "arn:aws:iam::" + ACCOUNT_ID + ":role/connect-tasks-scheduler";
    public static final String DEAD_LETTER_QUEUE_ARN = "arn:aws:sqs:" + REGION + ":" + ACCOUNT_ID
            + ":connect-tasks-TaskStartDeadLetterQueue";
    private static final String FLOW_RUNNER_NAME = "connect-tasks-flow-runner";
    private static final String LAMBDA_ROLE_NAME = "connect-tasks-flow-runner-role";

    private static DynamoDbClient dynamo;
    private static SchedulerClient scheduler;
    private static String flowRunnerArn;

    private Emulator() {
    }

    public static String endpoint() {
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalStateException("AWS_ENDPOINT_URL is not set: run the tests with ./dev test, "
                    + "or point AWS_ENDPOINT_URL at a running moto server or LocalStack");
        }
        return endpoint;
    }

    /** Settings as the template would give a function, aimed at this test's table and group. */
    public static Settings settings(String tableName, String scheduleGroup) {
        return new Settings(Map.of(
                "AWS_REGION", REGION,
                "ACCOUNT_ID", ACCOUNT_ID,
                "TABLE_NAME", tableName,
                "SCHEDULE_GROUP", scheduleGroup,
                "SCHEDULER_ROLE_ARN", SCHEDULER_ROLE_ARN,
                "FLOW_RUNNER_ARN", flowRunnerArn(),
                "DEAD_LETTER_QUEUE_ARN", DEAD_LETTER_QUEUE_ARN));
    }

    public static synchronized DynamoDbClient dynamo() {
        if (dynamo == null) {
            endpoint();
            dynamo = AwsClients.dynamoDb(baseSettings());
        }
        return dynamo;
    }

    public static synchronized SchedulerClient scheduler() {
        if (scheduler == null) {
            endpoint();
            scheduler = AwsClients.scheduler(baseSettings());
        }
        return scheduler;
    }

    /** A new, empty contact table with the template's key schema and TTL attribute. */
    public static String newTable() {
        String name = "contacts-" + UUID.randomUUID();
        ContactTableSchema.createIfMissing(dynamo(), name);
        return name;
    }

    public static String newScheduleGroup() {
        String name = "tasks-" + UUID.randomUUID();
        scheduler().createScheduleGroup(group -> group.name(name));
        return name;
    }

    /**
     * The flow-runner as the emulator knows it: a registered function that accepts asynchronous
     * invokes (moto runs no Java; tests run the real handler with the payload they observe).
     */
    public static synchronized String flowRunnerArn() {
        if (flowRunnerArn != null) {
            return flowRunnerArn;
        }
        if (isMoto()) {
            motoApi("/moto-api/config", "{\"lambda\":{\"use_docker\":false}}");
        }
        try (IamClient iam = IamClient.builder()
                        .region(Region.AWS_GLOBAL)
                        .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                        .httpClient(UrlConnectionHttpClient.create())
                        .build();
                LambdaClient lambda = lambda()) {
            String roleArn;
            try {
                roleArn = iam.createRole(role -> role.roleName(LAMBDA_ROLE_NAME)
                        .assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[]}")).role().arn();
            } catch (EntityAlreadyExistsException exists) {
                roleArn = iam.getRole(role -> role.roleName(LAMBDA_ROLE_NAME)).role().arn();
            }
            String role = roleArn;
            try {
                flowRunnerArn = lambda.createFunction(function -> function
                        .functionName(FLOW_RUNNER_NAME)
                        .runtime(Runtime.JAVA21)
                        .handler("dev.connecttasks.handler.FlowRunnerHandler::handleRequest")
                        .role(role)
                        .code(code -> code.zipFile(SdkBytes.fromByteArray(Zip.single("placeholder.txt", "x")))))
                        .functionArn();
            } catch (ResourceConflictException exists) {
                flowRunnerArn = lambda.getFunction(function -> function.functionName(FLOW_RUNNER_NAME))
                        .configuration().functionArn();
            }
        }
        return flowRunnerArn;
    }

    /**
     * A Lambda client aimed at the emulator explicitly: a JVM that also runs the local backend has the
     * SDK's Lambda endpoint setting aimed at the local Invoke endpoint, which serves only Invoke.
     */
    public static LambdaClient lambda(ExecutionInterceptor... interceptors) {
        return LambdaClient.builder()
                .region(Region.of(REGION))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(URI.create(endpoint()))
                .overrideConfiguration(override -> override.executionInterceptors(List.of(interceptors)))
                .build();
    }

    /** moto answers its own API at /moto-api/; LocalStack and AWS do not. */
    public static boolean isMoto() {
        return send(HttpRequest.newBuilder(URI.create(endpoint() + "/moto-api/")).GET()).statusCode() == 200;
    }

    /** Calls moto's own API (configuration, reset); only for moto. */
    public static String motoApi(String path, String json) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(endpoint() + path))
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("moto refused " + path + ": " + response.statusCode());
        }
        return response.body();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the emulator at " + endpoint() + " does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Settings baseSettings() {
        return new Settings(Map.of("AWS_REGION", REGION));
    }
}
