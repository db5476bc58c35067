package dev.connecttasks.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.connecttasks.http.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda Invoke API on loopback, as {@code sam local start-lambda} serves it:
 * {@code POST /2015-03-31/functions/{FunctionName}/invocations} with {@code X-Amz-Invocation-Type}
 * {@code RequestResponse} (the output in the response), {@code Event} (202 now, the function runs in
 * the background and is retried twice on failure, as Lambda does) or {@code DryRun}. The function name
 * may be the template's logical id, or an ARN or partial ARN ending in it, with or without a qualifier.
 */
final class LambdaInvokeEndpoint implements AutoCloseable {
    private static final Pattern INVOKE = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");
    private static final int ASYNC_RETRIES = 2;

    private final Map<String, LocalFunction> functions;
    private final HttpServer server;
    private final ExecutorService requests = Executors.newFixedThreadPool(8);
    private final ExecutorService background = Executors.newFixedThreadPool(8);

    LambdaInvokeEndpoint(Map<String, LocalFunction> functions) throws IOException {
        this.functions = functions;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(requests);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher invoke = INVOKE.matcher(exchange.getRequestURI().getRawPath());
            if (!"POST".equals(exchange.getRequestMethod()) || !invoke.matches()) {
                error(exchange, 404, "UnrecognizedClientException", "Only Invoke is served here.");
                return;
            }
            String name = functionName(URLDecoder.decode(invoke.group(1), StandardCharsets.UTF_8));
            LocalFunction function = functions.get(name);
            if (function == null) {
                error(exchange, 404, "ResourceNotFoundException", "Function not found: " + name);
                return;
            }
            byte[] payload = exchange.getRequestBody().readAllBytes();
            String type = exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type");
            exchange.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
            exchange.getResponseHeaders().add("X-Amz-Executed-Version", "$LATEST");
            if ("Event".equals(type)) {
                background.execute(() -> runInBackground(function, payload));
                HttpGateway.send(exchange, 202, new byte[0]);
            } else if ("DryRun".equals(type)) {
                HttpGateway.send(exchange, 204, new byte[0]);
            } else {
                runNow(exchange, function, payload);
            }
        }
    }

    private static void runNow(HttpExchange exchange, LocalFunction function, byte[] payload) throws IOException {
        byte[] output;
        try {
            output = function.invoke(payload, context(function));
        } catch (IOException | RuntimeException e) {
            ObjectNode failure = Json.object().put("errorMessage", String.valueOf(e.getMessage()))
                    .put("errorType", e.getClass().getName());
            exchange.getResponseHeaders().add("X-Amz-Function-Error", "Unhandled");
            output = Json.write(failure).getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        HttpGateway.send(exchange, 200, output);
    }

    private static void runInBackground(LocalFunction function, byte[] payload) {
        for (int attempt = 0; attempt <= ASYNC_RETRIES; attempt++) {
            try {
                function.invoke(payload, context(function));
                return;
            } catch (IOException | RuntimeException e) {
                System.err.println("[local] " + function.id() + " failed (attempt " + (attempt + 1) + "): " + e);
                if (attempt < ASYNC_RETRIES) {
                    sleep(attempt + 1);
                }
            }
        }
    }

    private static com.amazonaws.services.lambda.runtime.Context context(LocalFunction function) {
        return LocalBackend.context(function.id(), UUID.randomUUID().toString(), LocalBackend.functionArn(function.id()));
    }

    /** The function's name from a name, partial ARN or ARN, without its qualifier. */
    static String functionName(String nameOrArn) {
        String[] parts = nameOrArn.split(":");
        int function = -1;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equals("function") && i + 1 < parts.length) {
                function = i;
            }
        }
        return function >= 0 ? parts[function + 1] : parts[0];
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
        HttpGateway.send(exchange, status, Json.write(Json.object().put("Type", "User").put("message", message))
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep(int seconds) {
        try {
            TimeUnit.SECONDS.sleep(seconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        requests.shutdownNow();
        background.shutdownNow();
    }
}
