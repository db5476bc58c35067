package dev.connecttasks.contact;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What a contact must hold to match a SearchContacts request, beside its time range (docs/api.md,
 * "SearchContacts"). Absent criteria match every contact. Criteria about agents, transcripts and
 * routing steps match no contact: tasks here never reach an agent.
 */
public record SearchCriteria(
        Set<String> channels,
        Set<String> initiationMethods,
        Set<String> queueIds,
        boolean namesAgentsOrAnalysis,
        TextMatch name,
        Combined<KeyValues> attributes,
        Combined<KeyValues> segmentAttributes,
        TagFilter tags,
        Combined<TimeCondition> additionalTimeRanges,
        Set<String> activeRegions) {

    public static final SearchCriteria ANY = new SearchCriteria(
            null, null, null, false, null, null, null, null, null, null);

    /** How several conditions combine: all, any, or (for names) exact equality and none. */
    public enum MatchType { MATCH_ALL, MATCH_ANY, MATCH_EXACT, MATCH_NONE }

    /** Name search: each text is looked for in the name, ignoring case; MATCH_EXACT wants the whole name. */
    public record TextMatch(List<String> texts, MatchType matchType) {
        boolean matches(String name) {
            if (texts.isEmpty()) {
                return true;
            }
            String folded = name == null ? "" : name.toLowerCase(Locale.ROOT);
            Predicate<String> found = text -> folded.contains(text.toLowerCase(Locale.ROOT));
            return switch (matchType) {
                case MATCH_ALL -> texts.stream().allMatch(found);
                case MATCH_ANY -> texts.stream().anyMatch(found);
                case MATCH_NONE -> texts.stream().noneMatch(found);
                case MATCH_EXACT -> texts.stream().anyMatch(text -> text.equals(name));
            };
        }
    }

    /** Conditions combined by MATCH_ALL or MATCH_ANY. */
    public record Combined<T>(List<T> conditions, MatchType matchType) {
        boolean matches(Predicate<T> holds) {
            Stream<T> each = conditions.stream();
            return matchType == MatchType.MATCH_ANY ? each.anyMatch(holds) : each.allMatch(holds);
        }
    }

    /**
     * A key whose value must be one of the values (no values: the key must be present). For segment
     * attributes the values are the JSON of a {@code ValueString} union, as the contact keeps them.
     */
    public record KeyValues(String key, List<String> values) {
        boolean matches(Map<String, String> entries) {
            String value = entries.get(key);
            return value != null && (values.isEmpty() || values.contains(value));
        }
    }

    /** A contact's timestamp within a range, or (range null) the contact lacking it. */
    public record TimeCondition(ContactTimestamp timestamp, Instant start, Instant end) {
        boolean matches(Contact contact) {
            Instant value = timestamp.of(contact);
            if (start == null) {
                return value == null;
            }
            return value != null && !value.isBefore(start) && !value.isAfter(end);
        }
    }

    /**
     * Tag conditions: a tag is a key with a value (null: any value). Every group given must hold: the
     * AND list in full, one of the OR lists in full, and the single condition.
     */
    public record TagFilter(List<List<Map.Entry<String, String>>> orConditions,
                            List<Map.Entry<String, String>> andConditions,
                            Map.Entry<String, String> tagCondition) {
        boolean matches(Map<String, String> tags) {
            Predicate<Map.Entry<String, String>> tagged = tag -> tags.containsKey(tag.getKey())
                    && (tag.getValue() == null || tag.getValue().equals(tags.get(tag.getKey())));
            return (orConditions == null || orConditions.stream().anyMatch(all -> all.stream().allMatch(tagged)))
                    && (andConditions == null || andConditions.stream().allMatch(tagged))
                    && (tagCondition == null || tagged.test(tagCondition));
        }
    }

    /** Whether the contact, a task of this service in {@code region}, meets every criterion given. */
    public boolean matches(Contact contact, String region) {
        return !namesAgentsOrAnalysis
                && (channels == null || channels.contains("TASK"))
                && (activeRegions == null || activeRegions.contains(region))
                && (initiationMethods == null || initiationMethods.contains(contact.initiationMethod()))
                && (queueIds == null || contact.queue() != null && queueIds.contains(contact.queue().queueId()))
                && (name == null || name.matches(contact.name()))
                && (attributes == null || attributes.matches(condition -> condition.matches(contact.attributes())))
                && (segmentAttributes == null || segmentAttributes.matches(
                        condition -> condition.matches(contact.segmentAttributes().values())))
                && (tags == null || tags.matches(contact.tags()))
                && (additionalTimeRanges == null || additionalTimeRanges.matches(condition -> condition.matches(contact)));
    }
}
