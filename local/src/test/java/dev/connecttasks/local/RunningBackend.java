package dev.connecttasks.local;

import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.Emulator;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.ConnectClientBuilder;

/**
 * One local backend per test JVM, started as ./dev serve starts it (on a free port): every function in
 * execution environments of its own, under the Lambda Runtime Interface Client. The functions' log lines
 * are printed and kept, for the tests that read them.
 */
final class RunningBackend {
    private static final List<String> LOG_LINES = Collections.synchronizedList(new ArrayList<>());
    private static LocalBackend backend;

    private RunningBackend() {
    }

    static synchronized LocalBackend get() throws Exception {
        if (backend == null) {
            Emulator.endpoint();
            Path root = ApiEvents.repositoryRoot();
            backend = LocalBackend.start(root, root.resolve("template.yaml"), 0, (function, line, standardError) -> {
                LOG_LINES.add(function + " " + line);
                LogSink.CONSOLE.line(function, line, standardError);
            }, LambdaService.DEFAULT_MAX_ENVIRONMENTS);
            Runtime.getRuntime().addShutdownHook(new Thread(backend::close));
        }
        return backend;
    }

    /** Every line the functions wrote so far, each behind the logical id of its function and a space. */
    static List<String> logLines() {
        synchronized (LOG_LINES) {
            return List.copyOf(LOG_LINES);
        }
    }

    /** The real AWS SDK Connect client, aimed at the local API by its endpoint alone. */
    static ConnectClient connectClient() throws Exception {
        return connectClient(get().apiUrl(), true);
    }

    /** A Connect client for a gateway; without retries, every answer counts as given. */
    static ConnectClient connectClient(String url, boolean retries) {
        ConnectClientBuilder builder = ConnectClient.builder()
                .endpointOverride(URI.create(url))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create());
        if (!retries) {
            builder.overrideConfiguration(override -> override.retryStrategy(AwsRetryStrategy.doNotRetry()));
        }
        return builder.build();
    }
}
