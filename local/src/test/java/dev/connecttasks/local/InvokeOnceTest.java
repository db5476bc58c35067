package dev.connecttasks.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.connecttasks.json.Json;
import dev.connecttasks.testing.ApiEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InvokeOnceTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void aPastScheduledTimeInAnHttpEventMovesAnHourAhead() throws Exception {
        byte[] event = ApiEvents.read("update-contact-schedule.json").getBytes(StandardCharsets.UTF_8);

        byte[] sent = InvokeOnce.withFutureSchedule(event, NOW);

        String body = Json.MAPPER.readTree(sent).get("body").asText();
        assertEquals(NOW.plusSeconds(3600).getEpochSecond(), Json.MAPPER.readTree(body).get("ScheduledTime").asLong());
        assertEquals(Json.MAPPER.readTree(event).get("routeKey"), Json.MAPPER.readTree(sent).get("routeKey"));
    }

    @Test
    void aFutureScheduledTimeAndOtherEventsGoAsTheyAre() throws Exception {
        byte[] future = ApiEvents.read("update-contact-schedule.json").getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(future, InvokeOnce.withFutureSchedule(future, Instant.EPOCH));
        byte[] runner = ApiEvents.read("flow-runner-scheduled.json").getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(runner, InvokeOnce.withFutureSchedule(runner, NOW));
        byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(notJson, InvokeOnce.withFutureSchedule(notJson, NOW));
    }
}
