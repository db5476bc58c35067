package dev.connecttasks.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** The one ObjectMapper, strict about what it reads, and the epoch-seconds timestamp format. */
public final class Json {
    /** Requests nest at most three levels (References); anything deeper is hostile. */
    private static final int MAX_NESTING_DEPTH = 32;
    /** Beyond ±10^15 s (year ~31 million) a timestamp is clamped; the range rules then reject it. */
    private static final BigDecimal MAX_SECONDS = BigDecimal.TEN.pow(15);

    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private Json() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Epoch seconds with at most three decimals, as the Connect wire format writes timestamps. */
    public static BigDecimal epochSeconds(Instant instant) {
        BigDecimal seconds = BigDecimal.valueOf(instant.toEpochMilli(), 3).stripTrailingZeros();
        return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
    }

    /** Reads epoch seconds (integer or fractional) to the millisecond, truncating below it. */
    public static Instant instant(BigDecimal epochSeconds) {
        BigDecimal clamped = epochSeconds.max(MAX_SECONDS.negate()).min(MAX_SECONDS);
        long millis = clamped.movePointRight(3).setScale(0, RoundingMode.FLOOR).longValueExact();
        return Instant.ofEpochMilli(millis);
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Reads JSON this service wrote itself (a stored value): a failure is a bug, not the caller's. */
    public static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot read stored JSON", e);
        }
    }
}
