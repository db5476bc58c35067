package dev.connecttasks.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.connecttasks.local.LocalFunction.Failure;
import dev.connecttasks.local.LocalFunction.Outcome;
import dev.connecttasks.local.LocalFunction.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Lambda execution environment: a JVM running the function's deployment jar under AWS Lambda's
 * Java Runtime Interface Client, and the Lambda Runtime API it polls, served here for it alone. It
 * serves one invocation at a time. It is ready once the runtime first asks for an invocation, which
 * for a SnapStart function is after its {@code beforeCheckpoint} hooks (the priming) and the restore.
 * An invocation that outlives the function's {@code Timeout} kills the environment, as Lambda does;
 * so does any failure of the runtime itself. A broken environment is never used again.
 */
final class ExecutionEnvironment implements AutoCloseable {
    private static final String RUNTIME = "/2018-06-01/runtime/";
    private static final Pattern RESULT = Pattern.compile(Pattern.quote(RUNTIME) + "invocation/([^/]+)/(response|error)");
    /** How long a cold start (JVM, handler construction, priming) may take before the environment is given up. */
    private static final Duration INIT_LIMIT = Duration.ofSeconds(60);
    /** How long the runtime may take to come back for the next invocation once it has answered one. */
    private static final Duration POLL_LIMIT = Duration.ofSeconds(10);

    private final SamTemplate.FunctionSpec spec;
    private final String functionArn;
    private final ExecutorService threads;
    private final HttpServer runtimeApi;
    /** Set once, right after the Runtime API it polls is up. */
    private volatile Process process;
    private final SynchronousQueue<Invocation> next = new SynchronousQueue<>();
    /** Completes when the runtime first polls for an invocation; fails when its init or restore fails. */
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile boolean broken;
    private volatile Invocation current;

    private record Invocation(String requestId, byte[] payload, long deadlineMillis, CompletableFuture<Outcome> outcome) {
    }

    private ExecutionEnvironment(SamTemplate.FunctionSpec spec, String functionArn) throws IOException {
        this.spec = spec;
        this.functionArn = functionArn;
        this.threads = LoopbackServer.threads("runtime-api-" + spec.id(), 0);
        // started last, so the Runtime API's threads see every field set above
        this.runtimeApi = LoopbackServer.start(0, this::handle, threads);
    }

    /** Starts the environment's JVM; it initialises in the background, and the first invocation waits for it. */
    static ExecutionEnvironment start(SamTemplate.FunctionSpec spec, java.nio.file.Path taskRoot, LambdaLaunch launch)
            throws IOException {
        ExecutionEnvironment environment = new ExecutionEnvironment(spec, launch.names().functionArn(spec.id()));
        Process process;
        try {
            process = launch.process(spec, taskRoot, "127.0.0.1:" + environment.runtimeApi.getAddress().getPort()).start();
        } catch (IOException e) {
            environment.runtimeApi.stop(0);
            environment.threads.shutdownNow();
            throw e;
        }
        environment.process = process;
        environment.forwardLogs(process.getInputStream(), launch.logs(), false);
        environment.forwardLogs(process.getErrorStream(), launch.logs(), true);
        process.onExit().thenRun(environment::exited);
        return environment;
    }

    long pid() {
        return process.pid();
    }

    boolean usable() {
        return !broken && process.isAlive();
    }

