package dev.connecttasks.operation.port;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.flow.FlowResult;
import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.instance.Queue;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The flow-runner's view of the contacts: a contact and its flow read for a run, and the run recorded once. */
public interface FlowRunStore {

    /**
     * The contact, its revision and its flow (null when the flow is gone); {@code contactFlowId} is the
     * flow's id when the caller knows it, or null to take the contact's.
     */
    Optional<ContactAndFlow> findForRun(ContactKey key, String contactFlowId, Instant now);

    /**
     * Sets attributes a run set on every other contact of the contact's chain, as
     * {@link ContactStore#updateAttributes} does (the contact itself has them from its run's write).
     */
    void shareAttributes(ContactKey key, Map<String, String> attributes, Instant now);

    /** A queue of the instance, read when a run puts a contact in it ({@code TransferContactToQueue}). */
    Optional<Queue> findQueue(String instanceId, String queueId);

    /**
     * How many contacts that have not ended are in the queue, counted up to {@code limit}. Best effort:
     * the count comes from an eventually consistent index, so contacts queued or ended a moment ago may
     * not be counted yet.
     */
    int countQueued(String instanceId, String queueId, int limit);

    /** A flow of the instance, read when a run transfers to it ({@code TransferToFlow}). */
    Optional<ContactFlow> findFlow(String instanceId, String contactFlowId);

    /**
     * Records a flow's start and what its run did, only if the contact is still at {@code revision}: it
     * succeeds at most once per contact, and not at all when anything changed the contact meanwhile.
     * A contact the run leaves open becomes due for its {@link Contact#expiry()}. Returns whether it was
     * written.
     */
    boolean recordFlowRun(Contact contact, long revision, FlowResult run, Instant now);
}
