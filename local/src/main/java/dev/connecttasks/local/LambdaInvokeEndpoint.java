package dev.connecttasks.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.json.Json;
import dev.connecttasks.local.LocalFunction.Failure;
import dev.connecttasks.local.LocalFunction.Outcome;
import dev.connecttasks.local.LocalFunction.Response;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The Lambda Invoke API on loopback, as {@code sam local start-lambda} serves it:
 * {@code POST /2015-03-31/functions/{FunctionName}/invocations} with {@code X-Amz-Invocation-Type}
 * {@code RequestResponse} (the output in the response; a function error as Lambda reports it, status
 * 200 with {@code X-Amz-Function-Error: Unhandled}), {@code Event} (202 now, the function runs in the
 * background and is retried twice on failure, as Lambda does, and then described on the function's
 * on-failure queue, if it has one) or {@code DryRun}. The function name may
 * be the template's logical id, or an ARN or partial ARN ending in it, with or without a qualifier.
 */
final class LambdaInvokeEndpoint implements AutoCloseable {
    private static final Pattern INVOKE = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");
    private static final int ASYNC_RETRIES = 2;

    private final Map<String, ? extends LocalFunction> functions;
    private final Map<String, String> onFailureQueues;
    private final SqsClient sqs;
    private final LocalNames names;
    private final ExecutorService requests = LoopbackServer.threads("lambda-invoke", 0);
    private final ExecutorService background = LoopbackServer.threads("lambda-event-invoke", 8);
    private final HttpServer server;

    LambdaInvokeEndpoint(Map<String, ? extends LocalFunction> functions, Map<String, String> onFailureQueues,
            SqsClient sqs, LocalNames names) throws IOException {
        this.functions = functions;
        this.onFailureQueues = onFailureQueues;
        this.sqs = sqs;
        this.names = names;
        this.server = LoopbackServer.start(0, this::handle, requests);
    }

    String url() {
        return LoopbackServer.url(server);
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
            exchange.getResponseHeaders().add("X-Amz-Executed-Version", "1");
            if ("Event".equals(type)) {
                background.execute(() -> runInBackground(name, function, payload));
                LoopbackServer.send(exchange, 202, new byte[0]);
            } else if ("DryRun".equals(type)) {
                LoopbackServer.send(exchange, 204, new byte[0]);
            } else {
                Outcome outcome = function.invoke(payload);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                if (outcome instanceof Failure failure) {
                    exchange.getResponseHeaders().add("X-Amz-Function-Error", "Unhandled");
                    LoopbackServer.send(exchange, 200, failure.errorDocument());
                } else {
                    LoopbackServer.send(exchange, 200, ((Response) outcome).payload());
                }
            }
        }
    }

    private void runInBackground(String name, LocalFunction function, byte[] payload) {
        Outcome outcome = null;
        for (int attempt = 0; attempt <= ASYNC_RETRIES; attempt++) {
            outcome = function.invoke(payload);
            if (outcome instanceof Response || Thread.currentThread().isInterrupted()) {
                return; // done, or the runtime is stopping
            }
            System.err.println("[local] " + name + " failed (attempt " + (attempt + 1) + " of " + (ASYNC_RETRIES + 1) + ")");
            if (attempt < ASYNC_RETRIES && !sleep(attempt + 1)) {
                return;
            }
        }
        String queueArn = onFailureQueues.get(name);
        if (queueArn != null) {
            sendToOnFailure(name, queueArn, payload, ((Failure) outcome).errorDocument());
        }
    }

    /** Lambda's record of an asynchronous invocation whose retries are spent: the event and the last error. */
    private void sendToOnFailure(String name, String queueArn, byte[] payload, byte[] error) {
        ObjectNode record = Json.object().put("version", "1.0").put("timestamp", Instant.now().toString());
        record.putObject("requestContext").put("requestId", UUID.randomUUID().toString())
                .put("functionArn", names.functionArn(name) + ":$LATEST").put("condition", "RetriesExhausted")
                .put("approximateInvokeCount", ASYNC_RETRIES + 1);
        record.set("requestPayload", jsonOrText(payload));
        record.putObject("responseContext").put("statusCode", 200).put("executedVersion", "$LATEST")
                .put("functionError", "Unhandled");
        record.set("responsePayload", jsonOrText(error));
        LocalClients.sendToQueue(sqs, queueArn, Json.write(record));
    }

    private static JsonNode jsonOrText(byte[] bytes) {
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (IOException notJson) {
            return Json.MAPPER.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
        }
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
        LoopbackServer.send(exchange, status, Json.write(Json.object().put("Type", "User").put("message", message))
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Sleeps between retries; false when interrupted (the runtime is stopping). */
    private static boolean sleep(int seconds) {
        try {
            TimeUnit.SECONDS.sleep(seconds);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits up to {@code limit} for the asynchronous invocations accepted so far to finish. */
    void drain(Duration limit) throws InterruptedException {
        background.shutdown();
        background.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
        requests.shutdownNow();
        background.shutdownNow();
        sqs.close();
    }
}
