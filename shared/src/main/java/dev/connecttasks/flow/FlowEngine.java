package dev.connecttasks.flow;

import dev.connecttasks.contact.Contact;

/** Runs a contact's flow once the flow-runner has claimed its start. */
public interface FlowEngine {

    void run(Contact contact);

    /**
     * Until the flow language is interpreted, starting a flow is only recorded: the claim has
     * already stored the start time ({@code flowStartedAt}) and status on the contact.
     */
    FlowEngine RECORD_START_ONLY = contact -> { };
}
