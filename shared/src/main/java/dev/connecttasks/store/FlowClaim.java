package dev.connecttasks.store;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.flow.FlowRun;

/** The result of a flow start: the contact and what its flow did, or why nothing was started. */
public record FlowClaim(Contact contact, FlowRun run, Refusal refusal) {

    public enum Refusal {
        NO_SUCH_CONTACT,
        ALREADY_STARTED,
        /** The contact waits for another start: it was rescheduled, or it is not a scheduled task. */
        SUPERSEDED
    }

    public static FlowClaim claimed(Contact contact, FlowRun run) {
        return new FlowClaim(contact, run, null);
    }

    public static FlowClaim refused(Refusal refusal) {
        return new FlowClaim(null, null, refusal);
    }

    public boolean claimed() {
        return contact != null;
    }
}
