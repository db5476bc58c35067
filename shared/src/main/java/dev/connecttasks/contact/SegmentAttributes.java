package dev.connecttasks.contact;

import static dev.connecttasks.error.ApiException.invalidParameter;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A contact's SegmentAttributes: each value kept as the JSON of its SegmentAttributeValue, as sent, and
 * the one system attribute we act on, {@code connect:ContactExpiry}, read out as minutes. Other
 * {@code connect:} keys are refused; keys without that prefix are stored and returned.
 */
public record SegmentAttributes(Map<String, String> values, Integer expiryMinutes) {
    public static final String EXPIRY_KEY = "connect:ContactExpiry";
    public static final String SYSTEM_PREFIX = "connect:";
    /** How long a task that names no expiry lives after its flow starts. */
    public static final Duration DEFAULT_EXPIRY = Duration.ofDays(7);
    public static final int MIN_EXPIRY_MINUTES = 1;
    public static final int MAX_EXPIRY_MINUTES = 129_600;
    public static final SegmentAttributes NONE = new SegmentAttributes(Map.of(), null);

    public SegmentAttributes {
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    /** The value rules: key lengths, no system key but the expiry, the expiry in range. */
    public static SegmentAttributes checked(Map<String, String> values, Integer expiryMinutes) {
        for (String key : values.keySet()) {
            int length = key.codePointCount(0, key.length());
            if (length < 1 || length > 128) {
                throw invalidParameter("SegmentAttributes keys must have a length between 1 and 128 characters.");
            }
            if (key.startsWith(SYSTEM_PREFIX) && !key.equals(EXPIRY_KEY)) {
                throw invalidParameter("SegmentAttributes key " + key + " is not supported by this service; of the "
                        + SYSTEM_PREFIX + " keys only " + EXPIRY_KEY + " is.");
            }
        }
        if (values.containsKey(EXPIRY_KEY) && (expiryMinutes == null
                || expiryMinutes < MIN_EXPIRY_MINUTES || expiryMinutes > MAX_EXPIRY_MINUTES)) {
            throw invalidParameter("SegmentAttributes " + EXPIRY_KEY + " ExpiryDuration must be a ValueInteger of "
                    + MIN_EXPIRY_MINUTES + " to " + MAX_EXPIRY_MINUTES + " minutes.");
        }
        return new SegmentAttributes(values, expiryMinutes);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** How long the contact lives after its flow starts. */
    public Duration expiry() {
        return expiryMinutes == null ? DEFAULT_EXPIRY : Duration.ofMinutes(expiryMinutes);
    }

    /** These attributes with {@code changes}' keys added or replaced (UpdateContact). */
    public SegmentAttributes merge(SegmentAttributes changes) {
        Map<String, String> merged = new HashMap<>(values);
        merged.putAll(changes.values());
        return new SegmentAttributes(merged, changes.expiryMinutes() != null ? changes.expiryMinutes() : expiryMinutes);
    }
}
