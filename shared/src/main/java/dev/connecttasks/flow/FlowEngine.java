package dev.connecttasks.flow;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.instance.ContactFlow;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs a contact's flow. A run only computes what the flow does to the contact; the flow-runner
 * persists it with the same conditional write that claims the start, so a run has effect at most once.
 */
public interface FlowEngine {

    FlowResult run(Contact contact, ContactFlow flow, Instant now);

    /**
     * The same, with the contact's instance's flows to hand, for {@code TransferToFlow}: {@code flows}
     * finds one by id. An engine that transfers to no flow ignores them.
     */
    default FlowResult run(Contact contact, ContactFlow flow, Function<String, Optional<ContactFlow>> flows, Instant now) {
        return run(contact, flow, now);
    }
}
