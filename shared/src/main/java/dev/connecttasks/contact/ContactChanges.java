package dev.connecttasks.contact;

import java.util.Map;

/**
 * The members of an UpdateContact request: name and description replace, references and segment
 * attributes merge by key.
 */
public record ContactChanges(String name, String description, Map<String, Reference> references,
        SegmentAttributes segmentAttributes) {

    public ContactChanges {
        references = references == null ? Map.of() : Map.copyOf(references);
        segmentAttributes = segmentAttributes == null ? SegmentAttributes.NONE : segmentAttributes;
    }

    public ContactChanges(String name, String description, Map<String, Reference> references) {
        this(name, description, references, SegmentAttributes.NONE);
    }

    public boolean isEmpty() {
        return name == null && description == null && references.isEmpty() && segmentAttributes.isEmpty();
    }

    /** Whether the change names a new expiry, which moves the expiry of a contact already started. */
    public boolean movesExpiry() {
        return segmentAttributes.expiryMinutes() != null;
    }
}
