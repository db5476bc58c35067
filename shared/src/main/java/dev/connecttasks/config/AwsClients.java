package dev.connecttasks.config;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

/**
 * SDK clients built the cheap way for Lambda: explicit region, the credentials Lambda gives a function
 * (see {@link #CREDENTIALS}), the URLConnection HTTP client, and the standard retry mode (3 attempts: a throttle that outlasts it
 * reaches the caller as a ThrottlingException within seconds, and the caller's SDK retries it, instead
 * of DynamoDB's legacy 9 attempts outlasting the API's timeout). No endpoint is set in code: the SDK reads {@code AWS_ENDPOINT_URL}
 * (and {@code AWS_ENDPOINT_URL_<SERVICE>}) itself, which is how tests and the local runtime aim it.
 */
public final class AwsClients {
    /**
     * The SDK's default chain: a SnapStart function has no access-key variables, only the container
     * credentials endpoint ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} with
     * {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}), from which a restored snapshot fetches fresh
     * credentials; tests and functions without SnapStart have the variables. One instance, so the
     * provider that answered is remembered across clients.
     */
    static final AwsCredentialsProvider CREDENTIALS = DefaultCredentialsProvider.builder().build();

    private AwsClients() {
    }

    /** Interceptors let tests and the benchmark observe (or fail) the calls; functions pass none. */
    public static DynamoDbClient dynamoDb(Settings settings, ExecutionInterceptor... interceptors) {
        return configure(DynamoDbClient.builder(), settings, interceptors).build();
    }

    /** The table's stream: read by the local runtime and the tests, where no event source mapping runs. */
    public static DynamoDbStreamsClient dynamoDbStreams(Settings settings, ExecutionInterceptor... interceptors) {
        return configure(DynamoDbStreamsClient.builder(), settings, interceptors).build();
    }

    public static SchedulerClient scheduler(Settings settings, ExecutionInterceptor... interceptors) {
        return configure(SchedulerClient.builder(), settings, interceptors).build();
    }

    public static EventBridgeClient eventBridge(Settings settings, ExecutionInterceptor... interceptors) {
        return configure(EventBridgeClient.builder(), settings, interceptors).build();
    }

    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, Settings settings, ExecutionInterceptor... interceptors) {
        return builder.region(Region.of(settings.region()))
                .credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(override -> override
                        .retryStrategy(RetryMode.STANDARD)
                        .executionInterceptors(List.of(interceptors)));
    }
}
