package dev.connecttasks.operation;

import static dev.connecttasks.testing.ApiAssertions.assertApiError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.StopRequest;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.contact.TransferRequest;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.flow.StartMessage;
import dev.connecttasks.memory.MemoryBackend;
import dev.connecttasks.testing.Flows;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TransferContact on the in-memory ports: the chain it builds, its refusals, its ClientToken. */
class TransferContactTest {
    private final MemoryBackend backend = new MemoryBackend();

    private ContactKey queued() {
        ContactKey key = new ContactKey(backend.instanceId, backend.startTaskContact().start(new TaskRequest(backend.instanceId,
                backend.flowId, "Call back", "Re: order 42", Map.of("orderId", "42"), Map.of(), null, null, null, null)));
        assertTrue(backend.runFlow().run(new StartMessage(key, backend.flowId, null)).claimed());
        return key;
    }

    /** A transfer flow as Amazon Connect's default one: into the queue the transfer named. */
    private final String toQueue = backend.createFlow(backend.instanceId, "To the transfer's queue", Flows.document("transfer", """
            {"Identifier": "transfer", "Type": "TransferContactToQueue", "Parameters": {}, "Transitions": {}}"""));

    private ContactKey transfer(ContactKey key, String clientToken) {
        return new ContactKey(key.instanceId(), backend.transferContact().transfer(
                new TransferRequest(key, toQueue, "escalations", null, clientToken)));
    }

    private Contact stored(ContactKey key) {
        return backend.describeContact().describe(key);
    }

    @Test
    void aTransferEndsTheTaskAndStartsTheNextInItsChainWithTheGivenQueue() {
        ContactKey first = queued();
        backend.clock.advance(Duration.ofSeconds(5));
        ContactKey second = transfer(first, null);

        Contact ended = stored(first);
        assertEquals("TRANSFERRED", ended.disconnectReason());
        assertEquals(backend.now(), ended.disconnectedAt());
        Contact next = stored(second);
        assertEquals("TRANSFER", next.initiationMethod());
        assertEquals(first.contactId(), next.previousContactId());
        assertEquals(first.contactId(), next.initialContactId());
        assertEquals("Call back", next.name());
        assertEquals("Re: order 42", next.description());
        assertEquals(stored(first).attributes(), next.attributes());
        assertEquals(FlowStatus.PENDING, next.flowStatus());
        assertNull(next.disconnectedAt());

        assertTrue(backend.runFlow().run(new StartMessage(second, toQueue, null)).claimed());
        assertEquals("escalations", stored(second).queue().queueId());
        ContactKey third = transfer(second, null);
        assertEquals(first.contactId(), stored(third).initialContactId());
        assertEquals(second.contactId(), stored(third).previousContactId());
    }

    @Test
    void onlyAnActiveTaskIsTransferredAndAChainHoldsElevenTransfers() {
        ContactKey waiting = new ContactKey(backend.instanceId, backend.startTaskContact().start(new TaskRequest(
                backend.instanceId, backend.flowId, "n", null, Map.of(), Map.of(), null, null, null, backend.now().plusSeconds(60))));
        assertApiError(ErrorType.INVALID_REQUEST, "is not active yet", () -> transfer(waiting, null));
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "was not found", () -> transfer(new ContactKey(backend.instanceId, "missing"), null));
        assertApiError(ErrorType.INVALID_REQUEST, "UserId is not supported", () -> backend.transferContact().transfer(
                new TransferRequest(waiting, backend.flowId, null, "agent-1", null)));

        ContactKey current = queued();
        for (int i = 0; i < 11; i++) {
            current = transfer(current, null);
            assertTrue(backend.runFlow().run(new StartMessage(current, toQueue, null)).claimed());
        }
        ContactKey last = current;
        assertApiError(ErrorType.SERVICE_QUOTA_EXCEEDED, "transferred 11 times", () -> transfer(last, null));
        assertNull(stored(last).disconnectedAt());

        backend.stopContact().stop(new StopRequest(last, false));
        assertApiError(ErrorType.INVALID_REQUEST, "has ended", () -> transfer(last, null));
    }

    @Test
    void aRetriedClientTokenGivesTheSameContactAndAReusedOneIsAnIdempotencyError() {
        ContactKey first = queued();
        ContactKey second = transfer(first, "token-1");
        assertEquals(second, transfer(first, "token-1"));
        assertApiError(ErrorType.IDEMPOTENCY, "already used with different parameters", () -> backend.transferContact().transfer(
                new TransferRequest(first, toQueue, "other-queue", null, "token-1")));
        assertNotEquals(second, transfer(queued(), "token-2"));
    }

    @Test
    void anUnknownOrDraftFlowWritesNothing() {
        ContactKey first = queued();
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "no-such-flow", () -> backend.transferContact().transfer(
                new TransferRequest(first, "no-such-flow", null, null, null)));
        assertNull(stored(first).disconnectedAt());
    }
}
