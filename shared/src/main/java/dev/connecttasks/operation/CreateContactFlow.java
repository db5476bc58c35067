package dev.connecttasks.operation;

import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.error.ApiException;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.flow.FlowDocument;
import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.instance.FlowRequest;
import dev.connecttasks.instance.InstanceRules;
import dev.connecttasks.operation.port.Creation;
import dev.connecttasks.operation.port.InstanceStore.FlowRefusal;
import dev.connecttasks.operation.port.InstanceStore;
import java.time.Clock;
import java.util.UUID;

/**
 * CreateContactFlow. A PUBLISHED flow (the default) is checked first: content this service cannot run
 * is an InvalidContactFlowException listing every problem. A SAVED flow is stored unchecked, as in
 * Amazon Connect, and cannot start tasks.
 */
public final class CreateContactFlow {
    private final InstanceStore instances;
    private final Clock clock;

    public CreateContactFlow(InstanceStore instances, Clock clock) {
        this.instances = instances;
        this.clock = clock;
    }

    /** Returns the flow's id. */
    public String create(FlowRequest request) {
        ContactRules.checkInstanceId(request.instanceId());
        InstanceRules.checkFlow(request.name(), request.description(), request.content(), request.tags());
        if (ContactFlow.PUBLISHED.equals(request.status())) {
            FlowDocument.read(request.content());
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
}
