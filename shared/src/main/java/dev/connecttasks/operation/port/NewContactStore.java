package dev.connecttasks.operation.port;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import java.time.Instant;
import java.util.function.Function;

/** The writes that create contacts (StartTaskContact, TransferContact), each all or nothing. */
public interface NewContactStore {

    /** Why a new contact was not written. */
    enum Refusal {
        INSTANCE_MISSING,
        FLOW_MISSING,
        /** The flow exists but is saved, not published. */
        FLOW_NOT_PUBLISHED,
        PREVIOUS_MISSING,
        /** The previous contact already has the most tasks linked to it. */
        PREVIOUS_AT_CAPACITY,
        /** The task template the contact was started from is gone. */
        TEMPLATE_MISSING,
        /** The task template the contact was started from has become INACTIVE. */
        TEMPLATE_INACTIVE
    }

    /**
     * Writes the contact, its ClientToken (held for {@link IdempotencyRecord#LIFETIME}) and its link to
     * the previous contact together, if the instance exists, the flow is published, the previous
     * contact exists and has room for one more task, the task template it names (if any) exists and is
     * ACTIVE, and no live earlier request holds the token.
     */
    Creation<Refusal> create(Contact contact, IdempotencyRecord token, Instant now);

    /** Why a transfer wrote nothing. */
    enum TransferRefusal {
        NO_SUCH_CONTACT,
        /** The contact's flow has not started: it is not active yet. */
        NOT_STARTED,
        ENDED,
        /** The chain already holds {@code ContactRules.MAX_TRANSFERS} transfers. */
        TRANSFER_LIMIT,
        FLOW_MISSING,
        FLOW_NOT_PUBLISHED
    }

    /**
     * TransferContact's write, all or nothing: the successor {@code successorOf} builds from the contact
     * as read, its ClientToken, the end of the transferred contact ({@code DisconnectReason}
     * {@code TRANSFERRED}) and the successor's place in its chain; conditional on the transferred contact
     * not having changed since it was read (read again and retried when it has). A live earlier request
     * holding the token wins over every refusal, so a retry after success gets the same contact.
     */
    Creation<TransferRefusal> transfer(ContactKey from, Function<Contact, Contact> successorOf, IdempotencyRecord token,
            Instant now);
}
