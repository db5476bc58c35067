package dev.connecttasks.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * AWS Lambda on this machine, for the template's functions: each runs from its deployment jar in
 * execution environments of its own ({@link FunctionPool}), reachable through the Lambda Invoke API
 * ({@link LambdaInvokeEndpoint}), with credentials only from the container credentials endpoint
 * ({@link CredentialsEndpoint}). The functions reach the emulator at {@code AWS_ENDPOINT_URL} and this
 * Invoke API through {@code AWS_ENDPOINT_URL_LAMBDA}: the two settings Lambda would not give them.
 */
public final class LambdaService implements AutoCloseable {
    /** Environments per function unless {@code LAMBDA_MAX_ENVIRONMENTS} says otherwise. */
    static final int DEFAULT_MAX_ENVIRONMENTS = 4;

    private final CredentialsEndpoint credentials;
    /** By function id; the Invoke API reads it from its own threads. */
    private final Map<String, FunctionPool> pools = new ConcurrentHashMap<>();
    private final LambdaInvokeEndpoint invokeEndpoint;
    private final Path taskRoots;

    LambdaService(SamTemplate template, Path root, LocalNames names, LogSink logs, int maxEnvironments)
            throws IOException {
        List<Path> runtimeClasspath = LambdaLaunch.runtimeClasspathIn(root);
        // this service's own task roots: another service (./dev invoke beside ./dev serve) never touches them
        Files.createDirectories(root.resolve("target/local-runtime"));
        taskRoots = Files.createTempDirectory(root.resolve("target/local-runtime"), "lambda-");
        credentials = new CredentialsEndpoint();
        invokeEndpoint = new LambdaInvokeEndpoint(pools, template.asyncOnFailureQueues(), LocalClients.sqs(names), names);
        LambdaLaunch launch = new LambdaLaunch(Path.of(ProcessHandle.current().info().command().orElse("java")),
                runtimeClasspath, root, taskRoots, names, credentials, localEnvironment(invokeEndpoint.url()), logs);
        template.functions().forEach((id, spec) -> pools.put(id, new FunctionPool(spec, launch, maxEnvironments)));
    }

    /** The emulator's endpoints, as this process has them, and the local Invoke API for Lambda. */
    private static Map<String, String> localEnvironment(String lambdaUrl) {
        Map<String, String> environment = new LinkedHashMap<>();
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("AWS_ENDPOINT_URL")) {
                environment.put(name, value);
            }
        });
        environment.put("AWS_ENDPOINT_URL_LAMBDA", lambdaUrl);
        return environment;
    }

    Map<String, ? extends LocalFunction> functions() {
        return pools;
    }

    /**
     * The template's functions, each with one execution environment at most, and no logs: what the
     * benchmark times a cold start with.
     */
    public static LambdaService quiet(SamTemplate template, Path root, LocalNames names) throws IOException {
        return new LambdaService(template, root, names, LogSink.DISCARD, 1);
    }

    public LocalFunction function(String functionId) {
        return pools.get(functionId);
    }

    String lambdaUrl() {
        return invokeEndpoint.url();
    }

    /** The process ids of every execution environment that exists now, by function. */
    Map<String, List<Long>> environments() {
        Map<String, List<Long>> pids = new TreeMap<>();
        pools.forEach((id, pool) -> pids.put(id, pool.pids()));
        return pids;
    }

    /** How many times the functions fetched credentials from the container credentials endpoint. */
    int credentialsServed() {
        return credentials.served();
    }

    /** Waits up to {@code limit} for the asynchronous invocations accepted so far to finish. */
    void drain(java.time.Duration limit) throws InterruptedException {
        invokeEndpoint.drain(limit);
    }

    @Override
    public void close() {
        invokeEndpoint.close();
        pools.values().forEach(FunctionPool::close);
        credentials.close();
        try (Stream<Path> files = Files.walk(taskRoots)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException gone) {
            // nothing left to delete
        }
    }
}
