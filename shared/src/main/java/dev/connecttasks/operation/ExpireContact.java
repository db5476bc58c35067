package dev.connecttasks.operation;

import dev.connecttasks.flow.ExpiryMessage;
import dev.connecttasks.operation.port.Change;
import dev.connecttasks.operation.port.ContactStore;
import java.time.Clock;
import java.time.Instant;

/**
 * The flow-runner's other use case: a contact's expiry has come (its schedule fired, or the reconciler
 * found it overdue), so the contact ends with {@code DisconnectReason} {@code EXPIRED}, in one write
 * conditional on that expiry still being the contact's. A firing before its time is {@link StartFlow.NotYet}
 * (retried); a late, repeated or superseded one changes nothing.
 */
public final class ExpireContact {
    private final ContactStore contacts;
    private final Clock clock;

    public ExpireContact(ContactStore contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    /** DONE when this call ended the contact; otherwise why it did not. */
    public Change run(ExpiryMessage expiry) {
        Instant now = Clocks.now(clock);
        if (now.isBefore(expiry.expiry())) {
            throw new StartFlow.NotYet("The expiry of contact " + expiry.key().contactId() + " fired before its time "
                    + expiry.expiry() + "; it will be retried.");
        }
        return contacts.expire(expiry.key(), expiry.expiry(), now);
    }
}
