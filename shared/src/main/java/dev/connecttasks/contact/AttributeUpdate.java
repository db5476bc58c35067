package dev.connecttasks.contact;

import java.util.Map;

/** The members of an UpdateContactAttributes request: the contact (any of its chain) and what to merge. */
public record AttributeUpdate(ContactKey key, Map<String, String> attributes) {

    public AttributeUpdate {
        attributes = Map.copyOf(attributes);
    }
}
