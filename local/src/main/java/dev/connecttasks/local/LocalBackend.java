package dev.connecttasks.local;

import com.amazonaws.services.lambda.runtime.Context;
import dev.connecttasks.config.AwsClients;
import dev.connecttasks.config.OfflineContext;
import dev.connecttasks.config.Settings;
import dev.connecttasks.instance.DemoInstance;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The whole backend on one machine, with no Docker and no cloud: the template's functions in-process,
 * behind the HTTP API gateway and the Lambda Invoke endpoint, over the table and schedule group in the
 * emulator at {@code AWS_ENDPOINT_URL}, with due schedules fired every second. The functions read the
 * same settings from the environment as in Lambda; only the Lambda endpoint is aimed here, through the
 * SDK's {@code aws.endpointUrlLambda} setting, so the start handler's real Invoke reaches the real
 * flow-runner.
 */
public final class LocalBackend implements AutoCloseable {
    private static final String REGION_ACCOUNT = "us-east-1:000000000000";

    private final LambdaInvokeEndpoint lambda;
    private final HttpGateway gateway;
    private final ScheduleFirer firer;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "schedule-firer");
        thread.setDaemon(true);
        return thread;
    });

    private LocalBackend(SamTemplate template, Path root, int port, Settings settings)
            throws IOException, ReflectiveOperationException {
        EmulatorSetup.prepare(settings, root);
        Map<String, LocalFunction> functions = new LinkedHashMap<>();
        lambda = new LambdaInvokeEndpoint(functions);
        System.setProperty("aws.endpointUrlLambda", lambda.url());
        for (Map.Entry<String, String> handler : template.handlers().entrySet()) {
            functions.put(handler.getKey(), LocalFunction.load(handler.getKey(), handler.getValue()));
        }
        gateway = new HttpGateway(port, template.routes(), functions, Clock.systemUTC());
        firer = new ScheduleFirer(AwsClients.scheduler(settings), AwsClients.lambda(settings), settings.scheduleGroup());
    }

    /** Starts the backend; port 0 picks a free one. */
    public static LocalBackend start(Path template, int port) throws IOException, ReflectiveOperationException {
        Path root = template.toAbsolutePath().getParent();
        LocalBackend backend = new LocalBackend(SamTemplate.read(template), root, port, Settings.fromEnvironment());
        backend.ticker.scheduleWithFixedDelay(backend::tick, 1, 1, TimeUnit.SECONDS);
        return backend;
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + gateway.port();
    }

    public String lambdaUrl() {
        return lambda.url();
    }

    static String functionArn(String functionId) {
        return "arn:aws:lambda:" + REGION_ACCOUNT + ":function:" + functionId;
    }

    /** The context of one local invocation: the function's log lines go to standard output. */
    static Context context(String functionId, String requestId, String functionArn) {
        return new OfflineContext(functionId, requestId, functionArn, System.out::println);
    }

    private void tick() {
        try {
            firer.fireDue(java.time.Instant.now());
        } catch (RuntimeException e) {
            System.err.println("[local] schedule firing failed, retrying next tick: " + e);
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        gateway.close();
        lambda.close();
    }

    public static void main(String[] args) throws Exception {
        Path template = Path.of(args.length > 0 ? args[0] : "template.yaml");
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "3000"));
        LocalBackend backend = start(template, port);
        Runtime.getRuntime().addShutdownHook(new Thread(backend::close, "shutdown"));
        System.out.println("demo instance " + DemoInstance.INSTANCE_ID + ", demo flow " + DemoInstance.FLOW_ID
                + " (" + EmulatorSetup.DEMO_FLOW + ")");
        System.out.println("connect-tasks is serving the Amazon Connect API at " + backend.apiUrl()
                + " (emulator " + System.getenv("AWS_ENDPOINT_URL") + "); Ctrl-C stops it");
    }
}
