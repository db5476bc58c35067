package dev.connecttasks.operation;

import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.error.ApiException;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.operation.port.InstanceStore;

/**
 * DescribeContactFlow: one consistent read. A flow that is only saved is described when its id carries
 * the {@code :$SAVED} qualifier, as in Amazon Connect, and is otherwise ContactFlowNotPublishedException.
 */
public final class DescribeContactFlow {
    private static final String SAVED_QUALIFIER = ":$SAVED";

    private final InstanceStore instances;

    public DescribeContactFlow(InstanceStore instances) {
        this.instances = instances;
    }

    public ContactFlow describe(String instanceId, String contactFlowIdOrAlias) {
        ContactRules.checkInstanceId(instanceId);
        boolean saved = contactFlowIdOrAlias.endsWith(SAVED_QUALIFIER);
        String contactFlowId = saved
                ? contactFlowIdOrAlias.substring(0, contactFlowIdOrAlias.length() - SAVED_QUALIFIER.length())
                : contactFlowIdOrAlias;
        ContactFlow flow = instances.findFlow(instanceId, contactFlowId).orElseThrow(() -> NotFound.flow(instanceId, contactFlowId));
        if (!saved && !flow.published()) {
            throw new ApiException(ErrorType.CONTACT_FLOW_NOT_PUBLISHED, "The flow " + contactFlowId
                    + " has not been published; describe " + contactFlowId + SAVED_QUALIFIER + " for its saved content.");
        }
        return flow;
    }
}
