package dev.connecttasks.http;

import static dev.connecttasks.error.ApiException.invalidRequest;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.json.Json;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An API Gateway HTTP API (payload 2.0) request, read the way the Connect wire format needs. */
public final class ApiRequest {
    /** Larger bodies are rejected before they are parsed. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private final APIGatewayV2HTTPEvent event;

    public ApiRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
    }

    /** A URI label; API Gateway has already percent-decoded it. */
    public String pathParameter(String name) {
        Map<String, String> parameters = event.getPathParameters();
        String value = parameters == null ? null : parameters.get(name);
        if (value == null) {
            throw invalidRequest(name + " is required in the path.");
        }
        return value;
    }

    /**
     * The values of a query key, in order, from the raw query string: API Gateway's own map joins
     * repeated keys with commas, which a value with a comma in it (a tag key may have one) would break.
     * A {@code +} stays a plus sign, as API Gateway leaves it; {@code %2C} is a comma.
     */
    public List<String> queryValues(String name) {
        String raw = event.getRawQueryString();
        if (raw == null) {
            Map<String, String> parameters = event.getQueryStringParameters();
            String joined = parameters == null ? null : parameters.get(name);
            return joined == null ? List.of() : List.of(joined.split(",", -1));
        }
        List<String> values = new ArrayList<>();
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (key.equals(name)) {
                values.add(equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return values;
    }

    private static String decode(String component) {
        try {
            return URLDecoder.decode(component.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw invalidRequest("The query string has a malformed percent escape.");
        }
    }

    /** The JSON object body; an absent or empty body reads as {@code {}}. */
    public JsonBody body() {
        return body(MAX_BODY_BYTES);
    }

    /** The JSON object body, for an operation whose bodies may be larger (a flow's content). */
    public JsonBody body(int maxBytes) {
        byte[] bytes = bodyBytes(maxBytes);
        if (bytes.length == 0) {
            return new JsonBody(Json.object());
        }
        checkContentType();
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(strictUtf8(bytes));
        } catch (JacksonException e) {
            throw invalidRequest("The request body is not valid JSON.");
        }
        if (!(node instanceof ObjectNode object)) {
            throw invalidRequest("The request body must be a JSON object.");
        }
        return new JsonBody(object);
    }

    /** The body as text; bytes that are not UTF-8 (encoded surrogates included) are refused, not replaced. */
    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw invalidRequest("The request body is not valid UTF-8.");
        }
    }

    private byte[] bodyBytes(int maxBytes) {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        byte[] bytes;
        if (event.getIsBase64Encoded()) {
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw invalidRequest("The request body is not valid base64.");
            }
        } else {
            if (body.length() > maxBytes) {
                throw tooLarge(maxBytes);
            }
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return bytes;
    }

    private void checkContentType() {
        String contentType = header("content-type");
        if (contentType == null) {
            return;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        boolean json = mediaType.equals("application/json")
                || mediaType.startsWith("application/x-amz-json")
                || mediaType.endsWith("+json");
        if (!json) {
            throw invalidRequest("Content-Type must be application/json.");
        }
    }

    private String header(String lowerCaseName) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return null;
        }
        String value = headers.get(lowerCaseName);
        if (value != null) {
            return value;
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(lowerCaseName)) {
                return header.getValue();
            }
        }
        return null;
    }

    private static RuntimeException tooLarge(int maxBytes) {
        return invalidRequest("The request body must not exceed " + maxBytes + " bytes.");
    }
}
