package dev.connecttasks.local;

import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.Emulator;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connect.ConnectClient;

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
        return ConnectClient.builder()
                .endpointOverride(URI.create(get().apiUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
