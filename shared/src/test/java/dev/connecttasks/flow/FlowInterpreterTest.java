package dev.connecttasks.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connecttasks.contact.Arns;
import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.QueueInfo;
import dev.connecttasks.contact.Reference;
import dev.connecttasks.contact.ReferenceType;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.flow.FlowResult.End;
import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.Flows;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FlowInterpreterTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Arns ARNS = new Arns("us-east-1", "000000000000");
    private static final String INSTANCE = "11111111-2222-4333-8444-555555555555";
    private static final String INSTANCE_ARN = "arn:aws:connect:us-east-1:000000000000:instance/" + INSTANCE;
    private static final String CONTACT_ID = "c0ffee00-1111-4222-8333-444444444444";
    private static final String ORDER_URL = "https://crm.example.com/orders/42";
    private static final FlowInterpreter ENGINE = new FlowInterpreter(ARNS);

    private static final String END = """
            {"Identifier": "end", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}""";
    private static final String TRANSFER = """
            {"Identifier": "transfer", "Type": "TransferContactToQueue", "Parameters": {}, "Transitions": {}}""";

    // ---- building contacts, flows and runs ----

    private static Contact contact(Map<String, String> attributes) {
        return contact("Call back", "About order 42", attributes,
                Map.of("Order", new Reference(ReferenceType.URL, ORDER_URL)), null, null);
    }

    private static Contact contact(String name, String description, Map<String, String> attributes,
            Map<String, Reference> references, String previousContactId, String initialContactId) {
        return new Contact(new ContactKey(INSTANCE, CONTACT_ID), "flow-1", name, description, attributes, references,
                previousContactId, initialContactId, null, NOW.minusSeconds(60), NOW.minusSeconds(60), null,
                FlowStatus.STARTED, NOW, null, null);
    }

    private static ContactFlow contactFlow(String content) {
        return new ContactFlow(INSTANCE, "flow-1", "Test flow", "CONTACT_FLOW", null, content, ContactFlow.PUBLISHED,
                Map.of(), NOW.minusSeconds(3600));
    }

    private static String flow(String start, String... actions) {
        return Flows.document(start, actions);
    }

    private static FlowResult run(Contact contact, String content) {
        return ENGINE.run(contact, contactFlow(content), NOW);
    }

    private static FlowResult run(Map<String, String> attributes, String content) {
        return run(contact(attributes), content);
    }

    /** UpdateContactAttributes {@code id} setting {@code attributes} (a JSON object), then {@code next}. */
    private static String set(String id, String attributes, String next) {
        return """
                {"Identifier": "%s", "Type": "UpdateContactAttributes", "Parameters": {"Attributes": %s},
                 "Transitions": {%s}}""".formatted(id, attributes, next == null ? "" : "\"NextAction\": \"" + next + "\"");
    }

    /** As {@link #set}, with a NoMatchingError transition to {@code onError}. */
    private static String set(String id, String attributes, String next, String onError) {
        return """
                {"Identifier": "%s", "Type": "UpdateContactAttributes", "Parameters": {"Attributes": %s},
                 "Transitions": {"NextAction": "%s",
                   "Errors": [{"ErrorType": "NoMatchingError", "NextAction": "%s"}]}}"""
                .formatted(id, attributes, next, onError);
    }

    private static String targetQueue(String id, String queueId, String next) {
        return """
                {"Identifier": "%s", "Type": "UpdateContactTargetQueue", "Parameters": {"QueueId": "%s"},
                 "Transitions": {"NextAction": "%s"}}""".formatted(id, queueId, next);
    }

    private static String exampleFlow(String file) throws IOException {
        return Files.readString(ApiEvents.repositoryRoot().resolve("flows").resolve(file));
    }

    private static void assertDisconnected(FlowResult run, int steps) {
        assertEquals(End.DISCONNECTED, run.end());
        assertEquals(NOW, run.disconnectedAt());
        assertNull(run.queue());
        assertEquals(steps, run.steps());
    }

    private static void assertQueued(FlowResult run, String queueId, int steps) {
        assertEquals(End.QUEUED, run.end());
        assertEquals(new QueueInfo(queueId, NOW), run.queue());
        assertNull(run.disconnectedAt());
        assertEquals(steps, run.steps());
    }

    private static void assertFailed(FlowResult run, int steps) {
        assertEquals(End.FAILED, run.end());
        assertEquals(NOW, run.disconnectedAt());
        assertNull(run.queue());
        assertEquals(steps, run.steps());
    }

    // ---- UpdateContactAttributes ----

    @Test
    void updateContactAttributesSetsStaticValuesAndKeepsTheOthers() {
        FlowResult run = run(Map.of("keep", "1", "over", "old"), flow("set",
                set("set", "{\"over\": \"new\", \"added\": \"x\", \"empty\": \"\"}", "end"), END));
        assertEquals(Map.of("keep", "1", "over", "new", "added", "x", "empty", ""), run.attributes());
        assertDisconnected(run, 2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            $.Attributes.orderId      | 42
            $.Attributes.order-id_2   | dashed
            $.Name                    | Call back
            $.Description             | About order 42
            $.ContactId               | c0ffee00-1111-4222-8333-444444444444
            $.InitialContactId        | initial-1
            $.PreviousContactId       | previous-1
            $.Channel                 | TASK
            $.InitiationMethod        | API
            $.InstanceARN             | arn:aws:connect:us-east-1:000000000000:instance/11111111-2222-4333-8444-555555555555
            $.AwsRegion               | us-east-1
            $.References.Order.Value  | https://crm.example.com/orders/42
            $.References.Order.Type   | URL
            $.References.Amount.Value | 12.50
            $.References.Amount.Type  | NUMBER
            $.Task.ContactId          | c0ffee00-1111-4222-8333-444444444444
            Order $.Attributes.orderId| Order $.Attributes.orderId
            $$.Name                   | $$.Name
            plain text                | plain text
            """)
    void updateContactAttributesResolvesDynamicValues(String value, String expected) {
        Contact contact = contact("Call back", "About order 42", Map.of("orderId", "42", "order-id_2", "dashed"),
                Map.of("Order", new Reference(ReferenceType.URL, ORDER_URL),
                        "Amount", new Reference(ReferenceType.NUMBER, "12.50")),
                "previous-1", "initial-1");
        FlowResult run = run(contact, flow("set", set("set", "{\"copy\": \"" + value + "\"}", "end"), END));
        assertEquals(expected, run.attributes().get("copy"));
        assertEquals("42", run.attributes().get("orderId"));
        assertDisconnected(run, 2);
    }

    @Test
    void initialContactIdFallsBackToTheContactId() {
        FlowResult run = run(Map.of(), flow("set", set("set", "{\"initial\": \"$.InitialContactId\"}", null)));
        assertEquals(Map.of("initial", CONTACT_ID), run.attributes());
    }

    @Test
    void theInstanceArnCarriesThePartitionOfTheRegion() {
        FlowResult run = new FlowInterpreter(new Arns("cn-north-1", "123456789012")).run(contact(Map.of()),
                contactFlow(flow("set", set("set", "{\"arn\": \"$.InstanceARN\", \"region\": \"$.AwsRegion\"}", null))),
                NOW);
        assertEquals(Map.of("arn", "arn:aws-cn:connect:cn-north-1:123456789012:instance/" + INSTANCE,
                "region", "cn-north-1"), run.attributes());
    }

    @Test
    void queueArnIsTheTargetQueueOnceOneIsSet() {
        FlowResult run = run(Map.of(), flow("queue",
                targetQueue("queue", "billing", "set"),
                set("set", "{\"queueArn\": \"$.Queue.ARN\"}", "transfer"), TRANSFER));
        assertEquals(Map.of("queueArn", INSTANCE_ARN + "/queue/billing"), run.attributes());
        assertQueued(run, "billing", 3);
    }

    @Test
    void queueArnBeforeATargetQueueIsSetIsNoMatchingError() {
        FlowResult run = run(Map.of(), flow("set",
                set("set", "{\"queueArn\": \"$.Queue.ARN\"}", "end", "failed"),
                set("failed", "{\"error\": \"NoMatchingError\"}", "end"), END));
        assertEquals(Map.of("error", "NoMatchingError"), run.attributes());
        assertDisconnected(run, 3);
    }

    @Test
    void valuesSeeAttributesSetEarlierInTheFlow() {
        FlowResult run = run(Map.of("a", "original"), flow("first",
                set("first", "{\"a\": \"changed\"}", "second"),
                set("second", "{\"b\": \"$.Attributes.a\"}", "end"), END));
        assertEquals(Map.of("a", "changed", "b", "changed"), run.attributes());
        assertDisconnected(run, 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.Attributes.missing", "$.Attributes", "$.Attributes.orderId.more", "$.PreviousContactId",
            "$.Description", "$.References.Missing.Value", "$.References.Order", "$.References.Order.Name",
            "$.Queue.ARN", "$.Queue.Name", "$.Unknown", "$.Task.Name"})
    void aReferenceToNothingIsNoMatchingErrorAndSetsNoAttribute(String reference) {
        Contact contact = contact("Call back", null, Map.of("orderId", "42"),
                Map.of("Order", new Reference(ReferenceType.URL, ORDER_URL)), null, null);
        FlowResult run = run(contact, flow("set",
                set("set", "{\"first\": \"static\", \"second\": \"" + reference + "\", \"third\": \"$.Name\"}",
                        "end", "failed"),
                set("failed", "{\"error\": \"NoMatchingError\"}", "end"), END));
        assertEquals(Map.of("orderId", "42", "error", "NoMatchingError"), run.attributes());
        assertDisconnected(run, 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad key", "dot.ted", "sl/ash", "\\u00fcml", "emoji\\ud83d\\ude00"})
    void aKeyOutsideTheAllowedCharactersIsNoMatchingError(String key) {
        FlowResult run = run(Map.of("orderId", "42"), flow("set",
                set("set", "{\"fine\": \"v\", \"" + key + "\": \"v\"}", "end", "failed"),
                set("failed", "{\"error\": \"NoMatchingError\"}", "end"), END));
        assertEquals(Map.of("orderId", "42", "error", "NoMatchingError"), run.attributes());
        assertDisconnected(run, 3);
    }

    @Test
    void attributesMayFillTheCapExactly() {
        // "big" + 20,000 bytes, then "k" + 12,764 bytes: 32,768 in total
        String value = "v".repeat(32_768 - 20_003 - 1);
        FlowResult run = run(Map.of("big", "x".repeat(20_000)), flow("set",
                set("set", "{\"k\": \"" + value + "\"}", "end", "failed"),
                set("failed", "{\"error\": \"NoMatchingError\"}", "end"), END));
        assertEquals(value, run.attributes().get("k"));
        assertFalse(run.attributes().containsKey("error"));
    }

    @Test
    void attributesBeyondTheCapAreNoMatchingError() {
        String value = "v".repeat(32_768 - 20_003);
        FlowResult run = run(Map.of("big", "x".repeat(20_000)), flow("set",
                set("set", "{\"k\": \"" + value + "\"}", "end", "failed"),
                set("failed", "{\"error\": \"NoMatchingError\"}", "end"), END));
        assertEquals(Map.of("big", "x".repeat(20_000), "error", "NoMatchingError"), run.attributes());
        assertDisconnected(run, 3);
    }

    @Test
    void theCapCountsUtf8BytesOfCopiedValues() {
        // 11,000 two-byte characters copied once: 3 + 22,000 + 4 + 22,000 bytes
        String big = "\u00e9".repeat(11_000);
        FlowResult run = run(Map.of("big", big), flow("set",
                set("set", "{\"copy\": \"$.Attributes.big\"}", "end", "failed"),
                set("failed", "{\"error\": \"NoMatchingError\"}", "end"), END));
        assertEquals(Map.of("big", big, "error", "NoMatchingError"), run.attributes());
    }

    @Test
    void withoutAnErrorsTransitionAFailingUpdateFailsTheRunWithTheOriginalAttributes() {
        FlowResult run = run(Map.of("orderId", "42"), flow("set",
                set("set", "{\"first\": \"static\", \"second\": \"$.Attributes.missing\"}", "end"), END));
        assertEquals(Map.of("orderId", "42"), run.attributes());
        assertFailed(run, 1);
    }

    @Test
    void aFailedRunKeepsWhatEarlierActionsSet() {
        FlowResult run = run(Map.of("orderId", "42"), flow("first",
                set("first", "{\"done\": \"yes\"}", "second"),
                set("second", "{\"bad key\": \"v\"}", "end"), END));
        assertEquals(Map.of("orderId", "42", "done", "yes"), run.attributes());
        assertFailed(run, 2);
    }

    // ---- UpdateContactTargetQueue and TransferContactToQueue ----

    @ParameterizedTest
    @ValueSource(strings = {"billing", "arn:aws:connect:us-east-1:000000000000:instance/"
            + "11111111-2222-4333-8444-555555555555/queue/billing"})
    void aQueueIdOrQueueArnPutsTheTaskInTheQueue(String queueId) {
        FlowResult run = run(Map.of("orderId", "42"), flow("queue", targetQueue("queue", queueId, "transfer"), TRANSFER));
        assertQueued(run, "billing", 2);
        assertEquals(Map.of("orderId", "42"), run.attributes());
    }

    @ParameterizedTest
    @CsvSource({"billing, billing", "arn:aws:connect:us-east-1:000000000000:instance/i/queue/support, support"})
    void aQueueIdMayBeAReference(String attribute, String expected) {
        FlowResult run = run(Map.of("queue", attribute), flow("queue",
                targetQueue("queue", "$.Attributes.queue", "transfer"), TRANSFER));
        assertQueued(run, expected, 2);
    }

    @Test
    void theLastTargetQueueWins() {
        FlowResult run = run(Map.of(), flow("first", targetQueue("first", "support", "second"),
                targetQueue("second", "billing", "transfer"), TRANSFER));
        assertQueued(run, "billing", 3);
    }

    @Test
    void attributesSetBeforeTheTransferAreKept() {
        FlowResult run = run(Map.of("orderId", "42"), flow("set", set("set", "{\"routed\": \"yes\"}", "queue"),
                targetQueue("queue", "support", "transfer"), TRANSFER));
        assertEquals(Map.of("orderId", "42", "routed", "yes"), run.attributes());
        assertQueued(run, "support", 3);
    }

    @Test
    void transferWithoutATargetQueueIsNoMatchingError() {
        FlowResult run = run(Map.of(), flow("transfer", """
                {"Identifier": "transfer", "Type": "TransferContactToQueue", "Parameters": {},
                 "Transitions": {"Errors": [{"ErrorType": "QueueAtCapacity", "NextAction": "full"},
                   {"ErrorType": "NoMatchingError", "NextAction": "failed"}]}}""",
                set("full", "{\"error\": \"QueueAtCapacity\"}", "end"),
                set("failed", "{\"error\": \"NoMatchingError\"}", "end"), END));
        assertEquals(Map.of("error", "NoMatchingError"), run.attributes());
        assertDisconnected(run, 3);
    }

    @Test
    void transferWithoutATargetQueueOrErrorsFailsTheRun() {
        FlowResult run = run(Map.of("orderId", "42"), flow("transfer", TRANSFER));
        assertEquals(Map.of("orderId", "42"), run.attributes());
        assertFailed(run, 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.Attributes.missing", "$.Attributes.blank", "$.Attributes.empty", "$.PreviousContactId"})
    void aQueueIdThatResolvesToNothingIsNoMatchingError(String queueId) {
        FlowResult run = run(Map.of("blank", "  ", "empty", ""), flow("queue", """
                {"Identifier": "queue", "Type": "UpdateContactTargetQueue", "Parameters": {"QueueId": "%s"},
                 "Transitions": {"NextAction": "transfer",
                   "Errors": [{"ErrorType": "NoMatchingError", "NextAction": "fallback"}]}}""".formatted(queueId),
                targetQueue("fallback", "support", "transfer"), TRANSFER));
        assertQueued(run, "support", 3);
    }

    @Test
    void aQueueIdThatResolvesToNothingWithoutErrorsFailsTheRun() {
        FlowResult run = run(Map.of(), flow("queue", targetQueue("queue", "$.Attributes.missing", "transfer"), TRANSFER));
        assertFailed(run, 1);
    }

    @Test
    void aFailedTargetQueueKeepsTheOneSetBefore() {
        FlowResult run = run(Map.of(), flow("first", targetQueue("first", "support", "second"), """
                {"Identifier": "second", "Type": "UpdateContactTargetQueue", "Parameters": {"QueueId": "$.Attributes.x"},
                 "Transitions": {"NextAction": "transfer",
                   "Errors": [{"ErrorType": "NoMatchingError", "NextAction": "transfer"}]}}""", TRANSFER));
        assertQueued(run, "support", 3);
    }

    @Test
    void aTargetQueueWithoutTransferDisconnects() {
        FlowResult run = run(Map.of(), flow("queue", """
                {"Identifier": "queue", "Type": "UpdateContactTargetQueue", "Parameters": {"QueueId": "support"},
                 "Transitions": {}}"""));
        assertDisconnected(run, 1);
    }

    // ---- Compare ----

    /**
     * A Compare "compare" of $.Attributes.value by one condition, then "matched" when it holds, "unmatched" on
     * NoMatchingCondition and "error" on NoMatchingError, each set as attribute result before the disconnect.
     */
    private static List<String> compareActions(String operator, String operand) {
        return List.of("""
                {"Identifier": "compare", "Type": "Compare", "Parameters": {"ComparisonValue": "$.Attributes.value"},
                 "Transitions": {
                   "Conditions": [{"NextAction": "yes", "Condition": {"Operator": "%s", "Operands": ["%s"]}}],
                   "Errors": [{"ErrorType": "NoMatchingCondition", "NextAction": "no"},
                              {"ErrorType": "NoMatchingError", "NextAction": "error"}]}}""".formatted(operator, operand),
                set("yes", "{\"result\": \"matched\"}", "end"),
                set("no", "{\"result\": \"unmatched\"}", "end"),
                set("error", "{\"result\": \"error\"}", "end"), END);
    }

    private static String compareFlow(String operator, String operand) {
        return flow("compare", compareActions(operator, operand).toArray(String[]::new));
    }

    @ParameterizedTest(name = "{1} {0} {2} is {3}")
    @CsvSource(delimiter = '|', textBlock = """
            Equals                 | urgent        | urgent   | true
            Equals                 | Urgent        | urgent   | false
            Equals                 | urgent-ish    | urgent   | false
            Equals                 | 10            | 10.0     | false
            TextStartsWith         | order-42      | order    | true
            TextStartsWith         | my-order      | order    | false
            TextStartsWith         | Order-42      | order    | false
            TextEndsWith           | order-42      | 42       | true
            TextEndsWith           | 42-order      | 42       | false
            TextContains           | big-order-42  | order    | true
            TextContains           | big-42        | order    | false
            TextContains           | order         | order    | true
            NumberGreaterThan      | 10            | 9        | true
            NumberGreaterThan      | 9             | 10       | false
            NumberGreaterThan      | 10            | 10       | false
            NumberGreaterThan      | 10.5          | 10.25    | true
            NumberGreaterThan      | -1            | -2       | true
            NumberGreaterThan      | 1500          | 1000     | true
            NumberGreaterOrEqualTo | 10            | 10       | true
            NumberGreaterOrEqualTo | 10.0          | 10       | true
            NumberGreaterOrEqualTo | 10            | 9        | true
            NumberGreaterOrEqualTo | 9             | 10       | false
            NumberLessThan         | 9             | 10       | true
            NumberLessThan         | 10            | 9        | false
            NumberLessThan         | 10            | 10       | false
            NumberLessThan         | -5            | 0        | true
            NumberLessOrEqualTo    | 10            | 10       | true
            NumberLessOrEqualTo    | 10            | 10.00    | true
            NumberLessOrEqualTo    | 9             | 10       | true
            NumberLessOrEqualTo    | 11            | 10       | false
            NumberGreaterThan      | abc           | 1        | false
            NumberGreaterOrEqualTo | abc           | 1        | false
            NumberLessThan         | abc           | 1        | false
            NumberLessOrEqualTo    | abc           | 1        | false
            NumberLessThan         | 1             | abc      | false
            NumberGreaterThan      | 12abc         | 1        | false
            NumberLessThan         | NaN           | 1        | false
            """)
    void compareOperators(String operator, String value, String operand, boolean holds) {
        FlowResult run = run(Map.of("value", value), compareFlow(operator, operand));
        assertEquals(holds ? "matched" : "unmatched", run.attributes().get("result"));
        assertDisconnected(run, 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NumberGreaterThan", "NumberGreaterOrEqualTo", "NumberLessThan", "NumberLessOrEqualTo"})
    void nonNumericValuesMakeEveryNumberOperatorFalse(String operator) {
        for (String value : List.of("", "abc", "1,5", "0x10", "Infinity", "ten")) {
            FlowResult run = run(Map.of("value", value), compareFlow(operator, "5"));
            assertEquals("unmatched", run.attributes().get("result"), operator + " on " + value);
        }
    }

    @Test
    void numbersCompareNumericallyNotAsText() {
        assertEquals("matched", run(Map.of("value", "10"), compareFlow("NumberGreaterThan", "9")).attributes()
                .get("result"));
        assertEquals("unmatched", run(Map.of("value", "10"), compareFlow("NumberLessThan", "9")).attributes()
                .get("result"));
        assertEquals("matched", run(Map.of("value", "100"), compareFlow("NumberGreaterThan", "20")).attributes()
                .get("result"));
    }

    @Test
    void theFirstConditionThatHoldsWins() {
        String content = flow("compare", """
                {"Identifier": "compare", "Type": "Compare", "Parameters": {"ComparisonValue": "$.Attributes.value"},
                 "Transitions": {"Conditions": [
                   {"NextAction": "zero", "Condition": {"Operator": "Equals", "Operands": ["nothing"]}},
                   {"NextAction": "one", "Condition": {"Operator": "TextContains", "Operands": ["a"]}},
                   {"NextAction": "two", "Condition": {"Operator": "TextContains", "Operands": ["ab"]}}],
                   "Errors": [{"ErrorType": "NoMatchingCondition", "NextAction": "none"}]}}""",
                set("zero", "{\"result\": \"zero\"}", "end"),
                set("one", "{\"result\": \"one\"}", "end"),
                set("two", "{\"result\": \"two\"}", "end"),
                set("none", "{\"result\": \"none\"}", "end"), END);
        assertEquals("one", run(Map.of("value", "abc"), content).attributes().get("result"));
        assertEquals("zero", run(Map.of("value", "nothing"), content).attributes().get("result"));
        assertEquals("none", run(Map.of("value", "xyz"), content).attributes().get("result"));
    }

    @Test
    void noMatchingConditionTakesItsTransition() {
        FlowResult run = run(Map.of("value", "low"), compareFlow("Equals", "urgent"));
        assertEquals("unmatched", run.attributes().get("result"));
        assertDisconnected(run, 3);
    }

    @Test
    void aMissingComparedValueIsNoMatchingCondition() {
        FlowResult run = run(Map.of(), compareFlow("NumberLessThan", "5"));
        assertEquals(Map.of("result", "unmatched"), run.attributes());
        assertDisconnected(run, 3);
    }

    @Test
    void noMatchingErrorCatchesAConditionThatDoesNotMatchWhenNoMatchingConditionIsNotListed() {
        String content = flow("compare", """
                {"Identifier": "compare", "Type": "Compare", "Parameters": {"ComparisonValue": "$.Attributes.value"},
                 "Transitions": {"Conditions": [
                   {"NextAction": "yes", "Condition": {"Operator": "Equals", "Operands": ["urgent"]}}],
                   "Errors": [{"ErrorType": "NoMatchingError", "NextAction": "error"}]}}""",
                set("yes", "{\"result\": \"matched\"}", "end"),
                set("error", "{\"result\": \"error\"}", "end"), END);
        assertEquals("error", run(Map.of("value", "low"), content).attributes().get("result"));
        assertEquals("error", run(Map.of(), content).attributes().get("result"));
        assertEquals("matched", run(Map.of("value", "urgent"), content).attributes().get("result"));
    }

    @Test
    void aCompareWithoutMatchOrErrorsFailsTheRun() {
        String content = flow("compare", """
                {"Identifier": "compare", "Type": "Compare", "Parameters": {"ComparisonValue": "$.Attributes.value"},
                 "Transitions": {"NextAction": "end", "Conditions": [
                   {"NextAction": "end", "Condition": {"Operator": "Equals", "Operands": ["urgent"]}}]}}""", END);
        FlowResult run = run(Map.of("value", "low"), content);
        assertEquals(Map.of("value", "low"), run.attributes());
        assertFailed(run, 1);
        assertDisconnected(run(Map.of("value", "urgent"), content), 2);
    }

    @Test
    void compareSeesValuesOtherThanAttributes() {
        String content = flow("compare", """
                {"Identifier": "compare", "Type": "Compare", "Parameters": {"ComparisonValue": "$.Channel"},
                 "Transitions": {"Conditions": [
                   {"NextAction": "yes", "Condition": {"Operator": "Equals", "Operands": ["TASK"]}}]}}""",
                set("yes", "{\"result\": \"matched\"}", null));
        FlowResult run = run(Map.of(), content);
        assertEquals(Map.of("result", "matched"), run.attributes());
        assertDisconnected(run, 2);
    }

    @Test
    void compareSeesAttributesSetEarlierInTheFlow() {
        List<String> actions = new ArrayList<>(compareActions("Equals", "urgent"));
        actions.add(set("set", "{\"value\": \"urgent\"}", "compare"));
        String content = flow("set", actions.toArray(String[]::new));
        FlowResult run = run(Map.of("value", "low"), content);
        assertEquals("matched", run.attributes().get("result"));
        assertDisconnected(run, 4);
    }

    // ---- ending the run ----

    @ParameterizedTest
    @ValueSource(strings = {"DisconnectParticipant", "EndFlowExecution"})
    void disconnectAndEndFlowExecutionDisconnectTheContact(String type) {
        FlowResult run = run(Map.of("orderId", "42"), flow("set", set("set", "{\"seen\": \"yes\"}", "stop"), """
                {"Identifier": "stop", "Type": "%s", "Parameters": {}, "Transitions": {}}""".formatted(type)));
        assertEquals(Map.of("orderId", "42", "seen", "yes"), run.attributes());
        assertDisconnected(run, 2);
    }

    @Test
    void disconnectingAfterATargetQueueIsSetLeavesTheTaskOutOfAnyQueue() {
        FlowResult run = run(Map.of(), flow("queue", targetQueue("queue", "support", "end"), END));
        assertDisconnected(run, 2);
    }

    @Test
    void anActionWithoutNextActionDisconnects() {
        FlowResult run = run(Map.of(), flow("set", set("set", "{\"k\": \"v\"}", null), END));
        assertEquals(Map.of("k", "v"), run.attributes());
        assertDisconnected(run, 1);
    }

    // ---- loops and steps ----

    @Test
    void aLoopStopsAtTheStepLimit() {
        FlowResult run = run(Map.of("orderId", "42"), flow("compare", """
                {"Identifier": "compare", "Type": "Compare", "Parameters": {"ComparisonValue": "$.Channel"},
                 "Transitions": {"Conditions": [
                   {"NextAction": "set", "Condition": {"Operator": "Equals", "Operands": ["TASK"]}}]}}""",
                set("set", "{\"looped\": \"yes\"}", "compare")));
        assertEquals(End.STEP_LIMIT, run.end());
        assertEquals(FlowInterpreter.MAX_STEPS, run.steps());
        assertEquals(1_000, run.steps());
        assertEquals(NOW, run.disconnectedAt());
        assertNull(run.queue());
        assertEquals(Map.of("orderId", "42", "looped", "yes"), run.attributes());
    }

    @Test
    void anErrorTransitionLoopStopsAtTheStepLimit() {
        FlowResult run = run(Map.of(), flow("set", set("set", "{\"k\": \"$.Attributes.missing\"}", "end", "set"), END));
        assertEquals(End.STEP_LIMIT, run.end());
        assertEquals(FlowInterpreter.MAX_STEPS, run.steps());
        assertEquals(NOW, run.disconnectedAt());
        assertEquals(Map.of(), run.attributes());
    }

    /**
     * A two-action loop that ends by itself after {@code laps} laps: {@code check} compares c0 with "stop";
     * {@code shift} moves c1..cN down one place (c0 := c1, c1 := c2, ...), and only cN holds "stop". The
     * check matches on step 2 * laps + 1 and the disconnect is step 2 * laps + 2.
     */
    private static FlowResult shiftLoop(int laps) {
        Map<String, String> attributes = new HashMap<>();
        StringBuilder shift = new StringBuilder("{");
        for (int k = 0; k <= laps; k++) {
            attributes.put("c" + k, k == laps ? "stop" : "go");
            if (k < laps) {
                shift.append(k == 0 ? "" : ", ").append("\"c").append(k).append("\": \"$.Attributes.c").append(k + 1)
                        .append('"');
            }
        }
        shift.append('}');
        return run(attributes, flow("check", """
                {"Identifier": "check", "Type": "Compare", "Parameters": {"ComparisonValue": "$.Attributes.c0"},
                 "Transitions": {"Conditions": [
                   {"NextAction": "end", "Condition": {"Operator": "Equals", "Operands": ["stop"]}}],
                   "Errors": [{"ErrorType": "NoMatchingCondition", "NextAction": "shift"}]}}""",
                set("shift", shift.toString(), "check"), END));
    }

    @ParameterizedTest
    @CsvSource({"1, 4", "10, 22", "498, 998", "499, 1000"})
    void aRunEndingWithinTheStepLimitEndsNormally(int laps, int steps) {
        FlowResult run = shiftLoop(laps);
        assertEquals("stop", run.attributes().get("c0"));
        assertDisconnected(run, steps);
    }

    @Test
    void aRunNeedingOneStepMoreThanTheLimitStopsAtIt() {
        FlowResult run = shiftLoop(500);
        assertEquals(End.STEP_LIMIT, run.end());
        assertEquals(FlowInterpreter.MAX_STEPS, run.steps());
        assertEquals(NOW, run.disconnectedAt());
        assertNull(run.queue());
        // 500 shifts ran: c0 holds what was c500
        assertEquals("stop", run.attributes().get("c0"));
    }

    @Test
    void stepsCountTheActionsRun() {
        FlowResult run = run(Map.of(), flow("a", set("a", "{\"a\": \"1\"}", "b"), set("b", "{\"b\": \"1\"}", "c"),
                set("c", "{\"c\": \"$.Attributes.missing\"}", "end", "d"), set("d", "{\"d\": \"1\"}", "queue"),
                targetQueue("queue", "support", "transfer"), TRANSFER, END));
        assertQueued(run, "support", 6);
        assertEquals(Map.of("a", "1", "b", "1", "d", "1"), run.attributes());
        assertDisconnected(run(Map.of(), flow("end", END)), 1);
    }

    // ---- content the engine cannot run ----

    @Test
    void contentThatNoLongerReadsFailsTheRunWithTheContactDisconnected() {
        FlowResult run = run(Map.of("orderId", "42"), flow("nowhere", END));
        assertEquals(FlowResult.End.FAILED, run.end());
        assertEquals(0, run.steps());
        assertEquals(NOW, run.disconnectedAt());
        assertEquals(Map.of("orderId", "42"), run.attributes());
    }

    @Test
    void theRunLeavesTheContactAsItWasAndReturnsAnImmutableMap() {
        Contact contact = contact(Map.of("orderId", "42"));
        FlowResult run = run(contact, flow("set", set("set", "{\"orderId\": \"43\"}", null)));
        assertEquals(Map.of("orderId", "42"), contact.attributes());
        assertEquals(Map.of("orderId", "43"), run.attributes());
        assertThrows(UnsupportedOperationException.class, () -> run.attributes().put("x", "y"));
    }

    // ---- the example flows of the repository ----

    @Test
    void demoTaskPutsTheTaskInTheSupportQueueMarkedWithItsName() throws IOException {
        FlowResult run = run(Map.of("orderId", "42"), exampleFlow("demo-task.json"));
        assertEquals(Map.of("orderId", "42", "routedBy", "demo-task-flow", "taskName", "Call back"), run.attributes());
        assertQueued(run, "support", 3);
    }

    @Test
    void demoTaskDisconnectsATaskWhoseNameCannotBeCopied() throws IOException {
        Contact unnamed = contact(null, null, Map.of("orderId", "42"), Map.of(), null, null);
        FlowResult run = run(unnamed, exampleFlow("demo-task.json"));
        assertEquals(Map.of("orderId", "42"), run.attributes());
        assertDisconnected(run, 2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            urgent | -     | escalations
            urgent | 1500  | escalations
            -      | 1500  | billing
            low    | 1500  | billing
            -      | 1000.5| billing
            -      | 1000  | support
            -      | 999   | support
            -      | lots  | support
            Urgent | -     | support
            low    | -     | support
            -      | -     | support
            """)
    void routeByPriorityRoutesUrgentToEscalationsLargeAmountsToBillingAndTheRestToSupport(String priority,
            String amount, String queue) throws IOException {
        Map<String, String> attributes = new HashMap<>();
        if (priority != null) {
            attributes.put("priority", priority);
        }
        if (amount != null) {
            attributes.put("amount", amount);
        }
        FlowResult run = run(attributes, exampleFlow("route-by-priority.json"));
        assertEquals(attributes, run.attributes());
        assertQueued(run, queue, "escalations".equals(queue) ? 3 : 4);
    }

    @Test
    void closeWithoutAgentRecordsTheOutcomeAndTheOrderLinkAndDisconnects() throws IOException {
        FlowResult run = run(Map.of("orderId", "42"), exampleFlow("close-without-agent.json"));
        assertEquals(Map.of("orderId", "42", "outcome", "closed-automatically", "orderLink", ORDER_URL),
                run.attributes());
        assertDisconnected(run, 2);
    }

    @Test
    void closeWithoutAgentWithoutAnOrderReferenceStillDisconnectsAndSetsNothing() throws IOException {
        Contact noOrder = contact("Call back", null, Map.of("orderId", "42"), Map.of(), null, null);
        FlowResult run = run(noOrder, exampleFlow("close-without-agent.json"));
        assertEquals(Map.of("orderId", "42"), run.attributes());
        assertDisconnected(run, 2);
    }

    @Test
    void theFlowCacheHoldsBoundedContentAndStillRunsEveryFlow() {
        FlowInterpreter engine = new FlowInterpreter(ARNS);
        // flows of about 250,000 characters each, distinct by their padding
        for (int i = 0; i < 60; i++) {
            String padded = flow("end", END).replaceFirst("\\{", "{\"Metadata\": {\"pad\": \"" + "x".repeat(250_000) + i + "\"}, ");
            FlowResult run = engine.run(contact(Map.of()), contactFlow(padded), NOW);
            assertEquals(FlowResult.End.DISCONNECTED, run.end());
            assertTrue(engine.cachedCharacters() <= FlowInterpreter.MAX_CACHED_CHARACTERS, "cached " + engine.cachedCharacters());
        }
    }

    // ---- TransferToFlow ----

    private static String transferTo(String id, String flowId, String onError) {
        return """
                {"Identifier": "%s", "Type": "TransferToFlow", "Parameters": {"ContactFlowId": "%s"},
                 "Transitions": {%s}}""".formatted(id, flowId, onError == null ? ""
                : "\"Errors\": [{\"ErrorType\": \"NoMatchingError\", \"NextAction\": \"" + onError + "\"}]");
    }

    private static FlowResult runWith(Map<String, ContactFlow> flows, String content) {
        return ENGINE.run(contact(Map.of("orderId", "42")), contactFlow(content),
                RunLookups.of(id -> Optional.ofNullable(flows.get(id)), id -> RunLookups.QueueState.OPEN), NOW);
    }

    private static ContactFlow otherFlow(String id, String status, String content) {
        return new ContactFlow(INSTANCE, id, "Flow " + id, "CONTACT_FLOW", null, content, status, Map.of(), NOW.minusSeconds(3600));
    }

    @ParameterizedTest
    @ValueSource(strings = {"billing-flow", "arn:aws:connect:us-east-1:000000000000:instance/i/contact-flow/billing-flow",
            "$.Attributes.next"})
    void transferToFlowContinuesAtTheStartOfTheOtherFlowWithWhatTheRunSet(String target) {
        ContactFlow billing = otherFlow("billing-flow", ContactFlow.PUBLISHED,
                flow("queue", targetQueue("queue", "billing", "transfer"), TRANSFER));
        FlowResult run = runWith(Map.of("billing-flow", billing),
                flow("set", set("set", "{\"next\": \"billing-flow\"}", "jump"), transferTo("jump", target, null)));
        assertQueued(run, "billing", 4);
        assertEquals(Map.of("orderId", "42", "next", "billing-flow"), run.attributes());
    }

    @Test
    void transferToAMissingOrUnpublishedFlowIsNoMatchingError() {
        ContactFlow draft = otherFlow("draft", ContactFlow.SAVED, flow("end", END));
        String content = flow("jump", transferTo("jump", "draft", "end"), END);
        assertDisconnected(runWith(Map.of("draft", draft), content), 2);
        assertDisconnected(runWith(Map.of(), content), 2);
        assertFailed(runWith(Map.of(), flow("jump", transferTo("jump", "missing", null))), 1);
        // without the instance's flows (the plain run), no flow is found
        assertDisconnected(run(Map.of(), content), 2);
    }

    @Test
    void flowsThatTransferToEachOtherStopAtTheStepLimit() {
        ContactFlow loop = otherFlow("loop", ContactFlow.PUBLISHED, flow("back", transferTo("back", "flow-1", null)));
        Map<String, ContactFlow> flows = new java.util.HashMap<>(Map.of("loop", loop));
        String content = flow("go", transferTo("go", "loop", null));
        flows.put("flow-1", contactFlow(content));
        FlowResult run = runWith(flows, content);
        assertEquals(End.STEP_LIMIT, run.end());
        assertEquals(FlowInterpreter.MAX_STEPS, run.steps());
    }

    // ---- the queue's state, as the runner looks it up ----

    private static FlowResult runWithQueues(Map<String, RunLookups.QueueState> queues, String content) {
        return ENGINE.run(contact(Map.of()), contactFlow(content), RunLookups.of(id -> Optional.empty(),
                id -> queues.getOrDefault(id, RunLookups.QueueState.MISSING)), NOW);
    }

    private static String transferOnErrors(String atCapacity, String noMatch) {
        List<String> errors = new ArrayList<>();
        if (atCapacity != null) {
            errors.add("{\"ErrorType\": \"QueueAtCapacity\", \"NextAction\": \"" + atCapacity + "\"}");
        }
        if (noMatch != null) {
            errors.add("{\"ErrorType\": \"NoMatchingError\", \"NextAction\": \"" + noMatch + "\"}");
        }
        return """
                {"Identifier": "transfer", "Type": "TransferContactToQueue", "Parameters": {},
                 "Transitions": {"Errors": [%s]}}""".formatted(String.join(", ", errors));
    }

    @Test
    void aQueueAtCapacityTakesTheQueueAtCapacityBranchOrElseNoMatchingError() {
        String full = set("full", "{\"outcome\": \"full\"}", "end");
        String other = set("other", "{\"outcome\": \"other\"}", "end");
        Map<String, RunLookups.QueueState> states = Map.of("open", RunLookups.QueueState.OPEN,
                "capped", RunLookups.QueueState.AT_CAPACITY);
        assertQueued(runWithQueues(states, flow("q", targetQueue("q", "open", "transfer"), transferOnErrors("full", "other"),
                full, other, END)), "open", 2);
        FlowResult atCapacity = runWithQueues(states, flow("q", targetQueue("q", "capped", "transfer"),
                transferOnErrors("full", "other"), full, other, END));
        assertDisconnected(atCapacity, 4);
        assertEquals("full", atCapacity.attributes().get("outcome"));
        FlowResult noBranch = runWithQueues(states, flow("q", targetQueue("q", "capped", "transfer"),
                transferOnErrors(null, "other"), other, END));
        assertEquals("other", noBranch.attributes().get("outcome"));
        FlowResult missing = runWithQueues(states, flow("q", targetQueue("q", "gone", "transfer"),
                transferOnErrors("full", "other"), full, other, END));
        assertEquals("other", missing.attributes().get("outcome"));
        assertFailed(runWithQueues(states, flow("q", targetQueue("q", "capped", "transfer"), transferOnErrors(null, null))), 2);
    }

    @Test
    void aQueueIdOnTransferContactToQueueNamesTheQueue() {
        String content = flow("transfer", """
                {"Identifier": "transfer", "Type": "TransferContactToQueue",
                 "Parameters": {"QueueId": "arn:aws:connect:us-east-1:000000000000:instance/i/queue/direct"}, "Transitions": {}}""");
        assertQueued(runWithQueues(Map.of("direct", RunLookups.QueueState.OPEN), content), "direct", 1);
    }
}
