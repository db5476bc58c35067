package dev.connecttasks.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.connecttasks.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The container credentials endpoint, the only way a SnapStart function gets credentials: the function's
 * environment names it ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}) with a token
 * ({@code AWS_CONTAINER_AUTHORIZATION_TOKEN}) that every request must carry in its
 * {@code Authorization} header. It answers the emulator's credentials, valid for six hours.
 */
final class CredentialsEndpoint implements AutoCloseable {
    private static final String PATH = "/2018-06-01/credentials";

    private final String token = UUID.randomUUID().toString();
    private final ExecutorService threads = LoopbackServer.threads("credentials-endpoint", 2);
    private final HttpServer server;
    private final AtomicInteger served = new AtomicInteger();

    CredentialsEndpoint() throws IOException {
        server = LoopbackServer.start(0, this::handle, threads);
    }

    String uri() {
        return LoopbackServer.url(server) + PATH;
    }

    String token() {
        return token;
    }

    /** How many requests were answered with credentials. */
    int served() {
        return served.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) || !PATH.equals(exchange.getRequestURI().getPath())) {
                LoopbackServer.send(exchange, 404, new byte[0]);
                return;
            }
            if (!token.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                LoopbackServer.send(exchange, 403, new byte[0]);
                return;
            }
            Instant expiration = Instant.now().plus(Duration.ofHours(6)).truncatedTo(ChronoUnit.SECONDS);
            String body = Json.write(Json.object()
                    .put("AccessKeyId", "test")
                    .put("SecretAccessKey", "test")
                    .put("Token", "local-session-token")
                    .put("Expiration", expiration.toString()));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            LoopbackServer.send(exchange, 200, body.getBytes(StandardCharsets.UTF_8));
            served.incrementAndGet();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
