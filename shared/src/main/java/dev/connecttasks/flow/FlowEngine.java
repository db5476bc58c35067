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
}
