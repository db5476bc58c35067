package dev.connecttasks.contact;

import java.time.Instant;

/** The members of an UpdateContactSchedule request: which contact, and its new start time. */
public record ScheduleChange(ContactKey key, Instant scheduledTime) {
}
