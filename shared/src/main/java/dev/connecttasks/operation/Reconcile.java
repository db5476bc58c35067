package dev.connecttasks.operation;

import dev.connecttasks.flow.ExpiryMessage;
import dev.connecttasks.flow.StartMessage;
import dev.connecttasks.operation.port.Change;
import dev.connecttasks.operation.port.DueStarts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The reconciler: the net under every way a start can be lost (a stream batch or a schedule's delivery
 * that ran out of retries, a schedule deleted by hand, a process that died). It finds the contacts whose
 * start was due more than {@link #GRACE} ago and has not happened, and starts each through the
 * flow-runner's own claim, so a start that happens meanwhile is never repeated; and the open contacts
 * whose expiry passed as long ago, and expires each through the same conditional write as its schedule.
 */
public final class Reconcile {
    /** Longer than the stream and the schedules take to start a task when nothing fails. */
    public static final Duration GRACE = Duration.ofMinutes(1);
    /** At most this many starts, and as many expiries, per run; the next run, a minute on, takes the rest. */
    public static final int MAX_STARTS_PER_RUN = 500;

    /**
     * What a run found (due and not started, or not expired, when read), how many starts it made, how
     * many contacts it expired, and how many of either failed.
     */
    public record Result(int found, int rescued, int expired, int failed) {
    }

    private final DueStarts due;
    private final StartFlow startFlow;
    private final ExpireContact expire;
    private final Clock clock;

    public Reconcile(DueStarts due, StartFlow startFlow, ExpireContact expire, Clock clock) {
        this.due = due;
        this.startFlow = startFlow;
        this.expire = expire;
        this.clock = clock;
    }

    public Result run() {
        Instant cutoff = Clocks.now(clock).minus(GRACE);
        int found = 0;
        int rescued = 0;
        int failed = 0;
        for (StartMessage start : due.dueBy(cutoff, MAX_STARTS_PER_RUN)) {
            found++;
            try {
                if (startFlow.run(start).claimed()) {
                    rescued++;
                }
            } catch (RuntimeException stillFailing) {
                // the next run retries it; one contact's failure must not hold up the others
                failed++;
            }
        }
        int expired = 0;
        for (ExpiryMessage expiry : due.expiriesBy(cutoff, MAX_STARTS_PER_RUN)) {
            found++;
            try {
                if (expire.run(expiry) == Change.DONE) {
                    expired++;
                }
            } catch (RuntimeException stillFailing) {
                failed++;
            }
        }
        return new Result(found, rescued, expired, failed);
    }
}
