package dev.connecttasks.operation;

import dev.connecttasks.error.ErrorType;
import dev.connecttasks.instance.ListRequest;
import dev.connecttasks.instance.Listing;
import dev.connecttasks.instance.Summaries.InstanceSummary;
import dev.connecttasks.operation.port.InstanceStore;
import dev.connecttasks.operation.port.ListPage;

/**
 * ListInstances: a page of every instance in id order. Its model has no InvalidParameterException, so a
 * broken rule (maxResults, nextToken) is an InvalidRequestException.
 */
public final class ListInstances {
    public static final int DEFAULT_MAX_RESULTS = 10;
    public static final int MAX_RESULTS = 10;
    private static final String SCOPE = "ListInstances";

    private final InstanceStore instances;

    public ListInstances(InstanceStore instances) {
        this.instances = instances;
    }

    public Listing<InstanceSummary> list(ListRequest request) {
        int maxResults = Lists.maxResults(request, DEFAULT_MAX_RESULTS, MAX_RESULTS, ErrorType.INVALID_REQUEST);
        String resumeAfter = PageTokens.resumeAfter(SCOPE, request.nextToken(), ErrorType.INVALID_REQUEST);
        ListPage<InstanceSummary> page = instances.listInstances(resumeAfter, maxResults);
        return new Listing<>(page.items(), PageTokens.issue(SCOPE, page.resumeAfter()));
    }
}
