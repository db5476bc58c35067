package dev.connecttasks.operation;

import static dev.connecttasks.error.ApiException.throttled;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.flow.FlowEngine;
import dev.connecttasks.flow.FlowResult;
import dev.connecttasks.flow.RunLookups.QueueState;
import dev.connecttasks.flow.RunLookups;
import dev.connecttasks.flow.StartMessage;
import dev.connecttasks.instance.InstanceRules;
import dev.connecttasks.instance.Queue;
import dev.connecttasks.operation.StartOutcome.Refusal;
import dev.connecttasks.operation.port.ContactAndFlow;
import dev.connecttasks.operation.port.FlowRunStore;
import dev.connecttasks.operation.port.TaskScheduler;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The flow-runner's use case: read the contact and its flow, check that the contact waits for this
 * very start, run the flow, and record start and outcome in one write conditional on the contact's
 * revision. A duplicate, late or superseded invocation changes nothing, and a run that crashes before
 * the write has had no effect, so its retry starts afresh. A contact the flow leaves open gets a
 * one-shot schedule for its expiry. A schedule that fires before its contact is
 * written (the schedule is created first) or before the contact's time is {@link NotYet}: thrown, so
 * the start is retried, and if it never comes right the reconciler finds the contact.
 */
public final class StartFlow {
    /** A scheduled start that came too soon: its contact is not written yet, or its time has not come. */
    public static final class NotYet extends RuntimeException {
        public NotYet(String message) {
            super(message);
        }
    }

    private static final int MAX_ATTEMPTS = 5;
    private static final int MAX_KNOWN_QUEUES = 10_000;

    private final FlowRunStore flowRuns;
    private final FlowEngine engine;
    private final TaskScheduler schedules;
    private final Clock clock;
    /** Queues a warm runner has read: a queue never changes here once created. */
    private final Map<QueueKey, Queue> knownQueues = new ConcurrentHashMap<>();

    private record QueueKey(String instanceId, String queueId) {
    }

    public StartFlow(FlowRunStore flowRuns, FlowEngine engine, TaskScheduler schedules, Clock clock) {
        this.flowRuns = flowRuns;
        this.engine = engine;
        this.schedules = schedules;
        this.clock = clock;
    }

    public StartOutcome run(StartMessage start) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Instant now = Clocks.now(clock);
            Optional<ContactAndFlow> found = flowRuns.findForRun(start.key(), start.contactFlowId(), now);
            if (found.isEmpty()) {
                if (start.scheduledTime() != null) {
                    throw new NotYet("Contact " + start.key().contactId() + " is not written yet; its start will be retried.");
                }
                return StartOutcome.refused(Refusal.NO_SUCH_CONTACT);
            }
            Contact contact = found.get().contact();
            Refusal refusal = refusal(contact, start);
            if (refusal != null) {
                return StartOutcome.refused(refusal);
            }
            if (start.scheduledTime() != null && now.isBefore(start.scheduledTime())) {
                throw new NotYet("The schedule of contact " + contact.id() + " fired before its time "
                        + start.scheduledTime() + "; its start will be retried.");
            }
            FlowResult run = found.get().flow() == null
                    ? new FlowResult(contact.attributes(), null, now, 0, FlowResult.End.FAILED)
                    : engine.run(contact, found.get().flow(), RunLookups.of(id -> flowRuns.findFlow(contact.instanceId(), id),
                            queueId -> queueState(contact.instanceId(), queueId)), now);
            if (flowRuns.recordFlowRun(contact, found.get().revision(), run, now)) {
                if (found.get().chained()) {
                    shareWithChain(contact, run, now);
                }
                if (run.disconnectedAt() == null) {
                    scheduleExpiry(contact);
                }
                return StartOutcome.claimed(contact, run);
            }
        }
        throw throttled("The contact kept changing while its flow was starting; the start will be retried.");
    }

    /**
     * The attributes the run set reach every contact of the chain, as UpdateContactAttributes would
     * write them. After the claim, so a run that did not count shares nothing; a failure here is not
     * retried (a retry finds the task started), and leaves the other contacts without them.
     */
    private void shareWithChain(Contact contact, FlowResult run, Instant now) {
        Map<String, String> changed = new HashMap<>();
        run.attributes().forEach((key, value) -> {
            if (!value.equals(contact.attributes().get(key))) {
                changed.put(key, value);
            }
        });
        if (changed.isEmpty()) {
            return;
        }
        try {
            flowRuns.shareAttributes(contact.key(), changed, now);
        } catch (RuntimeException notShared) {
            // the start is recorded; see above
        }
    }

    /**
     * The start is recorded whatever happens here: a retry would find it started and schedule nothing,
     * so a failure is not thrown. The contact is in the due index at its expiry; the reconciler ends it.
     */
    private void scheduleExpiry(Contact contact) {
        try {
            schedules.createExpiry(contact.key(), contact.expiry());
        } catch (RuntimeException leftToReconciler) {
            // see above
        }
    }

    /**
     * Whether a queue takes one more contact: it exists, and holds fewer than its MaxContacts contacts
     * that have not ended. Best effort at the boundary: the count is eventually consistent, and two runs
     * at once may both see room for the last place.
     */
    private QueueState queueState(String instanceId, String queueId) {
        if (!InstanceRules.queueIdFits(queueId)) {
            return QueueState.MISSING;
        }
        QueueKey cacheKey = new QueueKey(instanceId, queueId);
        Queue queue = knownQueues.get(cacheKey);
        if (queue == null) {
            Optional<Queue> found = flowRuns.findQueue(instanceId, queueId);
            if (found.isEmpty()) {
                return QueueState.MISSING;
            }
            queue = found.get();
            if (knownQueues.size() >= MAX_KNOWN_QUEUES) {
                knownQueues.clear();
            }
            knownQueues.put(cacheKey, queue);
        }
        Integer maxContacts = queue.maxContacts();
        if (maxContacts == null) {
            return QueueState.OPEN;
        }
        return maxContacts == 0 || flowRuns.countQueued(instanceId, queueId, maxContacts) >= maxContacts
                ? QueueState.AT_CAPACITY : QueueState.OPEN;
    }

    /** Why this start must not run the contact's flow, or null when the contact waits for exactly it. */
    private static Refusal refusal(Contact contact, StartMessage start) {
        if (contact.flowStatus() == FlowStatus.STARTED) {
            return Refusal.ALREADY_STARTED;
        }
        if (contact.ended()) {
            return Refusal.ENDED;
        }
        FlowStatus awaited = start.scheduledTime() == null ? FlowStatus.PENDING : FlowStatus.SCHEDULED;
        if (contact.flowStatus() != awaited || !Objects.equals(contact.scheduledAt(), start.scheduledTime())) {
            return Refusal.SUPERSEDED;
        }
        return null;
    }
}
