package dev.connecttasks.contact;

import static dev.connecttasks.error.ApiException.invalidParameter;

import java.time.Duration;
import java.time.Instant;

/**
 * A SearchContacts request: the time range it reads, the criteria contacts in it must meet, the order
 * and the page. {@code criteriaHash} identifies everything but the page (a NextToken belongs to it).
 */
public record SearchRequest(
        String instanceId,
        ContactTimestamp rangeType,
        Instant start,
        Instant end,
        SearchCriteria criteria,
        String sortField,
        boolean ascending,
        int maxResults,
        String nextToken,
        String criteriaHash) {
    /** Amazon Connect's admin site searches at most 8 weeks at a time; so do we. */
    public static final Duration MAX_RANGE = Duration.ofDays(56);
    public static final int DEFAULT_MAX_RESULTS = 100;
    /** TotalCount counts at most this many matches; beyond it, only these are sorted and paged. */
    public static final int MAX_COUNTED = 10_000;

    /** The value rules; the wire parser has already checked types and enum values. */
    public SearchRequest {
        ContactRules.checkRequestLength("InstanceId", instanceId, 100);
        if (rangeType == ContactTimestamp.EXPIRY_TIMESTAMP) {
            throw invalidParameter("TimeRange Type must be one of the SearchContactsTimeRangeType values.");
        }
        if (start.isAfter(end)) {
            throw invalidParameter("TimeRange StartTime must not be after its EndTime.");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw invalidParameter("TimeRange must span at most " + MAX_RANGE.toDays() / 7 + " weeks; search a shorter range.");
        }
        if (maxResults < 1 || maxResults > 100) {
            throw invalidParameter("MaxResults must be between 1 and 100.");
        }
    }
}