    /** Runs one invocation: the caller must hold this environment alone. */
    Outcome invoke(String requestId, byte[] payload) {
        long timeoutMillis = spec.timeoutSeconds() * 1000L;
        try {
            ready.get(INIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            // the function's time starts now, as Lambda's does, after its init
            Invocation invocation = new Invocation(requestId, payload, System.currentTimeMillis() + timeoutMillis,
                    new CompletableFuture<>());
            current = invocation;
            if (!handOver(invocation)) {
                return fail(invocation.outcome().isDone() ? invocation.outcome().getNow(null)
                        : !process.isAlive() ? Failure.of("Runtime.ExitError", requestId, exitStatus())
                        : Failure.of("Runtime.Unavailable", requestId, "the runtime stopped polling for invocations"));
            }
            return invocation.outcome().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            String message = ready.isDone()
                    ? String.format(Locale.ROOT, "Task timed out after %.2f seconds", spec.timeoutSeconds() / 1.0)
                    : "the runtime did not initialise within " + INIT_LIMIT.toSeconds() + " seconds";
            return fail(Failure.of("Sandbox.Timedout", requestId, message));
        } catch (ExecutionException initFailed) {
            return fail(initFailed.getCause() instanceof InitFailure init ? init.document
                    : Failure.of("Runtime.ExitError", requestId, String.valueOf(initFailed.getCause().getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(Failure.of("Runtime.Unavailable", requestId, "interrupted"));
        } finally {
            current = null;
        }
    }

    /**
     * Hands the invocation to the runtime's pending {@code next} poll; false when the runtime does not
     * take it within {@link #POLL_LIMIT} or its process exits meanwhile (the invocation then holds
     * Lambda's error for that).
     */
    private boolean handOver(Invocation invocation) throws InterruptedException {
        long deadline = System.nanoTime() + POLL_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (invocation.outcome().isDone() || !process.isAlive()) {
                return false;
            }
            if (next.offer(invocation, 100, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }

    private Outcome fail(Outcome failure) {
        close();
        return failure;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if ("GET".equals(method) && path.equals(RUNTIME + "invocation/next")) {
                nextInvocation(exchange);
            } else if ("GET".equals(method) && path.equals(RUNTIME + "restore/next")) {
                // the SnapStart path: the priming hooks ran; nothing is restored here but the JVM itself
                LoopbackServer.send(exchange, 200, new byte[0]);
            } else if ("POST".equals(method) && (path.equals(RUNTIME + "init/error") || path.equals(RUNTIME + "restore/error"))) {
                ready.completeExceptionally(new InitFailure(new Failure(exchange.getRequestBody().readAllBytes())));
                LoopbackServer.send(exchange, 202, new byte[0]);
            } else if ("POST".equals(method) && RESULT.matcher(path).matches()) {
                Matcher result = RESULT.matcher(path);
                result.matches();
                byte[] body = exchange.getRequestBody().readAllBytes();
                Invocation invocation = current;
                if (invocation == null || !invocation.requestId().equals(result.group(1))) {
                    LoopbackServer.send(exchange, 400, new byte[0]);
                    return;
                }
                invocation.outcome().complete(result.group(2).equals("response") ? new Response(body) : new Failure(body));
                LoopbackServer.send(exchange, 202, new byte[0]);
            } else {
                LoopbackServer.send(exchange, 404, new byte[0]);
            }
        }
    }

    /** The long poll: blocks until this environment is handed an invocation. */
    private void nextInvocation(HttpExchange exchange) throws IOException {
        ready.complete(null);
        Invocation invocation;
        try {
            invocation = next.take();
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.add("Content-Type", "application/json");
        headers.add("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineMillis()));
        headers.add("Lambda-Runtime-Invoked-Function-Arn", functionArn + ":live");
        headers.add("Lambda-Runtime-Trace-Id", traceId());
        LoopbackServer.send(exchange, 200, invocation.payload());
    }

    /** An X-Ray trace header, as Lambda hands one to every invocation (not sampled: nothing is traced locally). */
    private static String traceId() {
        String random = UUID.randomUUID().toString().replace("-", "");
        return "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + random.substring(0, 24)
                + ";Parent=" + random.substring(16) + ";Sampled=0";
    }

    private String exitStatus() {
        return "Runtime exited with error: exit status " + process.exitValue();
    }

    private void exited() {
        broken = true;
        String status = exitStatus();
        ready.completeExceptionally(new IllegalStateException(status));
        Invocation invocation = current;
        if (invocation != null) {
            invocation.outcome().complete(Failure.of("Runtime.ExitError", invocation.requestId(), status));
        }
    }

    private void forwardLogs(InputStream stream, LogSink logs, boolean standardError) {
        Thread pump = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    logs.line(spec.id(), line, standardError);
                }
            } catch (IOException closed) {
                // the process is gone
            }
        }, "logs-" + spec.id());
        pump.setDaemon(true);
        pump.start();
    }

    @Override
    public void close() {
        broken = true;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        runtimeApi.stop(0);
        threads.shutdownNow();
    }

    /** The runtime reported that the function's init or its restore failed. */
    private static final class InitFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Failure document;

        InitFailure(Failure document) {
            super("init failed");
            this.document = document;
        }
    }
}
