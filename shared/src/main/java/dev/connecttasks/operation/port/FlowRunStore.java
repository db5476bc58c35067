package dev.connecttasks.operation.port;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.flow.FlowResult;
import java.time.Instant;
import java.util.Optional;

/** The flow-runner's view of the contacts: a contact and its flow read for a run, and the run recorded once. */
public interface FlowRunStore {

    /**
     * The contact, its revision and its flow (null when the flow is gone); {@code contactFlowId} is the
     * flow's id when the caller knows it, or null to take the contact's.
     */
    Optional<ContactAndFlow> findForRun(ContactKey key, String contactFlowId, Instant now);

    /**
     * Records a flow's start and what its run did, only if the contact is still at {@code revision}: it
     * succeeds at most once per contact, and not at all when anything changed the contact meanwhile.
     * A contact the run leaves open becomes due for its {@link Contact#expiry()}. Returns whether it was
     * written.
     */
    boolean recordFlowRun(Contact contact, long revision, FlowResult run, Instant now);
}
