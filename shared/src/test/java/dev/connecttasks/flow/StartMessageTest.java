package dev.connecttasks.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.connecttasks.contact.ContactKey;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StartMessageTest {

    private static StartMessage parse(String json) throws Exception {
        return StartMessage.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void roundTripsScheduledAndImmediateStarts() throws Exception {
        StartMessage scheduled = new StartMessage(new ContactKey("i", "c"), "f", Instant.parse("2026-11-27T09:30:00.250Z"));
        assertEquals("{\"InstanceId\":\"i\",\"ContactId\":\"c\",\"ContactFlowId\":\"f\",\"ScheduledTime\":1795771800.25}",
                scheduled.toJson());
        assertEquals(scheduled, parse(scheduled.toJson()));
        StartMessage now = new StartMessage(new ContactKey("i", "c"), "f", null);
        assertEquals("{\"InstanceId\":\"i\",\"ContactId\":\"c\",\"ContactFlowId\":\"f\"}", now.toJson());
        assertEquals(now, parse(now.toJson()));
        StartMessage rescheduled = new StartMessage(new ContactKey("i", "c"), null, Instant.parse("2026-11-27T09:30:00Z"));
        assertEquals("{\"InstanceId\":\"i\",\"ContactId\":\"c\",\"ScheduledTime\":1795771800}", rescheduled.toJson());
        assertEquals(rescheduled, parse(rescheduled.toJson()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"InstanceId\":\"i\"}", "{\"InstanceId\":1,\"ContactId\":\"c\"}",
            "{\"InstanceId\":\"i\",\"ContactId\":\"c\",\"ScheduledTime\":\"soon\"}", "[]"})
    void malformedInputIsRejected(String json) {
        assertThrows(IllegalArgumentException.class, () -> parse(json));
    }
}
