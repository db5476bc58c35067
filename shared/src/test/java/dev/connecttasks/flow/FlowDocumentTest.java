package dev.connecttasks.flow;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connecttasks.error.ApiException;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.flow.FlowDocument.Action;
import dev.connecttasks.flow.FlowDocument.Condition;
import dev.connecttasks.json.Json;
import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.Flows;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FlowDocumentTest {
    private static final String IDENTIFIER_PROBLEM =
            "Actions[0]: Identifier must be 1 to 50 characters, without % : ( \\ / ) = $ , ; [ ] { }.";

    /** A disconnect with the given identifier: a valid action every flow below can point at. */
    private static String disconnect(String identifier) {
        return """
                {"Identifier": "%s", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}"""
                .formatted(identifier);
    }

    private static final String END = disconnect("end");

    private static String flow(String start, String... actions) {
        return Flows.document(start, actions);
    }

    private static List<String> problems(String content) {
        ApiException e = assertThrows(ApiException.class, () -> FlowDocument.read(content));
        assertEquals(ErrorType.INVALID_CONTACT_FLOW, e.type());
        assertEquals("The flow is not valid.", e.getMessage());
        return e.problems();
    }

    // ---- content as a whole ----

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"Version\": }", "not json", "{\"Version\": \"2019-10-30\"} trailing",
            "{\"Version\": \"2019-10-30\", \"Version\": \"2019-10-30\"}"})
    void contentThatIsNotJsonIsOneProblem(String content) {
        assertEquals(List.of("Content is not valid JSON."), problems(content));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"Version\": \"2019-10-30\"}]", "\"flow\"", "42", "null", "true", ""})
    void contentThatIsNotAnObjectIsOneProblem(String content) {
        assertEquals(List.of("Content must be a JSON object."), problems(content));
    }

    @Test
    void aMinimalFlowReads() {
        FlowDocument document = assertDoesNotThrow(() -> FlowDocument.read(flow("end", END)));
        assertEquals("end", document.startAction());
        assertEquals(ActionType.DisconnectParticipant, document.action("end").type());
        assertNull(document.action("other"));
    }

    @Test
    void readingKeepsTypesTransitionsConditionsAndErrors() {
        FlowDocument document = FlowDocument.read(flow("check", """
                {
                  "Identifier": "check",
                  "Type": "Compare",
                  "Parameters": {"ComparisonValue": "$.Attributes.priority"},
                  "Transitions": {
                    "NextAction": "end",
                    "Conditions": [
                      {"NextAction": "end", "Condition": {"Operator": "Equals", "Operands": ["urgent"]}},
                      {"NextAction": "other", "Condition": {"Operator": "NumberLessThan", "Operands": ["3"]}}
                    ],
                    "Errors": [{"ErrorType": "NoMatchingCondition", "NextAction": "other"}]
                  }
                }""", disconnect("other"), END));
        Action check = document.action("check");
        assertEquals("check", check.identifier());
        assertEquals(ActionType.Compare, check.type());
        assertEquals("$.Attributes.priority", check.parameters().path("ComparisonValue").asText());
        assertEquals("end", check.nextAction());
        assertEquals(List.of(new Condition("end", "Equals", "urgent"), new Condition("other", "NumberLessThan", "3")),
                check.conditions());
        assertEquals(Map.of("NoMatchingCondition", "other"), check.errors());
        assertNull(document.action("end").nextAction());
        assertTrue(document.action("end").conditions().isEmpty());
        assertTrue(document.action("end").errors().isEmpty());
    }

    // ---- Version, Actions, StartAction ----

    @ParameterizedTest
    @ValueSource(strings = {"", "\"Version\": \"2020-01-01\",", "\"Version\": \"2019-10-31\",", "\"Version\": 2019,",
            "\"Version\": null,", "\"Version\": \"\","})
    void versionMustBe20191030(String version) {
        String content = """
                {%s "StartAction": "end", "Actions": [%s]}""".formatted(version, END);
        assertEquals(List.of("Version must be \"2019-10-30\"."), problems(content));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\"Actions\": [],", "\"Actions\": {},", "\"Actions\": null,", "\"Actions\": \"end\","})
    void actionsMustBeANonEmptyList(String actions) {
        String content = """
                {"Version": "2019-10-30", %s "StartAction": "end"}""".formatted(actions);
        assertEquals(List.of("Actions must be a non-empty list."), problems(content));
    }

    @Test
    void aFlowHasAtMost250Actions() {
        List<String> actions = IntStream.range(0, 251).mapToObj(i -> disconnect("a" + i)).toList();
        assertEquals(List.of("A flow may have at most 250 Actions."),
                problems(flow("a0", actions.toArray(String[]::new))));
        assertDoesNotThrow(() -> FlowDocument.read(flow("a0", actions.subList(0, 250).toArray(String[]::new))));
    }

    @Test
    void startActionIsRequired() {
        String content = """
                {"Version": "2019-10-30", "Actions": [%s]}""".formatted(END);
        assertEquals(List.of("StartAction is required."), problems(content));
    }

    @Test
    void startActionMustNameAnAction() {
        assertEquals(List.of("StartAction nowhere is not the Identifier of an action."),
                problems(flow("nowhere", END)));
    }

    // ---- transitions that lead nowhere ----

    @Test
    void nextActionMustNameAnAction() {
        String content = flow("a", """
                {"Identifier": "a", "Type": "UpdateContactAttributes", "Parameters": {"Attributes": {"k": "v"}},
                 "Transitions": {"NextAction": "nowhere"}}""", END);
        assertEquals(List.of("Action a: NextAction nowhere is not the Identifier of an action."), problems(content));
    }

    @Test
    void aConditionsNextActionMustNameAnAction() {
        String content = flow("c", """
                {"Identifier": "c", "Type": "Compare", "Parameters": {"ComparisonValue": "$.Attributes.x"},
                 "Transitions": {"NextAction": "end", "Conditions": [
                   {"NextAction": "nowhere", "Condition": {"Operator": "Equals", "Operands": ["1"]}}]}}""", END);
        assertEquals(List.of("Action c: a Conditions NextAction nowhere is not the Identifier of an action."),
                problems(content));
    }

    @Test
    void anErrorsNextActionMustNameAnAction() {
        String content = flow("q", """
                {"Identifier": "q", "Type": "UpdateContactTargetQueue", "Parameters": {"QueueId": "support"},
                 "Transitions": {"NextAction": "end",
                   "Errors": [{"ErrorType": "NoMatchingError", "NextAction": "nowhere"}]}}""", END);
        assertEquals(List.of("Action q: an Errors NextAction nowhere is not the Identifier of an action."),
                problems(content));
    }

    @Test
    void aTransitionToARejectedActionIsNotASecondProblem() {
        String content = flow("a", """
                {"Identifier": "a", "Type": "UpdateContactAttributes", "Parameters": {"Attributes": {"k": "v"}},
                 "Transitions": {"NextAction": "lambda"}}""", """
                {"Identifier": "lambda", "Type": "InvokeLambdaFunction", "Parameters": {}, "Transitions": {}}""");
        assertEquals(List.of("Action lambda: Type InvokeLambdaFunction is not an action this service runs."),
                problems(content));
    }

    // ---- action types and identifiers ----

    @ParameterizedTest
    @ValueSource(strings = {"MessageParticipant", "InvokeLambdaFunction", "GetParticipantInput", "compare",
            "UpdateContactData", "TransferContactToAgent"})
    void actionTypesThisServiceDoesNotRunAreRejected(String type) {
        String content = flow("end", END, """
                {"Identifier": "x", "Type": "%s", "Parameters": {}, "Transitions": {}}""".formatted(type));
        assertEquals(List.of("Action x: Type " + type + " is not an action this service runs."), problems(content));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"ContactFlowId\": \"\"}", "{\"ContactFlowId\": \"$.Attributes.a b\"}"})
    void transferToFlowNeedsAFlowIdOrAReference(String parameters) {
        String content = flow("x", """
                {"Identifier": "x", "Type": "TransferToFlow", "Parameters": %s, "Transitions": {}}""".formatted(parameters));
        assertEquals(List.of("Action x: Parameters.ContactFlowId must be a flow id or ARN, or a single JSONPath reference."),
                problems(content));
    }

    @Test
    void anActionWithoutTypeIsRejected() {
        String content = flow("end", END, """
                {"Identifier": "x", "Parameters": {}, "Transitions": {}}""");
        assertEquals(List.of("Action x: Type  is not an action this service runs."), problems(content));
    }

    @Test
    void everySupportedTypeReads() {
        String content = flow("a", """
                {"Identifier": "a", "Type": "UpdateContactAttributes", "Parameters": {"Attributes": {"k": "v"}},
                 "Transitions": {"NextAction": "q"}}""", """
                {"Identifier": "q", "Type": "UpdateContactTargetQueue", "Parameters": {"QueueId": "support"},
                 "Transitions": {"NextAction": "c"}}""", """
                {"Identifier": "c", "Type": "Compare", "Parameters": {"ComparisonValue": "$.Channel"},
                 "Transitions": {"Conditions": [
                   {"NextAction": "t", "Condition": {"Operator": "Equals", "Operands": ["TASK"]}}],
                   "Errors": [{"ErrorType": "NoMatchingCondition", "NextAction": "d"}]}}""", """
                {"Identifier": "t", "Type": "TransferContactToQueue", "Parameters": {},
                 "Transitions": {"Errors": [{"ErrorType": "QueueAtCapacity", "NextAction": "d"},
                   {"ErrorType": "NoMatchingError", "NextAction": "e"}]}}""", disconnect("d"), """
                {"Identifier": "e", "Type": "EndFlowExecution", "Parameters": {}, "Transitions": {}}""");
        FlowDocument document = assertDoesNotThrow(() -> FlowDocument.read(content));
        assertEquals(List.of(ActionType.UpdateContactAttributes, ActionType.UpdateContactTargetQueue,
                        ActionType.Compare, ActionType.TransferContactToQueue, ActionType.DisconnectParticipant,
                        ActionType.EndFlowExecution),
                List.of("a", "q", "c", "t", "d", "e").stream().map(id -> document.action(id).type()).toList());
    }

    @Test
    void anIdentifierMayBeUsedOnlyOnce() {
        String content = flow("end", END, disconnect("other"), """
                {"Identifier": "end", "Type": "EndFlowExecution", "Parameters": {}, "Transitions": {}}""");
        assertEquals(List.of("Actions[2]: Identifier end is used twice."), problems(content));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%b", "a:b", "a(b", "a)b", "a\\\\b", "a/b", "a=b", "a$b", "a,b", "a;b", "a[b", "a]b",
            "a{b", "a}b", "", "__proto__", "constructor", "__defineGetter__", "__defineSetter__", "toString",
            "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "valueOf",
            "123456789012345678901234567890123456789012345678901"})
    void forbiddenIdentifiersAreRejected(String identifier) {
        String content = flow("end", disconnect(identifier), END);
        assertEquals(List.of(IDENTIFIER_PROBLEM), problems(content));
    }

    @Test
    void anActionWithoutIdentifierIsRejected() {
        String content = flow("end", """
                {"Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}""", END);
        assertEquals(List.of(IDENTIFIER_PROBLEM), problems(content));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678901234567890123456789012345678901234567890", "a b", "a.b", "a-b_c",
            "12f4f5a1-7a4e-4d2b-9a43-2c4b8e9d0e11", "Proto", "__proto", "\u00e9t\u00e9"})
    void identifiersUpTo50CharactersWithoutForbiddenCharactersAreAccepted(String identifier) {
        FlowDocument document = assertDoesNotThrow(() -> FlowDocument.read(flow(identifier, disconnect(identifier))));
        assertEquals(identifier, document.startAction());
        assertEquals(ActionType.DisconnectParticipant, document.action(identifier).type());
    }

    // ---- parameters ----

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"Attributes\": {}}", "{\"Attributes\": {\"k\": 1}}",
            "{\"Attributes\": {\"k\": \"v\", \"n\": null}}", "{\"Attributes\": {\"k\": {\"v\": \"w\"}}}",
            "{\"Attributes\": {\"k\": [\"v\"]}}", "{\"Attributes\": {\"k\": true}}", "{\"Attributes\": \"k=v\"}",
            "{\"Attributes\": [\"k\"]}"})
    void updateContactAttributesNeedsANonEmptyMapOfStrings(String parameters) {
        String content = flow("a", """
                {"Identifier": "a", "Type": "UpdateContactAttributes", "Parameters": %s,
                 "Transitions": {"NextAction": "end"}}""".formatted(parameters), END);
        assertEquals(List.of("Action a: Parameters.Attributes must be a non-empty map of strings."), problems(content));
    }

    @Test
    void updateContactAttributesWithoutParametersIsRejected() {
        String content = flow("a", """
                {"Identifier": "a", "Type": "UpdateContactAttributes", "Transitions": {"NextAction": "end"}}""", END);
        assertEquals(List.of("Action a: Parameters.Attributes must be a non-empty map of strings."), problems(content));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Related", "current", ""})
    void updateContactAttributesOnlyTargetsTheCurrentContact(String target) {
        String content = flow("a", """
                {"Identifier": "a", "Type": "UpdateContactAttributes",
                 "Parameters": {"Attributes": {"k": "v"}, "TargetContact": "%s"},
                 "Transitions": {"NextAction": "end"}}""".formatted(target), END);
        assertEquals(List.of("Action a: only TargetContact Current is supported."), problems(content));
    }

    @Test
    void updateContactAttributesMayNameTheCurrentContact() {
        String content = flow("a", """
                {"Identifier": "a", "Type": "UpdateContactAttributes",
                 "Parameters": {"Attributes": {"k": "v", "name": "$.Name"}, "TargetContact": "Current"},
                 "Transitions": {"NextAction": "end"}}""", END);
        assertDoesNotThrow(() -> FlowDocument.read(content));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"QueueId\": \"\"}", "{\"QueueId\": 7}", "{\"QueueId\": null}",
            "{\"QueueId\": [\"support\"]}"})
    void updateContactTargetQueueNeedsAQueueId(String parameters) {
        String content = flow("q", """
                {"Identifier": "q", "Type": "UpdateContactTargetQueue", "Parameters": %s,
                 "Transitions": {"NextAction": "end"}}""".formatted(parameters), END);
        assertEquals(List.of("Action q: Parameters.QueueId is required."), problems(content));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"QueueId\": \"\"}", "{\"QueueId\": 7}", "{\"QueueId\": {}}"})
    void transferContactToQueueTakesAQueueIdOnlyAsAString(String parameters) {
        String content = flow("t", """
                {"Identifier": "t", "Type": "TransferContactToQueue", "Parameters": %s, "Transitions": {}}""".formatted(parameters));
        assertEquals(List.of("Action t: Parameters.QueueId, when given, must be a queue id or ARN, or a JSONPath reference."),
                problems(content));
    }

    @Test
    void theQueuesAFlowNamesAreItsLiteralQueueIdsAndArnsInActionOrder() {
        String arn = "arn:aws:connect:us-east-1:000000000000:instance/i-1/queue/q-2";
        String content = flow("a", """
                {"Identifier": "a", "Type": "UpdateContactTargetQueue", "Parameters": {"QueueId": "q-1"},
                 "Transitions": {"NextAction": "b"}}""", """
                {"Identifier": "b", "Type": "UpdateContactTargetQueue", "Parameters": {"QueueId": "$.Attributes.queue"},
                 "Transitions": {"NextAction": "c"}}""", """
                {"Identifier": "c", "Type": "UpdateContactTargetQueue", "Parameters": {"QueueId": "%s"},
                 "Transitions": {"NextAction": "d"}}""".formatted(arn), """
                {"Identifier": "d", "Type": "TransferContactToQueue", "Parameters": {"QueueId": "q-3"}, "Transitions": {}}""");
        List<FlowDocument.QueueReference> queues = FlowDocument.read(content).queueReferences();
        assertEquals(List.of(new FlowDocument.QueueReference("a", "q-1"), new FlowDocument.QueueReference("c", arn),
                new FlowDocument.QueueReference("d", "q-3")), queues);
        assertEquals(List.of("q-1", "q-2", "q-3"), queues.stream().map(FlowDocument.QueueReference::queueId).toList());
        assertEquals(java.util.Arrays.asList(null, "i-1", null),
                queues.stream().map(FlowDocument.QueueReference::arnInstanceId).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"AgentId\": \"agent-1\"}", "{\"AgentId\": \"agent-1\", \"QueueId\": \"support\"}"})
    void updateContactTargetQueueDoesNotTakeAnAgent(String parameters) {
        String content = flow("q", """
                {"Identifier": "q", "Type": "UpdateContactTargetQueue", "Parameters": %s,
                 "Transitions": {"NextAction": "end"}}""".formatted(parameters), END);
        assertEquals(List.of("Action q: agent queues (AgentId) are not supported; give a QueueId."), problems(content));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"ComparisonValue\": \"urgent\"}", "{\"ComparisonValue\": \"\"}",
            "{\"ComparisonValue\": \"$.\"}", "{\"ComparisonValue\": \"$\"}", "{\"ComparisonValue\": \"$Attributes\"}",
            "{\"ComparisonValue\": \"$.Attributes.a $.Attributes.b\"}",
            "{\"ComparisonValue\": \"Order $.Attributes.orderId\"}", "{\"ComparisonValue\": \"$.Attributes.\"}",
            "{\"ComparisonValue\": \"$.Attributes.a b\"}", "{\"ComparisonValue\": 42}"})
    void compareNeedsASingleReference(String parameters) {
        String content = flow("c", """
                {"Identifier": "c", "Type": "Compare", "Parameters": %s,
                 "Transitions": {"Conditions": [
                   {"NextAction": "end", "Condition": {"Operator": "Equals", "Operands": ["x"]}}]}}"""
                .formatted(parameters), END);
        assertEquals(List.of("Action c: Parameters.ComparisonValue must be a single JSONPath reference such as "
                + "$.Attributes.name."), problems(content));
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.Attributes.priority", "$.Attributes.order-id_2", "$.Name", "$.References.Order.Value",
            "$.Queue.ARN"})
    void compareAcceptsReferences(String reference) {
        String content = flow("c", """
                {"Identifier": "c", "Type": "Compare", "Parameters": {"ComparisonValue": "%s"},
                 "Transitions": {"Conditions": [
                   {"NextAction": "end", "Condition": {"Operator": "Equals", "Operands": ["x"]}}]}}"""
                .formatted(reference), END);
        assertDoesNotThrow(() -> FlowDocument.read(content));
    }

    // ---- conditions ----

    @ParameterizedTest
    @ValueSource(strings = {"UpdateContactAttributes", "UpdateContactTargetQueue", "TransferContactToQueue",
            "DisconnectParticipant", "EndFlowExecution"})
    void onlyCompareHasConditions(String type) {
        String content = flow("x", """
                {"Identifier": "x", "Type": "%s",
                 "Parameters": {"Attributes": {"k": "v"}, "QueueId": "support"},
                 "Transitions": {"Conditions": [
                   {"NextAction": "end", "Condition": {"Operator": "Equals", "Operands": ["x"]}}]}}"""
                .formatted(type), END);
        assertEquals(List.of("Action x: only Compare actions have Conditions."), problems(content));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Equal", "equals", "NumberEquals", "Contains", "TextEquals", ""})
    void unknownOperatorsAreRejected(String operator) {
        String content = flow("c", """
                {"Identifier": "c", "Type": "Compare", "Parameters": {"ComparisonValue": "$.Attributes.x"},
                 "Transitions": {"Conditions": [
                   {"NextAction": "end", "Condition": {"Operator": "%s", "Operands": ["x"]}}]}}"""
                .formatted(operator), END);
        assertEquals(List.of("Action c: Operator " + operator + " is not a flow-language operator."),
                problems(content));
    }

    @Test
    void aConditionWithoutOperatorIsRejected() {
        String content = flow("c", """
                {"Identifier": "c", "Type": "Compare", "Parameters": {"ComparisonValue": "$.Attributes.x"},
                 "Transitions": {"Conditions": [{"NextAction": "end", "Condition": {"Operands": ["x"]}}]}}""", END);
        assertEquals(List.of("Action c: Operator  is not a flow-language operator."), problems(content));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"Operands\": []", "\"Operands\": [\"a\", \"b\"]", "\"Operands\": [\"\"]",
            "\"Operands\": [1]", "\"Operands\": [null]", "\"Operands\": \"a\"", "\"Operands\": [[\"a\"]]",
            "\"Unused\": 0"})
    void aConditionNeedsExactlyOneNonEmptyStringOperand(String operands) {
        String content = flow("c", """
                {"Identifier": "c", "Type": "Compare", "Parameters": {"ComparisonValue": "$.Attributes.x"},
                 "Transitions": {"Conditions": [
                   {"NextAction": "end", "Condition": {"Operator": "Equals", %s}}]}}""".formatted(operands), END);
        assertEquals(List.of("Action c: a Condition needs exactly one non-empty string Operand."), problems(content));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Equals", "TextStartsWith", "TextEndsWith", "TextContains", "NumberGreaterThan",
            "NumberGreaterOrEqualTo", "NumberLessThan", "NumberLessOrEqualTo"})
    void everyFlowLanguageOperatorIsAccepted(String operator) {
        String content = flow("c", """
                {"Identifier": "c", "Type": "Compare", "Parameters": {"ComparisonValue": "$.Attributes.x"},
                 "Transitions": {"Conditions": [
                   {"NextAction": "end", "Condition": {"Operator": "%s", "Operands": ["5"]}}]}}"""
                .formatted(operator), END);
        FlowDocument document = assertDoesNotThrow(() -> FlowDocument.read(content));
        assertEquals(List.of(new Condition("end", operator, "5")), document.action("c").conditions());
    }

    // ---- error types ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Compare                 | {"ComparisonValue": "$.Attributes.x"} | QueueAtCapacity
            Compare                 | {"ComparisonValue": "$.Attributes.x"} | NoMatchingErrors
            UpdateContactAttributes | {"Attributes": {"k": "v"}}            | NoMatchingCondition
            UpdateContactAttributes | {"Attributes": {"k": "v"}}            | QueueAtCapacity
            UpdateContactTargetQueue| {"QueueId": "support"}                | QueueAtCapacity
            UpdateContactTargetQueue| {"QueueId": "support"}                | NoMatchingCondition
            TransferContactToQueue  | {}                                    | NoMatchingCondition
            DisconnectParticipant   | {}                                    | NoMatchingError
            EndFlowExecution        | {}                                    | NoMatchingError
            """)
    void errorTypesMustBelongToTheAction(String type, String parameters, String errorType) {
        String content = flow("x", """
                {"Identifier": "x", "Type": "%s", "Parameters": %s,
                 "Transitions": {"Errors": [{"ErrorType": "%s", "NextAction": "end"}]}}"""
                .formatted(type, parameters, errorType), END);
        assertEquals(List.of("Action x: " + type + " has no error type " + errorType + "."), problems(content));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Compare                 | {"ComparisonValue": "$.Attributes.x"} | NoMatchingCondition
            Compare                 | {"ComparisonValue": "$.Attributes.x"} | NoMatchingError
            UpdateContactAttributes | {"Attributes": {"k": "v"}}            | NoMatchingError
            UpdateContactTargetQueue| {"QueueId": "support"}                | NoMatchingError
            TransferContactToQueue  | {}                                    | QueueAtCapacity
            TransferContactToQueue  | {}                                    | NoMatchingError
            """)
    void errorTypesOfTheActionAreAccepted(String type, String parameters, String errorType) {
        String content = flow("x", """
                {"Identifier": "x", "Type": "%s", "Parameters": %s,
                 "Transitions": {"Errors": [{"ErrorType": "%s", "NextAction": "end"}]}}"""
                .formatted(type, parameters, errorType), END);
        FlowDocument document = assertDoesNotThrow(() -> FlowDocument.read(content));
        assertEquals(Map.of(errorType, "end"), document.action("x").errors());
    }

    // ---- several problems ----

    @Test
    void everyProblemIsReportedTogetherInOrder() {
        String content = """
                {
                  "Version": "2019-10-29",
                  "Actions": [
                    {"Identifier": "a", "Type": "UpdateContactAttributes", "Parameters": {"Attributes": {"k": 1}},
                     "Transitions": {"NextAction": "nowhere"}},
                    {"Identifier": "b", "Type": "MessageParticipant", "Parameters": {}, "Transitions": {}},
                    {"Identifier": "c", "Type": "Compare", "Parameters": {"ComparisonValue": "x"},
                     "Transitions": {"Conditions": [
                       {"NextAction": "a", "Condition": {"Operator": "Like", "Operands": ["x"]}},
                       {"NextAction": "a", "Condition": {"Operator": "Equals", "Operands": []}}],
                       "Errors": [{"ErrorType": "QueueAtCapacity", "NextAction": "a"},
                                  {"ErrorType": "NoMatchingCondition", "NextAction": "gone"}]}},
                    {"Identifier": "a/b", "Type": "DisconnectParticipant"},
                    {"Identifier": "a", "Type": "EndFlowExecution"}
                  ]
                }""";
        assertEquals(List.of(
                "Version must be \"2019-10-30\".",
                "Action a: Parameters.Attributes must be a non-empty map of strings.",
                "Action b: Type MessageParticipant is not an action this service runs.",
                "Action c: Operator Like is not a flow-language operator.",
                "Action c: a Condition needs exactly one non-empty string Operand.",
                "Action c: Compare has no error type QueueAtCapacity.",
                "Action c: Parameters.ComparisonValue must be a single JSONPath reference such as $.Attributes.name.",
                "Actions[3]: Identifier must be 1 to 50 characters, without % : ( \\ / ) = $ , ; [ ] { }.",
                "Actions[4]: Identifier a is used twice.",
                "StartAction is required.",
                "Action a: NextAction nowhere is not the Identifier of an action.",
                "Action c: an Errors NextAction gone is not the Identifier of an action."), problems(content));
    }

    @Test
    void atMost50ProblemsAreReported() {
        List<String> actions = new ArrayList<>();
        actions.add(END);
        IntStream.range(0, 60).mapToObj(i -> """
                {"Identifier": "x%d", "Type": "PlayPrompt", "Parameters": {}, "Transitions": {}}""".formatted(i))
                .forEach(actions::add);
        List<String> problems = problems(flow("end", actions.toArray(String[]::new)));
        assertEquals(50, problems.size());
        assertEquals(IntStream.range(0, 50).mapToObj(i -> "Action x" + i + ": Type PlayPrompt is not an action this "
                + "service runs.").toList(), problems);
    }

    @Test
    void eachProblemIsAtMost256Characters() {
        String type = "T".repeat(300);
        List<String> problems = problems(flow("end", END, """
                {"Identifier": "x", "Type": "%s", "Parameters": {}, "Transitions": {}}""".formatted(type)));
        assertEquals(1, problems.size());
        assertEquals(256, problems.get(0).length());
        assertEquals(("Action x: Type " + type).substring(0, 256), problems.get(0));
    }

    @Test
    void problemsAreAnImmutableList() {
        List<String> problems = problems(flow("nowhere", END));
        assertThrows(UnsupportedOperationException.class, () -> problems.add("more"));
    }

    // ---- the example flows of the repository ----

    @ParameterizedTest
    @CsvSource({"demo-task.json, set-attributes, 4", "route-by-priority.json, check-priority, 7",
            "close-without-agent.json, record-outcome, 2"})
    void theExampleFlowsRead(String file, String start, int actionCount) throws IOException {
        String content = Files.readString(ApiEvents.repositoryRoot().resolve("flows").resolve(file));
        FlowDocument document = assertDoesNotThrow(() -> FlowDocument.read(content));
        assertEquals(start, document.startAction());
        // every action the file declares was read
        List<String> identifiers = Json.MAPPER.readTree(content).path("Actions").findValuesAsText("Identifier");
        assertEquals(actionCount, identifiers.size());
        assertEquals(identifiers, identifiers.stream().filter(id -> document.action(id) != null)
                .collect(Collectors.toList()));
    }

    @Test
    void conditionsAndErrorsNeedANextAction() {
        String content = flow("c", """
                {"Identifier": "c", "Type": "Compare", "Parameters": {"ComparisonValue": "$.Attributes.v"},
                 "Transitions": {"NextAction": "end",
                   "Conditions": [{"Condition": {"Operator": "Equals", "Operands": ["urgent"]}}],
                   "Errors": [{"ErrorType": "NoMatchingCondition"}]}}""", END);
        assertEquals(List.of("Action c: a Condition needs a NextAction.",
                "Action c: the Errors entry for NoMatchingCondition needs a NextAction."), problems(content));
    }
}
