package dev.connecttasks.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.json.Json;
import java.time.Instant;
import java.util.Map;

/**
 * Counts as CloudWatch embedded metric format documents, one line on standard output each: Lambda
 * passes standard output to CloudWatch Logs as it is, and CloudWatch turns the document into metrics
 * (namespace {@value #NAMESPACE}, dimension {@code Function}). No SDK call, no library.
 */
public final class Metrics {
    public static final String NAMESPACE = "ConnectTasks";

    private Metrics() {
    }

    public static void emit(String function, Map<String, Integer> counts) {
        System.out.println(document(function, counts, Instant.now()));
    }

    static String document(String function, Map<String, Integer> counts, Instant at) {
        ObjectNode document = Json.object();
        ObjectNode directive = document.putObject("_aws").put("Timestamp", at.toEpochMilli())
                .putArray("CloudWatchMetrics").addObject().put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray().add("Function");
        ArrayNode metrics = directive.putArray("Metrics");
        document.put("Function", function);
        counts.forEach((name, count) -> {
            metrics.addObject().put("Name", name).put("Unit", "Count");
            document.put(name, count);
        });
        return Json.write(document);
    }
}
