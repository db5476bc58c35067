package dev.connecttasks.operation.port;

import dev.connecttasks.contact.Contact;
import java.time.Instant;

/** StartTaskContact's writes: a new contact with its ClientToken and its link, all or nothing. */
public interface NewContactStore {

    /** Why a new contact was not written. */
    enum Refusal {
        INSTANCE_MISSING,
        FLOW_MISSING,
        /** The flow exists but is saved, not published. */
        FLOW_NOT_PUBLISHED,
        PREVIOUS_MISSING,
        /** The previous contact already has the most tasks linked to it. */
        PREVIOUS_AT_CAPACITY
    }

    /**
     * Writes the contact, its ClientToken (held for {@link IdempotencyRecord#LIFETIME}) and its link to
     * the previous contact together, if the instance exists, the flow is published, the previous
     * contact exists and has room for one more task, and no live earlier request holds the token.
     */
    Creation<Refusal> create(Contact contact, IdempotencyRecord token, Instant now);
}
