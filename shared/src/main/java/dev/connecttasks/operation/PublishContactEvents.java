package dev.connecttasks.operation;

import dev.connecttasks.event.ContactEvent;
import dev.connecttasks.operation.port.ContactEventBus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes the events of a batch of contact changes, in order. Events the bus refuses are put again,
 * a few times with growing pauses; what is still refused makes the change it belongs to the batch's
 * first failure, so the stream delivers that change (and those after it) again: no event is lost, and
 * an event may be published more than once.
 */
public final class PublishContactEvents {
    /** What a batch came to: the first change not fully published (-1: none), and the event counts. */
    public record Result(int firstFailedChange, int published, int failed) {
    }

    private final ContactEventBus bus;
    private final int maxAttempts;
    private final Duration firstPause;

    public PublishContactEvents(ContactEventBus bus, int maxAttempts, Duration firstPause) {
        this.bus = bus;
        this.maxAttempts = maxAttempts;
        this.firstPause = firstPause;
    }

    /** {@code eventsPerChange}: for each change of the batch, in order, its events. */
    public Result publish(List<List<ContactEvent>> eventsPerChange) {
        List<ContactEvent> pending = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int change = 0; change < eventsPerChange.size(); change++) {
            for (ContactEvent event : eventsPerChange.get(change)) {
                pending.add(event);
                owners.add(change);
            }
        }
        int total = pending.size();
        for (int attempt = 1; attempt <= maxAttempts && !pending.isEmpty(); attempt++) {
            if (attempt > 1) {
                pause(attempt - 1);
            }
            List<Integer> refused;
            try {
                refused = bus.put(pending);
            } catch (RuntimeException unavailable) {
                continue;
            }
            List<ContactEvent> again = new ArrayList<>();
            List<Integer> againOwners = new ArrayList<>();
            for (int position : refused) {
                again.add(pending.get(position));
                againOwners.add(owners.get(position));
            }
            pending = again;
            owners = againOwners;
        }
        int firstFailed = owners.stream().mapToInt(Integer::intValue).min().orElse(-1);
        return new Result(firstFailed, total - pending.size(), pending.size());
    }

    private void pause(int retry) {
        long millis = firstPause.toMillis() << Math.min(retry - 1, 5);
        if (millis == 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing contact events", e);
        }
    }
}
