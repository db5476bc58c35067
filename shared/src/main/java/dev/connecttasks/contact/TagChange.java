package dev.connecttasks.contact;

import java.util.List;
import java.util.Map;

/** A TagContact (tags to add or replace) or an UntagContact (keys to remove) of one contact. */
public record TagChange(ContactKey key, Map<String, String> tags, List<String> removedKeys) {

    public TagChange {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        removedKeys = removedKeys == null ? List.of() : List.copyOf(removedKeys);
    }
}
