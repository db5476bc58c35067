package dev.connecttasks.contact;

import java.util.function.Predicate;

/**
 * Every reference type of the Connect model. Only the five with a value rule can be written by
 * StartTaskContact and UpdateContact; the rest are known (so ListContactReferences accepts them as
 * filters) but output-only.
 */
public enum ReferenceType {
    URL("Url", "an absolute http or https URL", ReferenceValues::isHttpUrl),
    NUMBER("Number", "a decimal number", ReferenceValues::isDecimalNumber),
    STRING("String", "a string", value -> true),
    DATE("Date", "a time in epoch seconds", ReferenceValues::isEpochSeconds),
    EMAIL("Email", "an email address", ReferenceValues::isEmailAddress),
    ATTACHMENT("Attachment"),
    CONTACT_ANALYSIS(null),
    EMAIL_MESSAGE("EmailMessage"),
    EMAIL_MESSAGE_REDACTED("EmailMessageRedacted"),
    EMAIL_MESSAGE_PLAIN_TEXT("EmailMessagePlainText"),
    EMAIL_MESSAGE_PLAIN_TEXT_REDACTED("EmailMessagePlainTextRedacted");

    private final String unionMember;
    private final String valueDescription;
    private final Predicate<String> valueRule;

    ReferenceType(String unionMember) {
        this(unionMember, null, null);
    }

    ReferenceType(String unionMember, String valueDescription, Predicate<String> valueRule) {
        this.unionMember = unionMember;
        this.valueDescription = valueDescription;
        this.valueRule = valueRule;
    }

    /** The member of the {@code ReferenceSummary} union that carries a reference of this type. */
    public String unionMember() {
        return unionMember;
    }

    public boolean writable() {
        return valueRule != null;
    }

    public boolean accepts(String value) {
        return valueRule != null && valueRule.test(value);
    }

    public String valueDescription() {
        return valueDescription;
    }

    /** The type with this wire name, or null when the name is not one of the model's enum values. */
    public static ReferenceType fromWire(String name) {
        for (ReferenceType type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return null;
    }
}
