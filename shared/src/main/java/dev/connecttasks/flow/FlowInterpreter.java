package dev.connecttasks.flow;

import dev.connecttasks.contact.Arns;
import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.contact.QueueInfo;
import dev.connecttasks.error.ApiException;
import dev.connecttasks.flow.FlowDocument.Action;
import dev.connecttasks.flow.FlowDocument.Condition;
import dev.connecttasks.instance.ContactFlow;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The flow engine: interprets the flow language from {@code StartAction}, for the actions of
 * {@link ActionType}. An action that fails takes the transition its {@code Errors} name for the error
 * (or for {@code NoMatchingError}); with none, the run fails and the contact is disconnected. A run
 * stops after {@link #MAX_STEPS} actions, with the contact disconnected.
 */
public final class FlowInterpreter implements FlowEngine {
    public static final int MAX_STEPS = 1_000;
    private static final String NO_MATCHING_ERROR = "NoMatchingError";
    private static final String QUEUE_AT_CAPACITY = "QueueAtCapacity";

    /**
     * A warm runner reads each flow's content once. The cache is keyed by a digest of the content, so
     * never stale, and holds documents read from at most this many characters of content (a flow may
     * be 256,000 characters): past it, it starts again.
     */
    static final long MAX_CACHED_CHARACTERS = 8_000_000;

    private final Arns arns;
    private final Map<String, FlowDocument> documents = new ConcurrentHashMap<>();
    private final AtomicLong cachedCharacters = new AtomicLong();

    public FlowInterpreter(Arns arns) {
        this.arns = arns;
    }

    @Override
    public FlowResult run(Contact contact, ContactFlow flow, Instant now) {
        return run(contact, flow, RunLookups.NONE, now);
    }

    @Override
    public FlowResult run(Contact contact, ContactFlow flow, RunLookups lookups, Instant now) {
        FlowDocument document;
        try {
            document = document(flow);
        } catch (ApiException unreadable) {
            // checked when it was published; a flow that no longer reads fails its run, it is never retried
            return new FlowResult(contact.attributes(), null, now, 0, FlowResult.End.FAILED);
        }
        Map<String, String> attributes = new HashMap<>(contact.attributes());
        String targetQueue = contact.targetQueueId();
        Action action = document.action(document.startAction());
        for (int steps = 1; ; steps++) {
            if (steps > MAX_STEPS) {
                return new FlowResult(attributes, null, now, MAX_STEPS, FlowResult.End.STEP_LIMIT);
            }
            String next;
            String error = null;
            switch (action.type()) {
                case UpdateContactAttributes -> {
                    error = updateAttributes(action, contact, attributes, targetQueue);
                    next = action.nextAction();
                }
                case UpdateContactTargetQueue -> {
                    String queue = resolve(action.parameters().path("QueueId").asText(), contact, attributes, targetQueue);
                    if (queue == null || queue.isBlank()) {
                        error = NO_MATCHING_ERROR;
                    } else {
                        targetQueue = DynamicValue.queueId(queue);
                    }
                    next = action.nextAction();
                }
                case TransferContactToQueue -> {
                    // a QueueId given here names the queue, as UpdateContactTargetQueue would
                    if (action.parameters().path("QueueId").isTextual()) {
                        String queue = resolve(action.parameters().path("QueueId").asText(), contact, attributes, targetQueue);
                        targetQueue = queue == null || queue.isBlank() ? null : DynamicValue.queueId(queue);
                    }
                    RunLookups.QueueState state = targetQueue == null ? RunLookups.QueueState.MISSING : lookups.queue(targetQueue);
                    if (state == RunLookups.QueueState.OPEN) {
                        return new FlowResult(attributes, new QueueInfo(targetQueue, now), null, steps, FlowResult.End.QUEUED);
                    }
                    error = state == RunLookups.QueueState.AT_CAPACITY ? QUEUE_AT_CAPACITY : NO_MATCHING_ERROR;
                    next = null;
                }
                case TransferToFlow -> {
                    // execution jumps to the start of another published flow of the instance, for the same contact
                    String flowId = resolve(action.parameters().path("ContactFlowId").asText(), contact, attributes, targetQueue);
                    Optional<FlowDocument> transferred = flowId == null ? Optional.empty()
                            : lookups.flow(DynamicValue.flowId(flowId)).filter(ContactFlow::published).flatMap(this::readable);
                    if (transferred.isEmpty()) {
                        error = NO_MATCHING_ERROR;
                        next = null;
                    } else {
                        document = transferred.get();
                        next = document.startAction();
                    }
                }
                case Compare -> {
                    next = compare(action, resolve(action.parameters().path("ComparisonValue").asText(),
                            contact, attributes, targetQueue));
                    if (next == null) {
                        error = "NoMatchingCondition";
                    }
                }
                default -> {
                    // DisconnectParticipant and EndFlowExecution end the run; a task not in a queue ends with it
                    return new FlowResult(attributes, null, now, steps, FlowResult.End.DISCONNECTED);
                }
            }
            if (error != null) {
                next = action.errors().getOrDefault(error, action.errors().get(NO_MATCHING_ERROR));
                if (next == null) {
                    return new FlowResult(attributes, null, now, steps, FlowResult.End.FAILED);
                }
            }
            if (next == null) {
                return new FlowResult(attributes, null, now, steps, FlowResult.End.DISCONNECTED);
            }
            action = document.action(next);
        }
    }

    /** The flow's document, or none when it no longer reads (checked when it was published). */
    private Optional<FlowDocument> readable(ContactFlow flow) {
        try {
            return Optional.of(document(flow));
        } catch (ApiException unreadable) {
            return Optional.empty();
        }
    }

    private FlowDocument document(ContactFlow flow) {
        String key = digest(flow.content());
        FlowDocument document = documents.get(key);
        if (document == null) {
            document = FlowDocument.read(flow.content());
            if (cachedCharacters.addAndGet(flow.content().length()) > MAX_CACHED_CHARACTERS) {
                documents.clear();
                cachedCharacters.set(flow.content().length());
            }
            documents.put(key, document);
        }
        return document;
    }

    /** How many characters of flow content the cached documents were read from. */
    long cachedCharacters() {
        return cachedCharacters.get();
    }

    private static String digest(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Sets every attribute or none: a value that resolves to nothing or breaks the rules is an error. */
    private String updateAttributes(Action action, Contact contact, Map<String, String> attributes, String targetQueue) {
        Map<String, String> updated = new HashMap<>(attributes);
        var fields = action.parameters().path("Attributes").fields();
        while (fields.hasNext()) {
            var field = fields.next();
            String key = resolve(field.getKey(), contact, attributes, targetQueue);
            String value = resolve(field.getValue().asText(), contact, attributes, targetQueue);
            if (key == null || value == null) {
                return NO_MATCHING_ERROR;
            }
            updated.put(key, value);
        }
        try {
            ContactRules.checkAttributes(updated);
        } catch (ApiException brokenRule) {
            return NO_MATCHING_ERROR;
        }
        attributes.putAll(updated);
        return null;
    }

    /** The NextAction of the first condition that holds, or null. */
    private static String compare(Action action, String value) {
        if (value == null) {
            return null;
        }
        for (Condition condition : action.conditions()) {
            if (holds(condition.operator(), value, condition.operand())) {
                return condition.nextAction();
            }
        }
        return null;
    }

    static boolean holds(String operator, String value, String operand) {
        return switch (operator) {
            case "Equals" -> value.equals(operand);
            case "TextStartsWith" -> value.startsWith(operand);
            case "TextEndsWith" -> value.endsWith(operand);
            case "TextContains" -> value.contains(operand);
            default -> {
                BigDecimal left = number(value);
                BigDecimal right = number(operand);
                if (left == null || right == null) {
                    yield false;
                }
                int order = left.compareTo(right);
                yield switch (operator) {
                    case "NumberGreaterThan" -> order > 0;
                    case "NumberGreaterOrEqualTo" -> order >= 0;
                    case "NumberLessThan" -> order < 0;
                    case "NumberLessOrEqualTo" -> order <= 0;
                    default -> false;
                };
            }
        };
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String resolve(String value, Contact contact, Map<String, String> attributes, String targetQueue) {
        return DynamicValue.resolve(value, contact, attributes, targetQueue, arns);
    }
}
