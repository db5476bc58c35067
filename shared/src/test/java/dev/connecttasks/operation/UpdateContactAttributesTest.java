package dev.connecttasks.operation;

import static dev.connecttasks.testing.ApiAssertions.assertApiError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.connecttasks.contact.AttributeUpdate;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.StopRequest;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.contact.TransferRequest;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.flow.StartMessage;
import dev.connecttasks.memory.MemoryBackend;
import dev.connecttasks.testing.Flows;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** UpdateContactAttributes and GetContactAttributes on the in-memory ports: chain-wide, all or nothing. */
class UpdateContactAttributesTest {
    private final MemoryBackend backend = new MemoryBackend();

    private ContactKey started(Map<String, String> attributes, String previousContactId) {
        ContactKey key = new ContactKey(backend.instanceId, backend.startTaskContact().start(new TaskRequest(backend.instanceId,
                backend.flowId, "n", null, attributes, Map.of(), previousContactId, null, null, null)));
        backend.runFlow().run(new StartMessage(key, backend.flowId, null));
        return key;
    }

    private Map<String, String> attributes(ContactKey key) {
        return backend.getContactAttributes().get(key);
    }

    private void update(ContactKey key, Map<String, String> attributes) {
        backend.updateContactAttributes().update(new AttributeUpdate(key, attributes));
    }

    @Test
    void attributesWrittenOnTheThirdContactOfAChainAppearOnEveryOneEvenEnded() {
        ContactKey first = started(Map.of("orderId", "42"), null);
        ContactKey second = new ContactKey(first.instanceId(), backend.transferContact().transfer(
                new TransferRequest(first, backend.flowId, null, null, null)));
        backend.runFlow().run(new StartMessage(second, backend.flowId, null));
        ContactKey third = started(Map.of("own", "x"), second.contactId());
        ContactKey outsider = started(Map.of(), null);

        update(third, Map.of("status", "resolved", "orderId", "43"));

        assertEquals("resolved", attributes(first).get("status"));
        assertEquals("43", attributes(first).get("orderId"));
        assertEquals("resolved", attributes(second).get("status"));
        assertEquals("x", attributes(third).get("own"));
        assertEquals("resolved", backend.describeContact().describe(third).attributes().get("status"));
        assertEquals(null, attributes(outsider).get("status"));
        assertEquals("TRANSFERRED", backend.describeContact().describe(first).disconnectReason());
    }

    @Test
    void anUpdatePastTheCapOfAnyContactInTheChainWritesNothing() {
        ContactKey first = started(Map.of("big", "x".repeat(32_000)), null);
        ContactKey second = started(Map.of(), first.contactId());
        assertApiError(ErrorType.INVALID_PARAMETER, "must not exceed 32768", () -> update(second, Map.of("more", "y".repeat(1_000))));
        assertEquals(null, attributes(second).get("more"));
        update(second, Map.of("small", "y"));
        assertEquals("y", attributes(first).get("small"));
    }

    @Test
    void badInputAndUnknownContacts() {
        ContactKey first = started(Map.of(), null);
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "was not found", () -> update(new ContactKey(first.instanceId(), "missing"), Map.of("a", "b")));
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "was not found", () -> attributes(new ContactKey(first.instanceId(), "missing")));
        assertApiError(ErrorType.INVALID_PARAMETER, "may contain only letters", () -> update(first, Map.of("bad key", "b")));
        backend.stopContact().stop(new StopRequest(first, false));
        update(first, Map.of("after", "end"));
        assertEquals("end", attributes(first).get("after"));
    }

    @Test
    void attributesAFlowSetsReachTheWholeChain() {
        ContactKey first = started(Map.of("orderId", "42"), null);
        String escalate = backend.createFlow(backend.instanceId, "Escalate", Flows.document("set", """
                {"Identifier": "set", "Type": "UpdateContactAttributes", "Parameters": {"Attributes": {"stage": "escalated"}},
                 "Transitions": {"NextAction": "end"}}""", """
                {"Identifier": "end", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}"""));
        ContactKey second = new ContactKey(first.instanceId(), backend.transferContact().transfer(
                new TransferRequest(first, escalate, null, null, null)));
        backend.runFlow().run(new StartMessage(second, escalate, null));
        assertEquals("escalated", attributes(second).get("stage"));
        assertEquals("escalated", attributes(first).get("stage"));
        assertEquals("42", attributes(second).get("orderId"));
    }
}
