package dev.connecttasks.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiGatewayEventsTest {
    private static final Route LIST = new Route("GET", "/contact/references/{InstanceId}/{ContactId}", "F");
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00.123Z");

    private static APIGatewayV2HTTPEvent event(String rawPath, String rawQuery, Map<String, List<String>> headers,
            byte[] body) {
        return ApiGatewayEvents.event(new ApiGatewayEvents.HttpRequest("GET", rawPath, rawQuery, headers, body,
                new InetSocketAddress("127.0.0.1", 50000), "HTTP/1.1"), LIST, LIST.match(rawPath), NOW);
    }

    @Test
    void buildsAPayload2Event() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("127.0.0.1:3000"));
        headers.put("X-Custom", List.of("a", "b"));
        headers.put("User-Agent", List.of("aws-cli/1.46.3"));
        headers.put("Cookie", List.of("a=1; b=2"));
        APIGatewayV2HTTPEvent event = event("/contact/references/i%201/c-1",
                "referenceTypes=URL&referenceTypes=ATTACHMENT&nextToken=x%2By", headers, new byte[0]);

        assertEquals("2.0", event.getVersion());
        assertEquals("GET /contact/references/{InstanceId}/{ContactId}", event.getRouteKey());
        assertEquals("/contact/references/i%201/c-1", event.getRawPath());
        assertEquals("referenceTypes=URL&referenceTypes=ATTACHMENT&nextToken=x%2By", event.getRawQueryString());
        assertEquals(Map.of("referenceTypes", "URL,ATTACHMENT", "nextToken", "x+y"), event.getQueryStringParameters());
        assertEquals(Map.of("InstanceId", "i 1", "ContactId", "c-1"), event.getPathParameters());
        assertEquals("a,b", event.getHeaders().get("x-custom"));
        assertFalse(event.getHeaders().containsKey("cookie"));
        assertEquals(List.of("a=1", "b=2"), event.getCookies());
        assertNull(event.getBody());
        assertFalse(event.getIsBase64Encoded());

        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        assertEquals("GET", context.getHttp().getMethod());
        assertEquals("/contact/references/i%201/c-1", context.getHttp().getPath());
        assertEquals("127.0.0.1", context.getHttp().getSourceIp());
        assertEquals("aws-cli/1.46.3", context.getHttp().getUserAgent());
        assertEquals("26/Nov/2026:12:00:00 +0000", context.getTime());
        assertEquals(NOW.toEpochMilli(), context.getTimeEpoch());
        assertEquals("$default", context.getStage());
        assertEquals(36, context.getRequestId().length());
    }

    @Test
    void textualUtf8BodiesStayTextAndEverythingElseIsBase64() {
        Map<String, List<String>> json = Map.of("content-type", List.of("application/json"));
        assertEquals("{\"a\":\"\u00e9\"}", event("/contact/references/i/c", null, json,
                "{\"a\":\"\u00e9\"}".getBytes(StandardCharsets.UTF_8)).getBody());

        byte[] invalidUtf8 = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        APIGatewayV2HTTPEvent invalid = event("/contact/references/i/c", null, json, invalidUtf8);
        assertTrue(invalid.getIsBase64Encoded());
        assertEquals(Base64.getEncoder().encodeToString(invalidUtf8), invalid.getBody());

        Map<String, List<String>> binary = Map.of("content-type", List.of("application/octet-stream"));
        assertTrue(event("/contact/references/i/c", null, binary, new byte[] {1, 2}).getIsBase64Encoded());
    }

    @Test
    void aMalformedPercentEscapeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ApiGatewayEvents.decodePath("c%zz"));
        assertEquals("a+b/c", ApiGatewayEvents.decodePath("a+b%2Fc"));
    }

    @Test
    void functionNamesAreReadFromNamesAndArns() {
        assertEquals("FlowRunnerFunction", LambdaInvokeEndpoint.functionName("FlowRunnerFunction"));
        assertEquals("FlowRunnerFunction", LambdaInvokeEndpoint.functionName("FlowRunnerFunction:live"));
        assertEquals("FlowRunnerFunction", LambdaInvokeEndpoint.functionName("000000000000:function:FlowRunnerFunction"));
        assertEquals("FlowRunnerFunction",
                LambdaInvokeEndpoint.functionName("arn:aws:lambda:us-east-1:000000000000:function:FlowRunnerFunction:live"));
    }
}
