package dev.connecttasks.flow;

import static dev.connecttasks.error.ApiException.invalidContactFlow;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.connecttasks.error.ApiException;
import dev.connecttasks.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A flow in the Amazon Connect flow language (version 2019-10-30), read and checked: its start action
 * and its actions by identifier. Reading collects every problem it finds, and a flow with any is an
 * InvalidContactFlowException listing them (at most 50, each at most 256 characters, as the model allows).
 */
public final class FlowDocument {
    public static final String VERSION = "2019-10-30";
    static final int MAX_ACTIONS = 250;
    private static final int MAX_PROBLEMS = 50;
    private static final int MAX_PROBLEM_LENGTH = 256;
    private static final int MAX_IDENTIFIER_LENGTH = 50;
    private static final Pattern FORBIDDEN_IDENTIFIER_CHARACTERS = Pattern.compile("[%:()\\\\/=$,;\\[\\]{}]");
    private static final Set<String> FORBIDDEN_IDENTIFIERS = Set.of("__proto__", "constructor", "__defineGetter__",
            "__defineSetter__", "toString", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable",
            "toLocaleString", "valueOf");
    static final Set<String> OPERATORS = Set.of("Equals", "TextStartsWith", "TextEndsWith", "TextContains",
            "NumberGreaterThan", "NumberGreaterOrEqualTo", "NumberLessThan", "NumberLessOrEqualTo");

    /** One action: its type, parameters and where it goes next (on success, by condition, on error). */
    record Action(String identifier, ActionType type, JsonNode parameters, String nextAction,
            List<Condition> conditions, Map<String, String> errors) {
    }

    /**
     * A queue an action names as it is written ({@code value}: an id, or a queue ARN), not through a
     * JSONPath reference: the queue that must exist in the flow's instance.
     */
    public record QueueReference(String action, String value) {
        /** The queue's id, also when the value is its ARN. */
        public String queueId() {
            return DynamicValue.queueId(value);
        }

        /** The instance a queue ARN names, or null when the value is an id. */
        public String arnInstanceId() {
            return DynamicValue.queueArnInstanceId(value);
        }
    }

    /** A Compare branch: when {@code operator} holds for the compared value and {@code operand}, go on to next. */
    record Condition(String nextAction, String operator, String operand) {
    }

    private final String startAction;
    private final Map<String, Action> actions;

    private FlowDocument(String startAction, Map<String, Action> actions) {
        this.startAction = startAction;
        this.actions = actions;
    }

    String startAction() {
        return startAction;
    }

    Action action(String identifier) {
        return actions.get(identifier);
    }

    /** Every queue the flow's actions name as written (not through a reference), in the order of the actions. */
    public List<QueueReference> queueReferences() {
        List<QueueReference> queues = new ArrayList<>();
        for (Action action : actions.values()) {
            boolean namesQueue = action.type() == ActionType.UpdateContactTargetQueue
                    || action.type() == ActionType.TransferContactToQueue;
            String value = action.parameters().path("QueueId").asText("");
            if (namesQueue && !value.isEmpty() && !DynamicValue.isReference(value)) {
                queues.add(new QueueReference(action.identifier(), value));
            }
        }
        return queues;
    }

    /** Reads flow-language content, or throws InvalidContactFlowException with every problem found. */
    public static FlowDocument read(String content) {
        List<String> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(content);
        } catch (JacksonException e) {
            throw invalidContactFlow(List.of("Content is not valid JSON."));
        }
        if (root == null || !root.isObject()) {
            throw invalidContactFlow(List.of("Content must be a JSON object."));
        }
        if (!VERSION.equals(root.path("Version").asText(null))) {
            problems.add("Version must be \"" + VERSION + "\".");
        }
        Map<String, Action> actions = new LinkedHashMap<>();
        // every identifier, also of actions rejected for their type or parameters: a transition to one of
        // those is not a second problem
        Set<String> identifiers = new HashSet<>();
        JsonNode list = root.path("Actions");
        if (!list.isArray() || list.isEmpty()) {
            problems.add("Actions must be a non-empty list.");
        } else if (list.size() > MAX_ACTIONS) {
            problems.add("A flow may have at most " + MAX_ACTIONS + " Actions.");
        } else {
            for (int index = 0; index < list.size(); index++) {
                String identifier = identifier(list.get(index), index, problems);
                if (identifier == null) {
                    continue;
                }
                if (!identifiers.add(identifier)) {
                    problems.add("Actions[" + index + "]: Identifier " + identifier + " is used twice.");
                    continue;
                }
                Action action = action(list.get(index), identifier, problems);
                if (action != null) {
                    actions.put(identifier, action);
                }
            }
        }
        String start = root.path("StartAction").asText(null);
        if (start == null) {
            problems.add("StartAction is required.");
        } else if (!identifiers.isEmpty() && !identifiers.contains(start)) {
            problems.add("StartAction " + start + " is not the Identifier of an action.");
        }
        for (Action action : actions.values()) {
            checkTarget(action, action.nextAction(), "NextAction", identifiers, problems);
            action.conditions().forEach(condition -> checkTarget(action, condition.nextAction(),
                    "a Conditions NextAction", identifiers, problems));
            action.errors().values().forEach(next -> checkTarget(action, next, "an Errors NextAction", identifiers,
                    problems));
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return new FlowDocument(start, Collections.unmodifiableMap(actions));
    }

