package dev.connecttasks.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connecttasks.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** HTTP API (payload 2.0) events: the files in {@code events/}, and ones built for a test. */
public final class ApiEvents {
    private static final ObjectMapper EVENTS = Json.MAPPER.copy()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ApiEvents() {
    }

    /** The checkout's root: the nearest directory above the working directory holding template.yaml. */
    public static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.exists(directory.resolve("template.yaml"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("no template.yaml above " + Path.of("").toAbsolutePath());
        }
        return directory;
    }

    public static Path eventFile(String name) {
        return repositoryRoot().resolve("events").resolve(name);
    }

    public static APIGatewayV2HTTPEvent load(String name) {
        try {
            return EVENTS.readValue(eventFile(name).toFile(), APIGatewayV2HTTPEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(String name) {
        try {
            return Files.readString(eventFile(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Builder request(String method, String route) {
        return new Builder(method, route);
    }

    /** Builds an event for a route of the template, the way API Gateway would. */
    public static final class Builder {
        private final String method;
        private final String route;
        private final Map<String, String> pathParameters = new LinkedHashMap<>();
        private final Map<String, List<String>> query = new LinkedHashMap<>();
        private final Map<String, String> headers = new HashMap<>();
        private String body;

        private Builder(String method, String route) {
            this.method = method;
            this.route = route;
        }

        public Builder path(String name, String value) {
            pathParameters.put(name, value);
            return this;
        }

        /** A query key, repeated once per value; no values means the key is absent. */
        public Builder query(String name, String... values) {
            if (values.length == 0) {
                return this;
            }
            query.computeIfAbsent(name, key -> new ArrayList<>()).addAll(List.of(values));
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
            return this;
        }

        public Builder body(String json) {
            this.body = json;
            headers.putIfAbsent("content-type", "application/json");
            return this;
        }

        public APIGatewayV2HTTPEvent build() {
            String path = route;
            for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
                path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
            }
            Map<String, String> joined = new LinkedHashMap<>();
            query.forEach((name, values) -> joined.put(name, String.join(",", values)));
            APIGatewayV2HTTPEvent.RequestContext context = APIGatewayV2HTTPEvent.RequestContext.builder()
                    .withRequestId(UUID.randomUUID().toString())
                    .withRouteKey(method + " " + route)
                    .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                            .withMethod(method)
                            .withPath(path)
                            .withProtocol("HTTP/1.1")
                            .build())
                    .build();
            return APIGatewayV2HTTPEvent.builder()
                    .withVersion("2.0")
                    .withRouteKey(method + " " + route)
                    .withRawPath(path)
                    .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                    .withQueryStringParameters(joined.isEmpty() ? null : joined)
                    .withHeaders(headers)
                    .withBody(body)
                    .withIsBase64Encoded(false)
                    .withRequestContext(context)
                    .build();
        }
    }
}
