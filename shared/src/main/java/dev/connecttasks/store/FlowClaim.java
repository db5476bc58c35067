package dev.connecttasks.store;

import dev.connecttasks.contact.Contact;

/** The result of claiming a contact's flow start: the claimed contact, or why nothing was claimed. */
public record FlowClaim(Contact contact, Refusal refusal) {

    public enum Refusal {
        NO_SUCH_CONTACT,
        ALREADY_STARTED,
        /** The contact waits for another start: it was rescheduled, or it is not a scheduled task. */
        SUPERSEDED
    }

    static FlowClaim claimed(Contact contact) {
        return new FlowClaim(contact, null);
    }

    static FlowClaim refused(Refusal refusal) {
        return new FlowClaim(null, refusal);
    }

    public boolean claimed() {
        return contact != null;
    }
}
