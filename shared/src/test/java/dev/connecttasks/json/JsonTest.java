package dev.connecttasks.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {

    @ParameterizedTest
    @CsvSource({
        "1795694400, 2026-11-26T12:00:00Z",
        "1795694400.000, 2026-11-26T12:00:00Z",
        "1795694400.5, 2026-11-26T12:00:00.500Z",
        "1795694400.1239, 2026-11-26T12:00:00.123Z",
        "-1.5, 1969-12-31T23:59:58.500Z",
    })
    void readsEpochSecondsToTheMillisecond(String seconds, String expected) {
        assertEquals(Instant.parse(expected), Json.instant(new BigDecimal(seconds)));
    }

    @Test
    void absurdTimesAreClampedSoRangeRulesCanRejectThem() {
        assertEquals(Instant.ofEpochSecond(1_000_000_000_000_000L), Json.instant(new BigDecimal("1E+300")));
        assertEquals(Instant.ofEpochSecond(-1_000_000_000_000_000L), Json.instant(new BigDecimal("-1E+300")));
    }

    @Test
    void writesEpochSecondsWithAtMostThreeDecimals() {
        assertEquals("1795694400", Json.epochSeconds(Instant.parse("2026-11-26T12:00:00Z")).toPlainString());
        assertEquals("1795694400.12", Json.epochSeconds(Instant.parse("2026-11-26T12:00:00.120Z")).toPlainString());
        assertEquals("{\"t\":1795694400.001}", Json.write(Json.object()
                .put("t", Json.epochSeconds(Instant.parse("2026-11-26T12:00:00.001Z")))));
        assertEquals("{\"t\":1795694400}", Json.write(Json.object()
                .put("t", Json.epochSeconds(Instant.parse("2026-11-26T12:00:00Z")))));
    }
}
