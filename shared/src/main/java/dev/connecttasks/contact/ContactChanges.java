package dev.connecttasks.contact;

import java.util.Map;

/** The members of an UpdateContact request: name and description replace, references merge. */
public record ContactChanges(String name, String description, Map<String, Reference> references) {

    public ContactChanges {
        references = references == null ? Map.of() : Map.copyOf(references);
    }

    public boolean isEmpty() {
        return name == null && description == null && references.isEmpty();
    }
}
