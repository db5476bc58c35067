package dev.connecttasks.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.config.Priming;
import dev.connecttasks.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The HTTP API events the functions prime themselves with: real routes, keys that do not exist. */
public final class PrimingEvents {
    private PrimingEvents() {
    }

    /**
     * The bytes API Gateway would send for {@code method route} with every label (InstanceId,
     * ContactId, ContactFlowId, InitialContactId, QueueId, TaskTemplateId) set to {@link Priming#ABSENT}, and request id {@code snapstart-priming}.
     */
    public static byte[] absent(String method, String route, Map<String, String> query, String body) {
        ObjectNode event = Json.object().put("version", "2.0").put("routeKey", method + " " + route);
        ObjectNode labels = event.putObject("pathParameters");
        String path = route;
        for (String label : new String[] {"InstanceId", "ContactId", "ContactFlowId", "InitialContactId", "QueueId", "TaskTemplateId"}) {
            if (route.contains("{" + label + "}")) {
                labels.put(label, Priming.ABSENT);
                path = path.replace("{" + label + "}", Priming.ABSENT);
            }
        }
        event.put("rawPath", path);
        if (query != null) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            query.forEach(parameters::put);
        }
        event.putObject("headers").put("content-type", "application/json");
        event.put("body", body).put("isBase64Encoded", false);
        ObjectNode context = event.putObject("requestContext").put("requestId", "snapstart-priming")
                .put("routeKey", method + " " + route);
        context.putObject("http").put("method", method).put("path", path);
        return Json.write(event).getBytes(StandardCharsets.UTF_8);
    }
}
