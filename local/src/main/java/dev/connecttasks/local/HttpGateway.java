package dev.connecttasks.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.connecttasks.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP API on loopback: routes exactly the template's routes to the handlers the template names,
 * in-process, and writes their responses back unchanged. An unknown route is a 404 and a known path
 * with another method a 405, both in the Connect error shape.
 */
final class HttpGateway implements AutoCloseable {
    /** API Gateway's own limit on a request body. */
    private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final List<Route> routes;
    private final Map<String, LocalFunction> functions;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(32);

    HttpGateway(int port, List<Route> routes, Map<String, LocalFunction> functions, Clock clock) throws IOException {
        this.routes = routes;
        this.functions = functions;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        server.createContext("/", this::handle);
        server.setExecutor(workers);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            Route allowedElsewhere = null;
            for (Route route : routes) {
                Map<String, String> parameters = route.match(rawPath);
                if (parameters == null) {
                    continue;
                }
                if (!route.method().equals(method)) {
                    allowedElsewhere = route;
                    continue;
                }
                invoke(exchange, route, parameters);
                return;
            }
            if (allowedElsewhere != null) {
                TreeSet<String> allowed = new TreeSet<>();
                routes.stream().filter(route -> route.match(rawPath) != null).forEach(route -> allowed.add(route.method()));
                exchange.getResponseHeaders().add("Allow", String.join(", ", allowed));
                error(exchange, 405, "MethodNotAllowedException", method + " is not allowed on " + rawPath + ".");
            } else {
                error(exchange, 404, "UnknownOperationException",
                        "No operation of this service answers " + method + " " + rawPath + ".");
            }
        }
    }

    private void invoke(HttpExchange exchange, Route route, Map<String, String> parameters) throws IOException {
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            error(exchange, 413, "RequestEntityTooLargeException", "The request body exceeds 10 MiB.");
            return;
        }
        APIGatewayV2HTTPEvent event;
        try {
            event = ApiGatewayEvents.event(new ApiGatewayEvents.HttpRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), body, exchange.getRemoteAddress(), exchange.getProtocol()),
                    route, parameters, clock.instant());
        } catch (IllegalArgumentException malformedEscape) {
            error(exchange, 400, "InvalidRequestException", "The request URI has a malformed percent-escape.");
            return;
        }
        LocalFunction function = functions.get(route.functionId());
        APIGatewayV2HTTPResponse response;
        try {
            response = function.handleHttp(event, LocalBackend.context(function.id(),
                    event.getRequestContext().getRequestId(), LocalBackend.functionArn(function.id())));
        } catch (RuntimeException crashed) {
            // what API Gateway answers when the integration fails
            crashed.printStackTrace();
            error(exchange, 500, "InternalServiceException", "Internal Server Error");
            return;
        }
        write(exchange, response);
    }

    private static void write(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> exchange.getResponseHeaders().add("Set-Cookie", cookie));
        }
        String body = response.getBody();
        byte[] bytes = body == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        send(exchange, response.getStatusCode(), bytes);
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        ObjectNode body = Json.object().put("Message", message);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Amzn-ErrorType", type);
        exchange.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
        send(exchange, status, Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a status and a body (none when empty); the Lambda Invoke endpoint answers the same way. */
    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
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
