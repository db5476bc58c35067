package dev.connecttasks.operation;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.flow.FlowResult;

/** The result of a flow start: the contact and what its flow did, or why nothing was started. */
public record StartOutcome(Contact contact, FlowResult run, Refusal refusal) {

    public enum Refusal {
        NO_SUCH_CONTACT,
        ALREADY_STARTED,
        /** StopContact ended the contact before its flow started: it never will. */
        ENDED,
        /** The contact waits for another start: it was rescheduled, or it is not a scheduled task. */
        SUPERSEDED
    }

    public static StartOutcome claimed(Contact contact, FlowResult run) {
        return new StartOutcome(contact, run, null);
    }

    public static StartOutcome refused(Refusal refusal) {
        return new StartOutcome(null, null, refusal);
    }

    public boolean claimed() {
        return contact != null;
    }
}
