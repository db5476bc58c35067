package dev.connecttasks.local;

import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.Emulator;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.ConnectClientBuilder;

/** One local backend per test JVM, started as ./dev serve starts it (on a free port). */
final class RunningBackend {
    private static LocalBackend backend;

    private RunningBackend() {
    }

    static synchronized LocalBackend get() throws Exception {
        if (backend == null) {
            Emulator.endpoint();
            backend = LocalBackend.start(ApiEvents.repositoryRoot().resolve("template.yaml"), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(backend::close));
        }
        return backend;
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
