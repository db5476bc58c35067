package dev.connecttasks.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the event API Gateway hands a function for an HTTP API route with payload format 2.0: raw path
 * and query, decoded path parameters, repeated query keys joined with commas, lower-case header names
 * (repeated headers joined with commas, cookies in their own list), a body that is text when it is
 * textual UTF-8 and base64 otherwise, and a request context with request id, method, path and time.
 */
final class ApiGatewayEvents {
    static final String API_ID = "local";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US)
            .withZone(ZoneOffset.UTC);

    private ApiGatewayEvents() {
    }

    /** The parts of an HTTP request the event is built from. */
    record HttpRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
            byte[] body, InetSocketAddress remote, String protocol) {
    }

    static APIGatewayV2HTTPEvent event(HttpRequest request, Route route, Map<String, String> rawPathParameters,
            Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            String lowerCase = name.toLowerCase(Locale.ROOT);
            if (lowerCase.equals("cookie")) {
                values.forEach(value -> cookies.addAll(List.of(value.split(";\\s*"))));
            } else {
                headers.merge(lowerCase, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        Map<String, String> pathParameters = new LinkedHashMap<>();
        rawPathParameters.forEach((name, raw) -> pathParameters.put(name, decodePath(raw)));
        String requestId = UUID.randomUUID().toString();
        String host = headers.getOrDefault("host", "127.0.0.1");

        APIGatewayV2HTTPEvent.RequestContext context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId(LocalNames.ACCOUNT_ID)
                .withApiId(API_ID)
                .withDomainName(host)
                .withDomainPrefix(host.split("[.:]")[0])
                .withRequestId(requestId)
                .withRouteKey(route.routeKey())
                .withStage("$default")
                .withTime(TIME.format(now))
                .withTimeEpoch(now.toEpochMilli())
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(request.method())
                        .withPath(request.rawPath())
                        .withProtocol(request.protocol())
                        .withSourceIp(request.remote().getAddress().getHostAddress())
                        .withUserAgent(headers.getOrDefault("user-agent", ""))
                        .build())
                .build();
        APIGatewayV2HTTPEvent.APIGatewayV2HTTPEventBuilder event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(route.routeKey())
                .withRawPath(request.rawPath())
                .withRawQueryString(request.rawQuery() == null ? "" : request.rawQuery())
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(query(request.rawQuery()))
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withRequestContext(context)
                .withIsBase64Encoded(false);
        byte[] body = request.body();
        if (body.length > 0) {
            String text = textual(headers.get("content-type")) ? utf8(body) : null;
            if (text != null) {
                event.withBody(text);
            } else {
                event.withBody(Base64.getEncoder().encodeToString(body)).withIsBase64Encoded(true);
            }
        }
        return event.build();
    }

    /** Decoded query parameters; a key given more than once has its values joined with commas. */
    static Map<String, String> query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decodeQuery(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decodeQuery(pair.substring(equals + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    /** Percent-decodes a path segment ('+' is a plus sign in a path); throws on a malformed escape. */
    static String decodePath(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String decodeQuery(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    private static boolean textual(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.endsWith("json") || type.endsWith("+json") || type.endsWith("xml")
                || type.equals("application/javascript") || type.equals("application/x-www-form-urlencoded");
    }

    /** The body as text when it is valid UTF-8, else null (it then travels base64-encoded). */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
