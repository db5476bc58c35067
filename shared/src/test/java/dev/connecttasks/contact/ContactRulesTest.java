package dev.connecttasks.contact;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connecttasks.error.ApiException;
import dev.connecttasks.error.ErrorType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private static TaskRequest task(Map<String, String> attributes, Map<String, Reference> references, Instant at) {
        return new TaskRequest("instance-1", "flow-1", "Call back", "About order 42", attributes, references,
                null, null, "token-1", at);
    }

    private static ApiException rejected(Runnable check) {
        ApiException e = assertThrows(ApiException.class, check::run);
        assertEquals(ErrorType.INVALID_PARAMETER, e.type());
        return e;
    }

    @Test
    void acceptsAWellFormedTask() {
        assertDoesNotThrow(() -> ContactRules.checkTask(task(Map.of("orderId", "42"),
                Map.of("Order", new Reference(ReferenceType.URL, "https://crm.example.com/orders/42")), null), NOW));
    }

    @Test
    void scheduledTimeMayBeNowOrExactlySixDaysAhead() {
        assertDoesNotThrow(() -> ContactRules.checkScheduledTime(NOW, NOW));
        assertDoesNotThrow(() -> ContactRules.checkScheduledTime(NOW.plus(Duration.ofDays(6)), NOW));
    }

    @Test
    void scheduledTimeInThePastOrBeyondSixDaysIsRejected() {
        assertTrue(rejected(() -> ContactRules.checkScheduledTime(NOW.minusMillis(1), NOW)).getMessage()
                .contains("ScheduledTime"));
        assertTrue(rejected(() -> ContactRules.checkScheduledTime(NOW.plus(Duration.ofDays(6)).plusMillis(1), NOW))
                .getMessage().contains("6 days"));
    }

    @Test
    void lengthLimitsNameTheMember() {
        String name = "n".repeat(1025);
        ApiException e = rejected(() -> ContactRules.checkTask(new TaskRequest("i", "f", name, null, null, null,
                null, null, null, null), NOW));
        assertEquals("Name must have a length between 0 and 1024 characters.", e.getMessage());
        assertTrue(rejected(() -> ContactRules.checkTask(new TaskRequest("i".repeat(101), "f", "n", null, null,
                null, null, null, null, null), NOW)).getMessage().startsWith("InstanceId"));
        assertTrue(rejected(() -> ContactRules.checkTask(new TaskRequest("i", "", "n", null, null, null, null,
                null, null, null), NOW)).getMessage().startsWith("ContactFlowId"));
        assertTrue(rejected(() -> ContactRules.checkTask(new TaskRequest("i", "f", "n", "d".repeat(4097), null,
                null, null, null, null, null), NOW)).getMessage().startsWith("Description"));
        assertTrue(rejected(() -> ContactRules.checkTask(new TaskRequest("i", "f", "n", null, null, null, null,
                null, "t".repeat(501), null), NOW)).getMessage().startsWith("ClientToken"));
    }

    @Test
    void lengthsCountCharactersNotBytes() {
        String name = "\u00e9".repeat(1024);
        assertDoesNotThrow(() -> ContactRules.checkTask(new TaskRequest("i", "f", name, null, null, null, null,
                null, null, null), NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "dot.ted", "sl/ash", "\u00fcml"})
    void attributeKeysAllowOnlyLettersDigitsDashAndUnderscore(String key) {
        assertTrue(rejected(() -> ContactRules.checkTask(task(Map.of(key, "v"), Map.of(), null), NOW))
                .getMessage().contains("may contain only letters"));
    }

    @Test
    void attributesMayFillExactly32768Bytes() {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("a", "x".repeat(32_767));
        assertDoesNotThrow(() -> ContactRules.checkTask(task(attributes, Map.of(), null), NOW));
        attributes.put("b", "");
        assertTrue(rejected(() -> ContactRules.checkTask(task(attributes, Map.of(), null), NOW))
                .getMessage().contains("32768"));
    }

    @Test
    void referencesMayFillExactly4096BytesCountingNamesAndMultiByteCharacters() {
        // "Doc" (3 bytes) + "https://x.io/" (13) + 2040 x "é" (4080) = 4096
        String value = "https://x.io/" + "\u00e9".repeat(2040);
        Map<String, Reference> references = Map.of("Doc", new Reference(ReferenceType.URL, value));
        assertEquals(4096, ContactRules.referenceBytes(references));
        assertDoesNotThrow(() -> ContactRules.checkTask(task(Map.of(), references, null), NOW));
        Map<String, Reference> tooMany = Map.of("Docs", new Reference(ReferenceType.URL, value));
        assertTrue(rejected(() -> ContactRules.checkTask(task(Map.of(), tooMany, null), NOW))
                .getMessage().contains("4096"));
    }

    @Test
    void outputOnlyReferenceTypesCannotBeWritten() {
        assertTrue(rejected(() -> ContactRules.checkChanges(new ContactChanges(null, null,
                Map.of("File", new Reference(ReferenceType.ATTACHMENT, "s3://bucket/key"))))).getMessage()
                .contains("ATTACHMENT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"URL:ftp://example.com/x", "URL:not a url", "URL:/relative/path", "URL:",
            "NUMBER:12a", "NUMBER:", "NUMBER:1e5", "DATE:2026-11-26", "DATE:-5", "DATE:1.2345",
            "EMAIL:nobody", "EMAIL:a@b", "EMAIL:a b@example.com"})
    void malformedReferenceValuesAreRejected(String typeAndValue) {
        String[] parts = typeAndValue.split(":", 2);
        Reference reference = new Reference(ReferenceType.valueOf(parts[0]), parts[1]);
        assertTrue(rejected(() -> ContactRules.checkChanges(new ContactChanges(null, null, Map.of("R", reference))))
                .getMessage().contains("must be"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"URL:https://crm.example.com/orders/42?x=1", "URL:http://localhost:8080/",
            "NUMBER:42", "NUMBER:-3.25", "NUMBER:.5", "DATE:1795694400", "DATE:1795694400.125",
            "EMAIL:agent.smith@example.co.uk", "STRING:", "STRING:anything at all"})
    void wellFormedReferenceValuesAreAccepted(String typeAndValue) {
        String[] parts = typeAndValue.split(":", 2);
        Reference reference = new Reference(ReferenceType.valueOf(parts[0]), parts[1]);
        assertDoesNotThrow(() -> ContactRules.checkChanges(new ContactChanges(null, null, Map.of("R", reference))));
    }

    @Test
    void contactKeysAreChecked() {
        assertTrue(rejected(() -> ContactRules.checkKey(new ContactKey("i", "c".repeat(257)))).getMessage()
                .startsWith("ContactId"));
        assertDoesNotThrow(() -> ContactRules.checkKey(new ContactKey("i".repeat(100), "c".repeat(256))));
    }
}
