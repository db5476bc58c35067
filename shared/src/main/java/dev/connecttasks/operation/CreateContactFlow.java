package dev.connecttasks.operation;

import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.error.ApiException;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.flow.FlowDocument.QueueReference;
import dev.connecttasks.flow.FlowDocument;
import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.instance.FlowRequest;
import dev.connecttasks.instance.InstanceRules;
import dev.connecttasks.operation.port.Creation;
import dev.connecttasks.operation.port.InstanceStore.FlowRefusal;
import dev.connecttasks.operation.port.InstanceStore;
import dev.connecttasks.operation.port.QueueStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * CreateContactFlow. A PUBLISHED flow (the default) is checked first: content this service cannot run,
 * or a queue it names (by id or ARN, not through a reference) that the instance does not have, is an
 * InvalidContactFlowException listing every problem. A SAVED flow is stored unchecked, as in Amazon
 * Connect, and cannot start tasks.
 */
public final class CreateContactFlow {
    private final InstanceStore instances;
    private final QueueStore queues;
    private final Clock clock;

    public CreateContactFlow(InstanceStore instances, QueueStore queues, Clock clock) {
        this.instances = instances;
        this.queues = queues;
        this.clock = clock;
    }

    /** Returns the flow's id. */
    public String create(FlowRequest request) {
        ContactRules.checkInstanceId(request.instanceId());
        InstanceRules.checkFlow(request.name(), request.description(), request.content(), request.tags());
        if (ContactFlow.PUBLISHED.equals(request.status())) {
            checkQueues(request.instanceId(), FlowDocument.read(request.content()));
        }
        ContactFlow flow = new ContactFlow(request.instanceId(), UUID.randomUUID().toString(), request.name(),
                request.type(), request.description(), request.content(), request.status(), request.tags(),
                Clocks.now(clock));
        if (instances.create(flow) instanceof Creation.Refused<FlowRefusal> refused) {
            throw switch (refused.reason()) {
                case INSTANCE_MISSING -> NotFound.instance(flow.instanceId());
                case NAME_TAKEN -> new ApiException(ErrorType.DUPLICATE_RESOURCE,
                        "A flow named " + flow.name() + " already exists in instance " + flow.instanceId() + ".");
            };
        }
        return flow.id();
    }

    /** One BatchGetItem for the queues the flow names; a second read, of the instance, only when one is missing. */
    private void checkQueues(String instanceId, FlowDocument document) {
        List<QueueReference> references = document.queueReferences();
        Set<String> lookedUp = new LinkedHashSet<>();
        for (QueueReference reference : references) {
            if (InstanceRules.queueIdFits(reference.queueId()) && sameInstance(reference, instanceId)) {
                lookedUp.add(reference.queueId());
            }
        }
        Set<String> missing = lookedUp.isEmpty() ? Set.of() : queues.missingQueues(instanceId, lookedUp);
        List<String> problems = new ArrayList<>();
        for (QueueReference reference : references) {
            if (!sameInstance(reference, instanceId)) {
                problems.add("Action " + reference.action() + ": QueueId " + reference.value()
                        + " is a queue of another instance.");
            } else if (!lookedUp.contains(reference.queueId()) || missing.contains(reference.queueId())) {
                problems.add("Action " + reference.action() + ": QueueId " + reference.value()
                        + " is not a queue of instance " + instanceId + ".");
            }
        }
        if (!problems.isEmpty()) {
            if (instances.findInstance(instanceId).isEmpty()) {
                throw NotFound.instance(instanceId);
            }
            throw FlowDocument.invalid(problems);
        }
    }

    private static boolean sameInstance(QueueReference reference, String instanceId) {
        return reference.arnInstanceId() == null || reference.arnInstanceId().equals(instanceId);
    }
}
