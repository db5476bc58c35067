package dev.connecttasks.http;

import static dev.connecttasks.error.ApiException.invalidParameter;
import static dev.connecttasks.error.ApiException.invalidRequest;

import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.contact.ContactTimestamp;
import dev.connecttasks.contact.SearchCriteria;
import dev.connecttasks.contact.SearchCriteria.Combined;
import dev.connecttasks.contact.SearchCriteria.KeyValues;
import dev.connecttasks.contact.SearchCriteria.MatchType;
import dev.connecttasks.contact.SearchCriteria.TagFilter;
import dev.connecttasks.contact.SearchCriteria.TextMatch;
import dev.connecttasks.contact.SearchCriteria.TimeCondition;
import dev.connecttasks.contact.SearchRequest;
import dev.connecttasks.json.Json;
import java.time.Instant;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads {@code POST /search-contacts} (docs/api.md, "SearchContacts"). */
public final class SearchRequests {
    private static final Set<String> RANGE_TYPES = Set.of("INITIATION_TIMESTAMP", "SCHEDULED_TIMESTAMP",
            "CONNECTED_TO_AGENT_TIMESTAMP", "DISCONNECT_TIMESTAMP", "ENQUEUE_TIMESTAMP");
    private static final Set<String> SORT_FIELDS = Set.of("INITIATION_TIMESTAMP", "SCHEDULED_TIMESTAMP",
            "CONNECTED_TO_AGENT_TIMESTAMP", "DISCONNECT_TIMESTAMP", "INITIATION_METHOD", "CHANNEL", "EXPIRY_TIMESTAMP");
    private static final Set<String> CHANNELS = Set.of("VOICE", "CHAT", "TASK", "EMAIL");
    private static final Set<String> INITIATION_METHODS = Set.of("INBOUND", "OUTBOUND", "TRANSFER", "QUEUE_TRANSFER",
            "CALLBACK", "API", "DISCONNECT", "MONITOR", "EXTERNAL_OUTBOUND", "WEBRTC_API", "AGENT_REPLY", "FLOW");
    private static final Set<String> MATCH_TYPES = Arrays.stream(MatchType.values()).map(Enum::name).collect(Collectors.toSet());
    private static final Set<String> COMBINING = Set.of("MATCH_ALL", "MATCH_ANY");
    /** The members a NextToken does not bind: the page, not the search. */
    private static final Set<String> PAGE_MEMBERS = Set.of("NextToken", "MaxResults");

    private SearchRequests() {
    }

    public static SearchRequest searchContacts(ApiRequest request) {
        JsonBody body = request.body();
        String instanceId = body.requiredString("InstanceId");
        JsonBody range = required(body, "TimeRange");
        ContactTimestamp rangeType = ContactTimestamp.valueOf(range.requiredEnumValue("Type", RANGE_TYPES));
        JsonBody sort = body.nested("Sort");
        String sortField = sort == null ? rangeType.name() : sort.requiredEnumValue("FieldName", SORT_FIELDS);
        boolean ascending = sort != null && sort.requiredEnumValue("Order", Set.of("ASCENDING", "DESCENDING")).equals("ASCENDING");
        Integer maxResults = body.integer("MaxResults");
        String nextToken = body.string("NextToken");
        if (nextToken != null && (nextToken.isEmpty() || nextToken.length() > 100_000)) {
            throw invalidParameter("NextToken must have a length between 1 and 100000 characters.");
        }
        JsonBody criteria = body.nested("SearchCriteria");
        return new SearchRequest(instanceId, rangeType, range.requiredTimestamp("StartTime"), range.requiredTimestamp("EndTime"),
                criteria == null ? SearchCriteria.ANY : criteria(criteria), sortField, ascending,
                maxResults == null ? SearchRequest.DEFAULT_MAX_RESULTS : maxResults, nextToken,
                body.digestWithout(PAGE_MEMBERS));
    }

    private static SearchCriteria criteria(JsonBody criteria) {
        JsonBody hierarchy = criteria.nested("AgentHierarchyGroups");
        JsonBody analysis = criteria.nested("ContactAnalysis");
        JsonBody transcript = analysis == null ? null : analysis.nested("Transcript");
        JsonBody routing = criteria.nested("RoutingCriteria");
        boolean namesAgentsOrAnalysis = present(criteria.stringList("AgentIds"))
                || hierarchy != null && List.of("L1Ids", "L2Ids", "L3Ids", "L4Ids", "L5Ids").stream()
                        .anyMatch(level -> present(hierarchy.stringList(level)))
                || transcript != null && present(transcript.nestedList("Criteria"))
                || routing != null && present(routing.nestedList("Steps"));
        checkMax("QueueIds", criteria.stringList("QueueIds"), 100);
        return new SearchCriteria(
                enumSet(criteria, "Channels", CHANNELS),
                enumSet(criteria, "InitiationMethods", INITIATION_METHODS),
                stringSet(criteria.stringList("QueueIds")),
                namesAgentsOrAnalysis,
                name(criteria.nested("Name")),
                keyValues(criteria.nested("SearchableContactAttributes"), "SearchableContactAttributes", 100, 100, value -> value),
                keyValues(criteria.nested("SearchableSegmentAttributes"), "SearchableSegmentAttributes", 64, 128,
                        value -> Json.write(Json.object().put("ValueString", value))),
                tags(criteria.nested("ContactTags")),
                timeRanges(criteria.nested("AdditionalTimeRange")),
                stringSet(criteria.stringList("ActiveRegions")));
    }

