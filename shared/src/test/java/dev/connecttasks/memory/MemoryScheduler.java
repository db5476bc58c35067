package dev.connecttasks.memory;

import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.operation.port.TaskScheduler;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** {@link TaskScheduler} on a map: one schedule per (contact, time), with a quota and injectable failures. */
public final class MemoryScheduler implements TaskScheduler {
    /** A pending schedule: whom it starts, when, and the flow its input names (null: the contact's). */
    public record Schedule(ContactKey key, Instant scheduledTime, String contactFlowId) {
    }

    private final Map<String, Schedule> schedules = new HashMap<>();
    private final Map<String, Instant> expiries = new HashMap<>();
    private int quota = Integer.MAX_VALUE;
    private RuntimeException createFailure;
    private RuntimeException deleteFailure;

    public synchronized void quota(int quota) {
        this.quota = quota;
    }

    /** Every create throws this until it is cleared with null. */
    public synchronized void failCreates(RuntimeException failure) {
        createFailure = failure;
    }

    /** Every delete throws this until it is cleared with null. */
    public synchronized void failDeletes(RuntimeException failure) {
        deleteFailure = failure;
    }

    public synchronized Map<String, Schedule> schedules() {
        return Map.copyOf(schedules);
    }

    @Override
    public synchronized Outcome create(ContactKey key, String contactFlowId, Instant scheduledTime) {
        if (createFailure != null) {
            throw createFailure;
        }
        String name = name(key, scheduledTime);
        if (schedules.containsKey(name)) {
            return Outcome.ALREADY_THERE;
        }
        if (schedules.size() >= quota) {
            return Outcome.QUOTA_REACHED;
        }
        schedules.put(name, new Schedule(key, scheduledTime, contactFlowId));
        return Outcome.CREATED;
    }

    /** The expiry schedules, by contact and time; kept apart from the starts. */
    public synchronized Map<String, Instant> expiries() {
        return Map.copyOf(expiries);
    }

    @Override
    public synchronized Outcome createExpiry(ContactKey key, Instant expiry) {
        if (createFailure != null) {
            throw createFailure;
        }
        return expiries.putIfAbsent(name(key, expiry), expiry) == null ? Outcome.CREATED : Outcome.ALREADY_THERE;
    }

    @Override
    public synchronized void delete(ContactKey key, Instant scheduledTime) {
        if (deleteFailure != null) {
            throw deleteFailure;
        }
        schedules.remove(name(key, scheduledTime));
    }

    private static String name(ContactKey key, Instant scheduledTime) {
        return key.instanceId() + "/" + key.contactId() + "@" + scheduledTime;
    }
}
