package dev.connecttasks.operation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The service keeps time to the millisecond, as it stores and returns it. */
final class Clocks {
    private Clocks() {
    }

    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
