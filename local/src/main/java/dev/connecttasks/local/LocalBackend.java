package dev.connecttasks.local;

import dev.connecttasks.config.AwsClients;
import dev.connecttasks.config.Settings;
import dev.connecttasks.offline.DemoInstance;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The whole backend on one machine, with no Docker and no cloud: the template's functions, each in
 * execution environments of its own run as AWS Lambda runs them ({@link LambdaService}), behind the
 * HTTP API ({@link HttpGateway}) and the Lambda Invoke API, over the table and schedule group in the
 * emulator at {@code AWS_ENDPOINT_URL}, with due schedules fired every second and the table's stream
 * delivered to the functions its event source mappings name ({@link StreamPoller}).
 */
public final class LocalBackend implements AutoCloseable {
    /** How often an idle stream is read: Lambda polls a DynamoDB stream four times a second. */
    private static final java.time.Duration STREAM_POLL_INTERVAL = java.time.Duration.ofMillis(250);

    private final LambdaService lambda;
    private final HttpGateway gateway;
    private final ScheduleFirer firer;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "schedule-firer");
        thread.setDaemon(true);
        return thread;
    });

    private final List<StreamPoller> pollers;
    private final ExecutorService pollerThread = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "stream-poller");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    private LocalBackend(LambdaService lambda, HttpGateway gateway, ScheduleFirer firer, List<StreamPoller> pollers) {
        this.lambda = lambda;
        this.gateway = gateway;
        this.firer = firer;
        this.pollers = pollers;
    }

    /**
     * Prepares the emulator and starts the backend for {@code template}, whose {@code CodeUri}s resolve
     * against {@code root} (the checkout); port 0 picks a free one.
     */
    public static LocalBackend start(Path root, Path template, int port, LogSink logs, int maxEnvironments)
            throws IOException {
        LocalNames names = LocalNames.fromEnvironment();
        Settings settings = names.settings();
        EmulatorSetup.prepare(settings, root);
        SamTemplate functions = SamTemplate.read(template, names);
        LambdaService lambda = new LambdaService(functions, root, names, logs, maxEnvironments);
        try {
            HttpGateway gateway = new HttpGateway(port, functions.routes(), lambda.functions(), Clock.systemUTC());
            // the local Invoke API checks no signature
            LambdaClient invoker = LambdaClient.builder()
                    .endpointOverride(URI.create(lambda.lambdaUrl()))
                    .region(Region.of(names.region()))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
            LocalBackend backend = new LocalBackend(lambda, gateway,
                    new ScheduleFirer(AwsClients.scheduler(settings), invoker, settings.scheduleGroup()),
                    streamPollers(functions, lambda, settings, names));
            backend.ticker.scheduleWithFixedDelay(backend::tick, 1, 1, TimeUnit.SECONDS);
            backend.pollerThread.execute(backend::pollStreams);
            return backend;
        } catch (IOException | RuntimeException e) {
            lambda.close();
            throw e;
        }
    }

    private static List<StreamPoller> streamPollers(SamTemplate template, LambdaService lambda, Settings settings,
            LocalNames names) throws IOException {
        String streamArn;
        try (DynamoDbClient dynamo = AwsClients.dynamoDb(settings)) {
            streamArn = dynamo.describeTable(describe -> describe.tableName(settings.tableName())).table().latestStreamArn();
        }
        List<StreamPoller> pollers = new ArrayList<>();
        for (SamTemplate.StreamMapping mapping : template.streamMappings()) {
            pollers.add(new StreamPoller(AwsClients.dynamoDbStreams(settings), LocalClients.sqs(names), streamArn, mapping,
                    lambda.function(mapping.functionId()), names.functionArn(mapping.functionId()), Clock.systemUTC()));
        }
        return pollers;
    }

    /** Delivers the stream until the backend closes, polling again at once while there is traffic. */
    private void pollStreams() {
        while (!closed) {
            int delivered = 0;
            try {
                for (StreamPoller poller : pollers) {
                    delivered += poller.poll();
                }
                if (delivered == 0) {
                    Thread.sleep(STREAM_POLL_INTERVAL.toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!closed) {
                    System.err.println("[local] stream polling failed, retrying: " + e);
                }
            }
        }
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + gateway.port();
    }

    public String lambdaUrl() {
        return lambda.lambdaUrl();
    }

    /** The process ids of the execution environments that exist now, by function. */
    public Map<String, List<Long>> environments() {
        return lambda.environments();
    }

    /** How many times the functions fetched their credentials from the container credentials endpoint. */
    public int credentialsServed() {
        return lambda.credentialsServed();
    }

    private void tick() {
        try {
            firer.fireDue(Instant.now());
        } catch (RuntimeException e) {
            System.err.println("[local] schedule firing failed, retrying next tick: " + e);
        }
    }

    @Override
    public void close() {
        closed = true;
        pollerThread.shutdownNow();
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        gateway.close();
        firer.close();
        lambda.close();
    }

    public static void main(String[] args) throws Exception {
        Path template = Path.of(args.length > 0 ? args[0] : "template.yaml").toAbsolutePath();
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "3000"));
        int maxEnvironments = Integer.parseInt(System.getenv().getOrDefault("LAMBDA_MAX_ENVIRONMENTS",
                Integer.toString(LambdaService.DEFAULT_MAX_ENVIRONMENTS)));
        LocalBackend backend = start(template.getParent(), template, port, LogSink.CONSOLE, maxEnvironments);
        Runtime.getRuntime().addShutdownHook(new Thread(backend::close, "shutdown"));
        System.out.println("demo instance " + DemoInstance.INSTANCE_ID + ", demo flow " + DemoInstance.FLOW_ID
                + " (" + EmulatorSetup.DEMO_FLOW + ")");
        System.out.println("connect-tasks is serving the Amazon Connect API at " + backend.apiUrl()
                + " (emulator " + System.getenv("AWS_ENDPOINT_URL") + ", Lambda " + backend.lambdaUrl()
                + "; each function in its own Lambda runtime JVM, started on first use); Ctrl-C stops it");
    }
}
