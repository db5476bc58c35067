package dev.connecttasks.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connecttasks.contact.ContactKey;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TaskSchedulesTest {
    private static final Instant AT = Instant.parse("2026-11-27T09:30:00Z");

    @Test
    void expressionIsAtInUtcToTheSecond() {
        assertEquals("at(2026-11-27T09:30:00)", TaskSchedules.expression(AT));
    }

    @Test
    void aFractionalTimeRoundsUpSoTheFlowNeverStartsEarly() {
        assertEquals("at(2026-11-27T09:30:01)", TaskSchedules.expression(AT.plusMillis(1)));
    }

    @Test
    void namesAreDerivedFromInstanceContactAndTime() {
        String name = TaskSchedules.name(new ContactKey("i", "c"), AT);
        assertTrue(name.matches("[0-9a-f]{32}-" + AT.toEpochMilli()), name);
        assertTrue(name.length() <= 64);
        assertEquals(name, TaskSchedules.name(new ContactKey("i", "c"), AT));
        assertNotEquals(name, TaskSchedules.name(new ContactKey("i", "c"), AT.plusMillis(1)));
        assertNotEquals(TaskSchedules.name(new ContactKey("a", "bc"), AT), TaskSchedules.name(new ContactKey("ab", "c"), AT));
    }
}