    /** An InvalidContactFlowException listing the problems, as many and as long as the model allows. */
    public static ApiException invalid(List<String> problems) {
        return invalidContactFlow(problems.stream().limit(MAX_PROBLEMS)
                .map(problem -> problem.length() > MAX_PROBLEM_LENGTH ? problem.substring(0, MAX_PROBLEM_LENGTH) : problem)
                .toList());
    }

    private static String identifier(JsonNode node, int index, List<String> problems) {
        String identifier = node.path("Identifier").asText(null);
        if (identifier == null || identifier.isEmpty() || identifier.length() > MAX_IDENTIFIER_LENGTH
                || FORBIDDEN_IDENTIFIER_CHARACTERS.matcher(identifier).find() || FORBIDDEN_IDENTIFIERS.contains(identifier)) {
            problems.add("Actions[" + index + "]: Identifier must be 1 to 50 characters, without % : ( \\ / ) = $ , ; [ ] { }.");
            return null;
        }
        return identifier;
    }

    private static Action action(JsonNode node, String identifier, List<String> problems) {
        String where = "Action " + identifier;
        String typeName = node.path("Type").asText("");
        ActionType type = ActionType.fromName(typeName);
        if (type == null) {
            problems.add(where + ": Type " + typeName + " is not an action this service runs.");
            return null;
        }
        JsonNode parameters = node.path("Parameters");
        JsonNode transitions = node.path("Transitions");
        List<Condition> conditions = new ArrayList<>();
        for (JsonNode condition : transitions.path("Conditions")) {
            String operator = condition.path("Condition").path("Operator").asText("");
            JsonNode operands = condition.path("Condition").path("Operands");
            if (type != ActionType.Compare) {
                problems.add(where + ": only Compare actions have Conditions.");
            } else if (!OPERATORS.contains(operator)) {
                problems.add(where + ": Operator " + operator + " is not a flow-language operator.");
            } else if (!operands.isArray() || operands.size() != 1 || !operands.get(0).isTextual()
                    || operands.get(0).asText().isEmpty()) {
                problems.add(where + ": a Condition needs exactly one non-empty string Operand.");
            } else if (!condition.path("NextAction").isTextual()) {
                problems.add(where + ": a Condition needs a NextAction.");
            } else {
                conditions.add(new Condition(condition.path("NextAction").asText(), operator, operands.get(0).asText()));
            }
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (JsonNode error : transitions.path("Errors")) {
            String errorType = error.path("ErrorType").asText("");
            if (!type.errorTypes().contains(errorType)) {
                problems.add(where + ": " + type + " has no error type " + errorType + ".");
            } else if (!error.path("NextAction").isTextual()) {
                problems.add(where + ": the Errors entry for " + errorType + " needs a NextAction.");
            } else {
                errors.put(errorType, error.path("NextAction").asText(null));
            }
        }
        checkParameters(where, type, parameters, problems);
        return new Action(identifier, type, parameters, transitions.path("NextAction").asText(null), conditions, errors);
    }

    private static void checkParameters(String where, ActionType type, JsonNode parameters, List<String> problems) {
        switch (type) {
            case UpdateContactAttributes -> {
                JsonNode attributes = parameters.path("Attributes");
                boolean strings = attributes.isObject() && !attributes.isEmpty();
                for (Iterator<JsonNode> values = attributes.elements(); values.hasNext(); ) {
                    strings &= values.next().isTextual();
                }
                if (!strings) {
                    problems.add(where + ": Parameters.Attributes must be a non-empty map of strings.");
                }
                String target = parameters.path("TargetContact").asText("Current");
                if (!target.equals("Current")) {
                    problems.add(where + ": only TargetContact Current is supported.");
                }
            }
            case UpdateContactTargetQueue -> {
                if (parameters.has("AgentId")) {
                    problems.add(where + ": agent queues (AgentId) are not supported; give a QueueId.");
                } else if (!parameters.path("QueueId").isTextual() || parameters.path("QueueId").asText().isEmpty()) {
                    problems.add(where + ": Parameters.QueueId is required.");
                }
            }
            case TransferContactToQueue -> {
                if (parameters.has("QueueId") && (!parameters.path("QueueId").isTextual() || parameters.path("QueueId").asText().isEmpty())) {
                    problems.add(where + ": Parameters.QueueId, when given, must be a queue id or ARN, or a JSONPath reference.");
                }
            }
            case TransferToFlow -> {
                String flowId = parameters.path("ContactFlowId").asText("");
                if (flowId.isEmpty() || (flowId.startsWith("$") && !DynamicValue.isReference(flowId))) {
                    problems.add(where + ": Parameters.ContactFlowId must be a flow id or ARN, or a single JSONPath reference.");
                }
            }
            case Compare -> {
                if (!DynamicValue.isReference(parameters.path("ComparisonValue").asText(""))) {
                    problems.add(where + ": Parameters.ComparisonValue must be a single JSONPath reference such as $.Attributes.name.");
                }
            }
            default -> {
            }
        }
    }

    private static void checkTarget(Action action, String next, String what, Set<String> identifiers,
            List<String> problems) {
        if (next != null && !identifiers.contains(next)) {
            problems.add("Action " + action.identifier() + ": " + what + " " + next + " is not the Identifier of an action.");
        }
    }
}
