package dev.connecttasks.operation;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactTimestamp;
import dev.connecttasks.contact.SearchRequest;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.operation.port.ContactSearchIndex;
import dev.connecttasks.operation.port.InstanceStore;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/**
 * SearchContacts: the matches in a time range, counted (at most {@link SearchRequest#MAX_COUNTED}),
 * sorted and paged. A page starts after the sort key its NextToken carries ({@link PageTokens}, bound
 * to the whole search: instance, range, criteria and sort), so contacts added between pages never shift a
 * page: each match is seen once.
 */
public final class SearchContacts {
    private final ContactSearchIndex index;
    private final InstanceStore instances;
    private final String region;
    private final Clock clock;

    /** One page of matches, how many matches there are (at most the count limit) and the next page's token. */
    public record Page(List<Contact> contacts, long totalCount, String nextToken) {
    }

    public SearchContacts(ContactSearchIndex index, InstanceStore instances, String region, Clock clock) {
        this.index = index;
        this.instances = instances;
        this.region = region;
        this.clock = clock;
    }

    public Page search(SearchRequest request) {
        String scope = "SearchContacts " + request.criteriaHash();
        String resumeAfter = PageTokens.resumeAfter(scope, request.nextToken(), ErrorType.INVALID_PARAMETER, "NextToken");
        SearchOrder.Key after = resumeAfter == null ? null : SearchOrder.Key.decoded(resumeAfter);
        List<Contact> matches = request.rangeType() == ContactTimestamp.CONNECTED_TO_AGENT_TIMESTAMP
                ? List.of()
                : index.inRange(request.instanceId(), request.rangeType(), request.start(), request.end(), request.ascending(),
                        contact -> request.criteria().matches(contact, region), SearchRequest.MAX_COUNTED, Clocks.now(clock));
        if (matches.isEmpty() && instances.findInstance(request.instanceId()).isEmpty()) {
            throw NotFound.instance(request.instanceId());
        }
        SearchOrder order = new SearchOrder(request.sortField(), request.rangeType(), request.ascending());
        Comparator<SearchOrder.Key> byKey = order.comparator();
        List<Contact> remaining = matches.stream()
                .filter(contact -> after == null || byKey.compare(order.key(contact), after) > 0)
                .sorted(Comparator.comparing(order::key, byKey))
                .toList();
        List<Contact> page = remaining.subList(0, Math.min(request.maxResults(), remaining.size()));
        String nextToken = remaining.size() > page.size()
                ? PageTokens.issue(scope, order.key(page.get(page.size() - 1)).encoded())
                : null;
        return new Page(page, matches.size(), nextToken);
    }
}
