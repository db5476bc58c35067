package dev.connecttasks.operation;

import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.instance.ListRequest;
import dev.connecttasks.instance.Listing;
import dev.connecttasks.instance.Summaries.FlowSummary;
import dev.connecttasks.operation.port.InstanceStore;

/** ListContactFlows: a page of the instance's flows (published and saved) in id order, filtered by contactFlowTypes. */
public final class ListContactFlows {
    public static final int DEFAULT_MAX_RESULTS = 100;
    public static final int MAX_RESULTS = 1000;

    private final InstanceStore instances;

    public ListContactFlows(InstanceStore instances) {
        this.instances = instances;
    }

    public Listing<FlowSummary> list(ListRequest request) {
        ContactRules.checkInstanceId(request.instanceId());
        int maxResults = Lists.maxResults(request, DEFAULT_MAX_RESULTS, MAX_RESULTS, ErrorType.INVALID_PARAMETER);
        return Lists.inInstance("ListContactFlows", request, maxResults, instances,
                (resumeAfter, max) -> instances.listFlows(request.instanceId(), request.types(), resumeAfter, max));
    }
}
