package dev.connecttasks.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.connecttasks.json.Json;
import dev.connecttasks.local.LocalFunction.Outcome;
import dev.connecttasks.local.LocalFunction.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * The HTTP API on loopback, answering as API Gateway's HTTP API does: each of the template's routes
 * goes to its function as a payload format 2.0 event, and the function's answer is read as API Gateway
 * reads it. Where a request never reaches a function, or the function fails, the answer is API
 * Gateway's own: 404 {@code {"message":"Not Found"}} for an unknown route or method, 413 for a body over
 * 10 MB, 500 {@code {"message":"Internal Server Error"}} for a function that threw or timed out.
 */
final class HttpGateway implements AutoCloseable {
    /** API Gateway's own limit on a request body. */
    private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private static final PojoSerializer<APIGatewayV2HTTPEvent> EVENTS = LambdaSerialization.serializerFor(APIGatewayV2HTTPEvent.class);

    private final List<Route> routes;
    private final Map<String, ? extends LocalFunction> functions;
    private final Clock clock;
    private final ExecutorService workers = LoopbackServer.threads("http-gateway", 64);
    private final HttpServer server;

    HttpGateway(int port, List<Route> routes, Map<String, ? extends LocalFunction> functions, Clock clock)
            throws IOException {
        this.routes = routes;
        this.functions = functions;
        this.clock = clock;
        this.server = LoopbackServer.start(port, this::handle, workers);
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            for (Route route : routes) {
                Map<String, String> parameters = route.match(rawPath);
                if (parameters != null && route.method().equals(method)) {
                    invoke(exchange, route, parameters);
                    return;
                }
            }
            message(exchange, 404, "Not Found");
        }
    }

    private void invoke(HttpExchange exchange, Route route, Map<String, String> parameters) throws IOException {
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            message(exchange, 413, "Request Entity Too Large");
            return;
        }
        APIGatewayV2HTTPEvent event;
        try {
            event = ApiGatewayEvents.event(new ApiGatewayEvents.HttpRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), body, exchange.getRemoteAddress(), exchange.getProtocol()),
                    route, parameters, clock.instant());
        } catch (IllegalArgumentException malformedEscape) {
            message(exchange, 400, "Bad Request");
            return;
        }
        // as in API Gateway, the answer's request id is the event's
        exchange.getResponseHeaders().add("apigw-requestid", event.getRequestContext().getRequestId());
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        EVENTS.toJson(event, payload);
        Outcome outcome = functions.get(route.functionId()).invoke(payload.toByteArray());
        if (!(outcome instanceof Response response)) {
            message(exchange, 500, "Internal Server Error");
            return;
        }
        write(exchange, response.payload());
    }

    /**
     * A function's answer, read as API Gateway reads a payload 2.0 answer: an object with a
     * {@code statusCode} is a response; anything else is a 200 whose JSON body is the answer itself.
     */
    private static void write(HttpExchange exchange, byte[] answer) throws IOException {
        JsonNode response;
        try {
            response = Json.MAPPER.readTree(answer);
        } catch (IOException notJson) {
            message(exchange, 500, "Internal Server Error");
            return;
        }
        if (response == null || !response.isObject() || !response.has("statusCode")) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            LoopbackServer.send(exchange, 200, answer);
            return;
        }
        int status = response.get("statusCode").canConvertToInt() ? response.get("statusCode").asInt() : 0;
        if (status < 100 || status > 599) {
            message(exchange, 500, "Internal Server Error");
            return;
        }
        var headers = exchange.getResponseHeaders();
        response.path("headers").fields().forEachRemaining(header -> headers.add(header.getKey(), header.getValue().asText()));
        response.path("cookies").forEach(cookie -> headers.add("Set-Cookie", cookie.asText()));
        String body = response.path("body").isNull() ? "" : response.path("body").asText("");
        byte[] bytes = response.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        LoopbackServer.send(exchange, status, bytes);
    }

    /** An answer of API Gateway's own, for a request that no function answered. */
    private static void message(HttpExchange exchange, int status, String message) throws IOException {
        if (!exchange.getResponseHeaders().containsKey("apigw-requestid")) {
            exchange.getResponseHeaders().add("apigw-requestid", UUID.randomUUID().toString());
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        LoopbackServer.send(exchange, status, Json.write(Json.object().put("message", message)).getBytes(StandardCharsets.UTF_8));
    }

    /** The body, or null when it exceeds API Gateway's limit. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
