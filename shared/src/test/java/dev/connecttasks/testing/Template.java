package dev.connecttasks.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** template.yaml, read as data (CloudFormation tags such as !Ref are kept as plain values). */
public final class Template {
    private final JsonNode root;

    private Template(JsonNode root) {
        this.root = root;
    }

    public static Template load() {
        try {
            return new Template(new ObjectMapper(new YAMLFactory())
                    .readTree(ApiEvents.repositoryRoot().resolve("template.yaml").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode root() {
        return root;
    }

    public JsonNode resource(String logicalId) {
        return root.path("Resources").path(logicalId);
    }

    /** Every AWS::Serverless::Function, by logical id. */
    public Map<String, JsonNode> functions() {
        Map<String, JsonNode> functions = new LinkedHashMap<>();
        root.path("Resources").fields().forEachRemaining(resource -> {
            if ("AWS::Serverless::Function".equals(resource.getValue().path("Type").asText())) {
                functions.put(resource.getKey(), resource.getValue());
            }
        });
        return functions;
    }

    /** The HTTP API routes, as API Gateway route keys ("PUT /contact/task"). */
    public Set<String> routes() {
        Set<String> routes = new TreeSet<>();
        functions().values().forEach(function -> function.path("Properties").path("Events").forEach(event -> {
            if ("HttpApi".equals(event.path("Type").asText())) {
                routes.add(event.path("Properties").path("Method").asText() + " "
                        + event.path("Properties").path("Path").asText());
            }
        }));
        return routes;
    }
}
