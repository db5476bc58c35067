package dev.connecttasks.contact;

import static dev.connecttasks.error.ApiException.invalidParameter;
import static dev.connecttasks.error.ApiException.invalidRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The value rules of the five operations (docs/api.md, "Input rules"). A broken rule is an
 * InvalidParameterException whose message names the member; structural problems are caught earlier,
 * by the wire parser.
 */
public final class ContactRules {
    public static final int MAX_REFERENCE_BYTES = 4_096;
    public static final int MAX_ATTRIBUTE_BYTES = 32_768;
    public static final int MAX_TASKS_PER_PREVIOUS_CONTACT = 12;
    /** A chain holds at most this many transfers. */
    public static final int MAX_TRANSFERS = 11;
    /** The DisconnectReason of a task its flow ended. */
    public static final String FLOW_DISCONNECT = "CONTACT_FLOW_DISCONNECT";
    /** The DisconnectReason of a task StopContact ended. */
    public static final String API_DISCONNECT = "API";
    /** The DisconnectReason of a task TransferContact moved on to a new contact. */
    public static final String TRANSFERRED = "TRANSFERRED";
    /** The DisconnectReason of a task whose expiry came first. */
    public static final String EXPIRED = "EXPIRED";
    public static final Duration MAX_SCHEDULE_AHEAD = Duration.ofDays(6);
    /** Newer SDK members whose meaning we do not implement; rejected, never silently dropped. */
    public static final String[] UNSUPPORTED_TASK_MEMBERS = {
        "QuickConnectId", "Attachments"
    };
    /** What a task's flow may come from: a request names exactly one (QuickConnectId is then refused). */
    public static final String[] TASK_FLOW_SOURCES = {
        "ContactFlowId", "QuickConnectId", "TaskTemplateId"
    };

    private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int QUOTED_KEY_LIMIT = 64;

    private ContactRules() {
    }

    public static void checkTask(TaskRequest task, Instant now) {
        checkInstanceId(task.instanceId());
        checkLength("ContactFlowId", task.contactFlowId(), 1, 500);
        checkLength("Name", task.name(), 0, 1024);
        checkLength("Description", task.description(), 0, 4096);
        checkLength("PreviousContactId", task.previousContactId(), 1, 256);
        checkLength("RelatedContactId", task.relatedContactId(), 1, 256);
        checkLength("ClientToken", task.clientToken(), 1, 500);
        checkAttributes(task.attributes());
        checkReferences(task.references());
        if (task.scheduledTime() != null) {
            checkScheduledTime(task.scheduledTime(), now);
        }
    }

    public static void checkChanges(ContactChanges changes) {
        checkLength("Name", changes.name(), 0, 1024);
        checkLength("Description", changes.description(), 0, 4096);
        checkReferences(changes.references());
    }

    public static void checkKey(ContactKey key) {
        checkInstanceId(key.instanceId());
        checkLength("ContactId", key.contactId(), 1, 256);
    }

    public static void checkInstanceId(String instanceId) {
        checkLength("InstanceId", instanceId, 1, 100);
    }

    public static void checkScheduledTime(Instant scheduledTime, Instant now) {
        if (scheduledTime.isBefore(now)) {
            throw invalidParameter("ScheduledTime must not be in the past.");
        }
        if (scheduledTime.isAfter(now.plus(MAX_SCHEDULE_AHEAD))) {
            throw invalidParameter("ScheduledTime must be at most 6 days in the future.");
        }
    }

    /** Checks the 4,096-byte cap; UpdateContact calls it on the merged references. */
    public static void checkReferenceCap(Map<String, Reference> references) {
        if (referenceBytes(references) > MAX_REFERENCE_BYTES) {
            throw invalidParameter("References must not exceed " + MAX_REFERENCE_BYTES
                    + " UTF-8 bytes in total (names and values) per contact.");
        }
    }

    public static int referenceBytes(Map<String, Reference> references) {
        int total = 0;
        for (Map.Entry<String, Reference> entry : references.entrySet()) {
            total += Utf8.length(entry.getKey()) + Utf8.length(entry.getValue().value());
        }
        return total;
    }

    /** Keys, values and the 32,768-byte cap; the flow engine checks what UpdateContactAttributes sets. */
    public static void checkAttributes(Map<String, String> attributes) {
        for (Map.Entry<String, String> entry : attributes.entrySet()) {
            String key = entry.getKey();
            checkLength("Attributes key", key, 1, 32_767);
            if (!ATTRIBUTE_KEY.matcher(key).matches()) {
                throw invalidParameter("Attributes key " + quoted(key)
                        + " may contain only letters, digits, '-' and '_'.");
            }
            checkLength("Attributes value of " + quoted(key), entry.getValue(), 0, 32_767);
        }
        checkAttributeCap(attributes);
    }

    /** Checks the 32,768-byte cap; StartTaskContact calls it again after copying related attributes. */
    public static void checkAttributeCap(Map<String, String> attributes) {
        if (attributeBytes(attributes) > MAX_ATTRIBUTE_BYTES) {
            throw attributeCapExceeded();
        }
    }

    /** What attributes count against the cap: the UTF-8 bytes of every key and value. */
    public static int attributeBytes(Map<String, String> attributes) {
        int total = 0;
        for (Map.Entry<String, String> entry : attributes.entrySet()) {
            total += Utf8.length(entry.getKey()) + Utf8.length(entry.getValue());
        }
        return total;
    }

    private static RuntimeException attributeCapExceeded() {
        return invalidParameter("Attributes must not exceed " + MAX_ATTRIBUTE_BYTES
                + " UTF-8 bytes in total (keys and values) per contact, including those copied from"
                + " RelatedContactId and those already on the contact.");
    }

    private static void checkReferences(Map<String, Reference> references) {
        for (Map.Entry<String, Reference> entry : references.entrySet()) {
            String key = entry.getKey();
            Reference reference = entry.getValue();
            checkLength("References key", key, 1, 4096);
            checkLength("References value of " + quoted(key), reference.value(), 0, 4096);
            ReferenceType type = reference.type();
            if (!type.writable()) {
                throw invalidParameter("References type " + type + " of " + quoted(key)
                        + " cannot be written; use URL, NUMBER, STRING, DATE or EMAIL.");
            }
            if (!type.accepts(reference.value())) {
                throw invalidParameter("References value of " + quoted(key) + " must be "
                        + type.valueDescription() + " for type " + type + ".");
            }
        }
        checkReferenceCap(references);
    }

    /**
     * A length rule of an operation whose model has no InvalidParameterException (TransferContact,
     * GetContactAttributes): broken, it is an InvalidRequestException. A null value is absent, and fine.
     */
    public static void checkRequestLength(String member, String value, int max) {
        if (value != null && (value.isEmpty() || value.codePointCount(0, value.length()) > max)) {
            throw invalidRequest(member + " must have a length between 1 and " + max + " characters.");
        }
    }

    /** A member's length in characters (code points), when present: InvalidParameterException outside min..max. */
    public static void checkLength(String member, String value, int min, int max) {
        if (value == null) {
            return;
        }
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            throw invalidParameter(member + " must have a length between " + min + " and " + max
                    + " characters.");
        }
    }

    private static String quoted(String key) {
        String shown = key.length() > QUOTED_KEY_LIMIT ? key.substring(0, QUOTED_KEY_LIMIT) + "..." : key;
        return "'" + shown + "'";
    }
}
