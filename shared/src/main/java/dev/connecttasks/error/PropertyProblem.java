package dev.connecttasks.error;

/**
 * One entry of a PropertyValidationException's {@code PropertyList}: the property at fault (a path such
 * as {@code Fields[2].Id.Name}), why, and what to do about it. The message is never empty.
 */
public record PropertyProblem(String propertyPath, Reason reason, String message) {

    /** The model's PropertyValidationExceptionReason values. */
    public enum Reason {
        INVALID_FORMAT,
        UNIQUE_CONSTRAINT_VIOLATED,
        REFERENCED_RESOURCE_NOT_FOUND,
        RESOURCE_NAME_ALREADY_EXISTS,
        REQUIRED_PROPERTY_MISSING,
        NOT_SUPPORTED
    }

    public PropertyProblem {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a property problem needs a message: " + propertyPath);
        }
    }
}
