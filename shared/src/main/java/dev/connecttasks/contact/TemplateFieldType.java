package dev.connecttasks.contact;

/**
 * The model's TaskTemplateFieldType values. NAME, DESCRIPTION, SCHEDULED_TIME and EXPIRY_DURATION fill
 * the task's own members; the custom types become a reference of their {@link #referenceType()};
 * QUICK_CONNECT and SELF_ASSIGN are kept and shown but do nothing here (no quick connects, no agents).
 */
public enum TemplateFieldType {
    NAME(null),
    DESCRIPTION(null),
    SCHEDULED_TIME(null),
    QUICK_CONNECT(null),
    URL(ReferenceType.URL),
    NUMBER(ReferenceType.NUMBER),
    TEXT(ReferenceType.STRING),
    TEXT_AREA(ReferenceType.STRING),
    DATE_TIME(ReferenceType.DATE),
    BOOLEAN(ReferenceType.STRING),
    SINGLE_SELECT(ReferenceType.STRING),
    EMAIL(ReferenceType.EMAIL),
    SELF_ASSIGN(null),
    EXPIRY_DURATION(null);

    private final ReferenceType referenceType;

    TemplateFieldType(ReferenceType referenceType) {
        this.referenceType = referenceType;
    }

    /** The reference a custom field becomes on the task; null for the task's own members. */
    public ReferenceType referenceType() {
        return referenceType;
    }

    /** A type a template may hold at most one field of: it stands for one member of the task. */
    public boolean single() {
        return referenceType == null;
    }

    /** Whether this service acts on the field: not QUICK_CONNECT or SELF_ASSIGN. */
    public boolean supported() {
        return this != QUICK_CONNECT && this != SELF_ASSIGN;
    }

    /** The type with this wire name, or null. */
    public static TemplateFieldType of(String name) {
        for (TemplateFieldType type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return null;
    }
}
