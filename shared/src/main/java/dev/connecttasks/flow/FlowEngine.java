package dev.connecttasks.flow;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.instance.ContactFlow;
import java.time.Instant;

/**
 * Runs a contact's flow. A run only computes what the flow does to the contact; the flow-runner
 * persists it with the same conditional write that claims the start, so a run has effect at most once.
 */
public interface FlowEngine {

    FlowResult run(Contact contact, ContactFlow flow, Instant now);

    /**
     * The same, with the contact's instance to hand: its flows, for {@code TransferToFlow}, and its
     * queues' states, for {@code TransferContactToQueue}. An engine that needs neither ignores them.
     */
    default FlowResult run(Contact contact, ContactFlow flow, RunLookups lookups, Instant now) {
        return run(contact, flow, now);
    }
}
