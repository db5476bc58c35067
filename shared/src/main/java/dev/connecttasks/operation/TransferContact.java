package dev.connecttasks.operation;

import static dev.connecttasks.error.ApiException.invalidRequest;
import static dev.connecttasks.error.ApiException.quotaExceeded;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.TransferRequest;
import dev.connecttasks.error.ApiException;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.operation.port.Creation;
import dev.connecttasks.operation.port.IdempotencyRecord;
import dev.connecttasks.operation.port.NewContactStore.TransferRefusal;
import dev.connecttasks.operation.port.NewContactStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * TransferContact. An active task moves on to a new contact in its chain (InitiationMethod TRANSFER,
 * PreviousContactId the transferred task, the chain's InitialContactId, the same name, description,
 * attributes, references and segment attributes), which runs the given flow with the given queue as
 * its target; the transferred task ends ({@code DisconnectReason} {@code TRANSFERRED}). One transaction
 * writes both, so against StopContact or another transfer exactly one wins; the new contact's arrival on
 * the stream starts its flow, as an immediate task's does.
 */
public final class TransferContact {
    private final NewContactStore newContacts;
    private final Clock clock;

    public TransferContact(NewContactStore newContacts, Clock clock) {
        this.newContacts = newContacts;
        this.clock = clock;
    }

    /** Returns the new contact's id: of this transfer, or of the one this ClientToken already made. */
    public String transfer(TransferRequest request) {
        request.check();
        Instant now = Clocks.now(clock);
        String newId = UUID.randomUUID().toString();
        IdempotencyRecord token = request.clientToken() == null
                ? null : new IdempotencyRecord(request.clientToken(), RequestFingerprint.of(request), newId);
        Creation<TransferRefusal> creation = newContacts.transfer(request.key(),
                from -> successor(from, request, newId, now), token, now);
        if (creation instanceof Creation.TokenHeld<TransferRefusal> held) {
            if (!held.earlier().requestHash().equals(token.requestHash())) {
                throw new ApiException(ErrorType.IDEMPOTENCY, "ClientToken " + token.clientToken()
                        + " was already used with different parameters in this instance.");
            }
            return held.earlier().createdId();
        }
        if (creation instanceof Creation.Refused<TransferRefusal> refused) {
            ContactKey key = request.key();
            throw switch (refused.reason()) {
                case NO_SUCH_CONTACT -> NotFound.contact(key);
                case NOT_STARTED -> invalidRequest("Contact " + key.contactId()
                        + " is not active yet: its flow has not started, so it cannot be transferred.");
                case ENDED -> invalidRequest("Contact " + key.contactId() + " has ended; only active contacts can be transferred.");
                case TRANSFER_LIMIT -> quotaExceeded("Contact " + key.contactId() + " has been transferred "
                        + ContactRules.MAX_TRANSFERS + " times; a contact cannot be transferred more often.");
                case FLOW_MISSING -> NotFound.flow(key.instanceId(), request.contactFlowId());
                case FLOW_NOT_PUBLISHED -> invalidRequest("ContactFlowId " + request.contactFlowId()
                        + " is saved but not published.");
            };
        }
        return newId;
    }

    /** The contact a transfer of {@code from} creates. */
    public static Contact successor(Contact from, TransferRequest request, String newId, Instant now) {
        return new Contact(
                new ContactKey(from.instanceId(), newId),
                request.contactFlowId(),
                from.name(),
                from.description(),
                from.attributes(),
                from.references(),
                from.id(),
                from.initialContactId() != null ? from.initialContactId() : from.id(),
                from.relatedContactId(),
                now,
                now,
                null,
                FlowStatus.PENDING,
                null,
                null,
                null,
                null,
                Map.of(),
                from.segmentAttributes(),
                Contact.TRANSFER,
                request.queueId());
    }
}