    private static TextMatch name(JsonBody name) {
        if (name == null) {
            return null;
        }
        List<String> texts = requiredList(name.stringList("SearchText"), "Name SearchText");
        checkMax("Name SearchText", texts, 100);
        texts.forEach(text -> ContactRules.checkLength("Name SearchText", text, 0, 128));
        return new TextMatch(texts, MatchType.valueOf(name.requiredEnumValue("MatchType", MATCH_TYPES)));
    }

    private static Combined<KeyValues> keyValues(JsonBody search, String member, int maxKey, int maxValue,
                                                 Function<String, String> stored) {
        if (search == null) {
            return null;
        }
        List<JsonBody> criteria = requiredList(search.nestedList("Criteria"), member + " Criteria");
        checkMax(member + " Criteria", criteria, 15);
        List<KeyValues> conditions = new ArrayList<>();
        for (JsonBody criterion : criteria) {
            String key = criterion.requiredString("Key");
            ContactRules.checkLength(member + " Key", key, 1, maxKey);
            List<String> values = requiredList(criterion.stringList("Values"), member + " Values");
            checkMax(member + " Values", values, 20);
            values.forEach(value -> ContactRules.checkLength(member + " Values", value, 0, maxValue));
            conditions.add(new KeyValues(key, values.stream().map(stored).toList()));
        }
        return new Combined<>(conditions, combining(search, member));
    }

    private static Combined<TimeCondition> timeRanges(JsonBody additional) {
        if (additional == null) {
            return null;
        }
        List<TimeCondition> conditions = new ArrayList<>();
        for (JsonBody criterion : requiredList(additional.nestedList("Criteria"), "AdditionalTimeRange Criteria")) {
            JsonBody range = criterion.nested("TimeRange");
            JsonBody condition = criterion.nested("TimestampCondition");
            if ((range == null) == (condition == null)) {
                throw invalidParameter("Each AdditionalTimeRange Criteria entry must have exactly one of TimeRange and TimestampCondition.");
            }
            if (range != null) {
                Instant start = range.requiredTimestamp("StartTime");
                Instant end = range.requiredTimestamp("EndTime");
                if (start.isAfter(end)) {
                    throw invalidParameter("AdditionalTimeRange TimeRange StartTime must not be after its EndTime.");
                }
                conditions.add(new TimeCondition(ContactTimestamp.valueOf(range.requiredEnumValue("Type", RANGE_TYPES)), start, end));
            } else {
                condition.requiredEnumValue("ConditionType", Set.of("NOT_EXISTS"));
                conditions.add(new TimeCondition(ContactTimestamp.valueOf(condition.requiredEnumValue("Type", RANGE_TYPES)), null, null));
            }
        }
        additional.requiredEnumValue("MatchType", MATCH_TYPES);
        return new Combined<>(conditions, combining(additional, "AdditionalTimeRange"));
    }

    private static TagFilter tags(JsonBody filter) {
        if (filter == null) {
            return null;
        }
        List<List<Map.Entry<String, String>>> orConditions = null;
        if (filter.has("OrConditions")) {
            orConditions = new ArrayList<>();
            for (List<JsonBody> group : filter.nestedLists("OrConditions")) {
                orConditions.add(group.stream().map(SearchRequests::tag).toList());
            }
        }
        List<JsonBody> and = filter.nestedList("AndConditions");
        JsonBody single = filter.nested("TagCondition");
        return new TagFilter(orConditions, and == null ? null : and.stream().map(SearchRequests::tag).toList(),
                single == null ? null : tag(single));
    }

    private static Map.Entry<String, String> tag(JsonBody condition) {
        String key = condition.string("TagKey");
        if (key == null) {
            throw invalidParameter("ContactTags conditions must name a TagKey.");
        }
        return new SimpleImmutableEntry<>(key, condition.string("TagValue"));
    }

    private static MatchType combining(JsonBody search, String member) {
        String matchType = search.enumValue("MatchType", MATCH_TYPES);
        if (matchType != null && !COMBINING.contains(matchType)) {
            throw invalidParameter(member + " MatchType must be MATCH_ALL or MATCH_ANY.");
        }
        return matchType == null ? MatchType.MATCH_ALL : MatchType.valueOf(matchType);
    }

    private static JsonBody required(JsonBody body, String member) {
        JsonBody nested = body.nested(member);
        if (nested == null) {
            throw invalidRequest(member + " is required.");
        }
        return nested;
    }

    private static <T> List<T> requiredList(List<T> list, String member) {
        if (list == null) {
            throw invalidRequest(member + " is required.");
        }
        return list;
    }

    private static Set<String> enumSet(JsonBody criteria, String member, Set<String> values) {
        List<String> given = criteria.stringList(member);
        if (given != null && !values.containsAll(given)) {
            throw invalidRequest(member + " values must be among " + new TreeSet<>(values) + ".");
        }
        return stringSet(given);
    }

    private static Set<String> stringSet(List<String> values) {
        return present(values) ? new LinkedHashSet<>(values) : null;
    }

    private static boolean present(List<?> values) {
        return values != null && !values.isEmpty();
    }

    private static void checkMax(String member, List<?> values, int max) {
        if (values != null && values.size() > max) {
            throw invalidParameter(member + " must have at most " + max + " entries.");
        }
    }
}
