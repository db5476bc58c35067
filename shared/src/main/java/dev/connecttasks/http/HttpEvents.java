package dev.connecttasks.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * API Gateway HTTP API events (payload format 2.0) and the answers to them, read and written with the
 * project's own Jackson. Handing the Lambda runtime a typed handler instead would make it load its own
 * shaded Jackson (about 900 classes) at every cold start, to fill the same objects. The request
 * context's {@code authorizer} and {@code authentication} are not read: no function uses them.
 */
public final class HttpEvents {
    private HttpEvents() {
    }

    /** The event API Gateway sent; an empty input is an event with nothing in it. */
    public static APIGatewayV2HTTPEvent read(InputStream input) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        if (event == null || event.isMissingNode()) {
            event = Json.object();
        }
        if (!event.isObject()) {
            throw new IOException("an HTTP API event is a JSON object, not " + event.getNodeType());
        }
        JsonNode context = event.path("requestContext");
        JsonNode http = context.path("http");
        return APIGatewayV2HTTPEvent.builder()
                .withVersion(text(event, "version"))
                .withRouteKey(text(event, "routeKey"))
                .withRawPath(text(event, "rawPath"))
                .withRawQueryString(text(event, "rawQueryString"))
                .withCookies(list(event.get("cookies")))
                .withHeaders(map(event.get("headers")))
                .withQueryStringParameters(map(event.get("queryStringParameters")))
                .withPathParameters(map(event.get("pathParameters")))
                .withStageVariables(map(event.get("stageVariables")))
                .withBody(text(event, "body"))
                .withIsBase64Encoded(event.path("isBase64Encoded").asBoolean(false))
                .withRequestContext(RequestContext.builder()
                        .withRouteKey(text(context, "routeKey"))
                        .withAccountId(text(context, "accountId"))
                        .withApiId(text(context, "apiId"))
                        .withDomainName(text(context, "domainName"))
                        .withDomainPrefix(text(context, "domainPrefix"))
                        .withRequestId(text(context, "requestId"))
                        .withStage(text(context, "stage"))
                        .withTime(text(context, "time"))
                        .withTimeEpoch(context.path("timeEpoch").asLong())
                        .withHttp(RequestContext.Http.builder()
                                .withMethod(text(http, "method"))
                                .withPath(text(http, "path"))
                                .withProtocol(text(http, "protocol"))
                                .withSourceIp(text(http, "sourceIp"))
                                .withUserAgent(text(http, "userAgent"))
                                .build())
                        .build())
                .build();
    }

    /** The answer, in the shape API Gateway reads from a payload 2.0 function. */
    public static void write(APIGatewayV2HTTPResponse response, OutputStream output) throws IOException {
        ObjectNode answer = Json.object().put("statusCode", response.getStatusCode());
        if (response.getHeaders() != null) {
            ObjectNode headers = answer.putObject("headers");
            response.getHeaders().forEach(headers::put);
        }
        if (response.getMultiValueHeaders() != null) {
            ObjectNode headers = answer.putObject("multiValueHeaders");
            response.getMultiValueHeaders().forEach((name, values) -> values.forEach(headers.withArray(name)::add));
        }
        if (response.getCookies() != null) {
            ArrayNode cookies = answer.putArray("cookies");
            response.getCookies().forEach(cookies::add);
        }
        answer.put("body", response.getBody()).put("isBase64Encoded", response.getIsBase64Encoded());
        output.write(Json.write(answer).getBytes(StandardCharsets.UTF_8));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, String> map(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> map.put(entry.getKey(), entry.getValue().isNull() ? null : entry.getValue().asText()));
        return map;
    }

    private static List<String> list(JsonNode node) {
        if (node == null || !node.isArray()) {
            return null;
        }
        List<String> list = new ArrayList<>();
        node.forEach(value -> list.add(value.asText()));
        return list;
    }
}
