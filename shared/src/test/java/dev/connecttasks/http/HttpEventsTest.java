package dev.connecttasks.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connecttasks.config.Priming;
import dev.connecttasks.testing.ApiEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class HttpEventsTest {
    /** What a Jackson bean mapping of the events library's class reads, the way Lambda's runtime would. */
    private static final ObjectMapper BEANS = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static APIGatewayV2HTTPEvent read(String json) throws IOException {
        return HttpEvents.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everySampleHttpEventReadsAsTheBeanMappingReadsIt() throws Exception {
        List<Path> samples;
        try (Stream<Path> files = Files.list(ApiEvents.repositoryRoot().resolve("events"))) {
            samples = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
        int http = 0;
        for (Path sample : samples) {
            String json = Files.readString(sample);
            if (!BEANS.readTree(json).has("requestContext")) {
                continue;
            }
            http++;
            assertEquals(BEANS.readValue(json, APIGatewayV2HTTPEvent.class), read(json), sample.toString());
        }
        assertTrue(http >= 9, "HTTP samples: " + http);
    }

    @Test
    void anEmptyInputIsAnEmptyEventAndAnythingButAnObjectIsRefused() throws Exception {
        APIGatewayV2HTTPEvent empty = read("");
        assertNull(empty.getBody());
        assertNull(empty.getPathParameters());
        assertEquals(empty, read("{}"));
        assertThrows(IOException.class, () -> read("[1]"));
        assertThrows(IOException.class, () -> read("{\"body\":"));
    }

    @Test
    void theAnswerHasThePayloadTwoShape() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HttpEvents.write(APIGatewayV2HTTPResponse.builder().withStatusCode(404)
                .withHeaders(Map.of("X-Amzn-ErrorType", "ResourceNotFoundException"))
                .withBody("{\"Message\":\"no\"}").withIsBase64Encoded(false).build(), out);

        JsonNode answer = BEANS.readTree(out.toByteArray());
        assertEquals(404, answer.get("statusCode").asInt());
        assertEquals("ResourceNotFoundException", answer.get("headers").get("X-Amzn-ErrorType").asText());
        assertEquals("{\"Message\":\"no\"}", answer.get("body").asText());
        assertEquals(false, answer.get("isBase64Encoded").asBoolean());
        assertEquals(4, answer.size());
    }

    @Test
    void aPrimingEventReadsBackWithItsAbsentKeys() throws Exception {
        APIGatewayV2HTTPEvent event = HttpEvents.read(new ByteArrayInputStream(PrimingEvents.absent("GET",
                "/contacts/{InstanceId}/{ContactId}", Map.of("x", "y"), null)));
        assertEquals(Map.of("InstanceId", Priming.ABSENT, "ContactId", Priming.ABSENT), event.getPathParameters());
        assertEquals("/contacts/" + Priming.ABSENT + "/" + Priming.ABSENT, event.getRawPath());
        assertEquals("snapstart-priming", event.getRequestContext().getRequestId());
        assertEquals("GET", event.getRequestContext().getHttp().getMethod());
        assertEquals(Map.of("x", "y"), event.getQueryStringParameters());
    }
}
