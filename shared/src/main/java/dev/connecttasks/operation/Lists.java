package dev.connecttasks.operation;

import dev.connecttasks.error.ApiException;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.instance.ListRequest;
import dev.connecttasks.instance.Listing;
import dev.connecttasks.operation.port.InstanceStore;
import dev.connecttasks.operation.port.ListPage;
import java.util.function.BiFunction;

/**
 * What the List operations share: the maxResults rule, the tamper-checked NextToken, and for a listing
 * inside an instance, ResourceNotFoundException when the instance does not exist (checked only when
 * a first page comes back empty: an instance has its BasicQueue, and a token was issued for an instance
 * that existed, so a listing that finds anything needs no second read).
 */
final class Lists {
    private Lists() {
    }

    static int maxResults(ListRequest request, int defaultMax, int max, ErrorType error) {
        int maxResults = request.maxResults() == null ? defaultMax : request.maxResults();
        if (maxResults < 1 || maxResults > max) {
            throw new ApiException(error, "maxResults must be between 1 and " + max + ".");
        }
        return maxResults;
    }

    /** One page of a listing inside the request's instance; {@code page} reads it from (resume after, max results). */
    static <T> Listing<T> inInstance(String operation, ListRequest request, int maxResults, InstanceStore instances,
            BiFunction<String, Integer, ListPage<T>> page) {
        String scope = operation + "/" + request.instanceId();
        String resumeAfter = PageTokens.resumeAfter(scope, request.nextToken(), ErrorType.INVALID_PARAMETER);
        ListPage<T> listed = page.apply(resumeAfter, maxResults);
        if (resumeAfter == null && listed.items().isEmpty() && instances.findInstance(request.instanceId()).isEmpty()) {
            throw NotFound.instance(request.instanceId());
        }
        return new Listing<>(listed.items(), PageTokens.issue(scope, listed.resumeAfter()));
    }
}
