package dev.connecttasks.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;

/** The HTTP API events the functions prime themselves with: real routes, keys that do not exist. */
public final class PrimingEvents {
    /** No instance, contact or flow has this id: a priming request finds nothing and writes nothing. */
    public static final String ABSENT = "snapstart-priming-absent";

    private PrimingEvents() {
    }

    private static APIGatewayV2HTTPEvent event(String method, String route, Map<String, String> pathParameters,
            Map<String, String> query, String body) {
        String path = route;
        for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(method + " " + route)
                .withRawPath(path)
                .withPathParameters(pathParameters)
                .withQueryStringParameters(query)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("snapstart-priming")
                        .withRouteKey(method + " " + route)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path).build())
                        .build())
                .build();
    }

    /** A route whose labels are InstanceId and ContactId (or ContactFlowId), both absent. */
    public static APIGatewayV2HTTPEvent absent(String method, String route, Map<String, String> query, String body) {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        for (String label : new String[] {"InstanceId", "ContactId", "ContactFlowId"}) {
            if (route.contains("{" + label + "}")) {
                parameters.put(label, ABSENT);
            }
        }
        return event(method, route, parameters, query, body);
    }
}
