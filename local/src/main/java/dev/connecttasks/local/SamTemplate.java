package dev.connecttasks.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the local runtime takes from {@code template.yaml}: each function's handler class and module,
 * each HTTP API route, and the global environment. Reading them at start-up keeps the local API and the deployed one from drifting apart.
 */
public record SamTemplate(Map<String, String> handlers, Map<String, String> modules, List<Route> routes,
        Map<String, String> globalEnvironment) {

    public static SamTemplate read(Path file) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        JsonNode resources = root.path("Resources");
        Map<String, String> handlers = new LinkedHashMap<>();
        Map<String, String> modules = new LinkedHashMap<>();
        List<Route> routes = new ArrayList<>();
        resources.fields().forEachRemaining(resource -> {
            if (!"AWS::Serverless::Function".equals(resource.getValue().path("Type").asText())) {
                return;
            }
            JsonNode properties = resource.getValue().path("Properties");
            String handler = properties.path("Handler").asText();
            handlers.put(resource.getKey(), handler.split("::")[0]);
            modules.put(resource.getKey(), Path.of(properties.path("CodeUri").asText()).getFileName().toString());
            properties.path("Events").forEach(event -> {
                if ("HttpApi".equals(event.path("Type").asText())) {
                    JsonNode route = event.path("Properties");
                    routes.add(new Route(route.path("Method").asText(), route.path("Path").asText(), resource.getKey()));
                }
            });
        });
        Map<String, String> environment = new LinkedHashMap<>();
        root.path("Globals").path("Function").path("Environment").path("Variables").fields()
                .forEachRemaining(variable -> environment.put(variable.getKey(), variable.getValue().asText()));
        return new SamTemplate(Map.copyOf(handlers), Map.copyOf(modules), List.copyOf(routes), Map.copyOf(environment));
    }
}
