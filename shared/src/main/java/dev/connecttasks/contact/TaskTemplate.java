package dev.connecttasks.contact;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A task template of an instance, as stored: the fields an agent or a StartTaskContact request fills,
 * their constraints and defaults, and the flow a task started from it runs. The lists are never null;
 * {@code constraints} is null only in a request that lacks it (a stored template always has them).
 */
public record TaskTemplate(
        String instanceId,
        String id,
        String name,
        String description,
        String contactFlowId,
        List<Field> fields,
        Constraints constraints,
        List<Default> defaults,
        String status,
        Instant createdAt,
        Instant lastModifiedAt) {
    public static final String ACTIVE = "ACTIVE";
    public static final String INACTIVE = "INACTIVE";
    public static final List<String> STATUSES = List.of(ACTIVE, INACTIVE);

    public TaskTemplate {
        fields = fields == null ? List.of() : List.copyOf(fields);
        defaults = defaults == null ? List.of() : List.copyOf(defaults);
    }

    /** One field; {@code type} is a {@link TemplateFieldType} name once the template is valid. */
    public record Field(String name, String description, String type, List<String> singleSelectOptions) {
        public Field {
            singleSelectOptions = singleSelectOptions == null ? null
                    : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(singleSelectOptions));
        }

        public TemplateFieldType fieldType() {
            return TemplateFieldType.of(type);
        }
    }

    /** The names of the fields each constraint applies to; a null list is an absent one. */
    public record Constraints(List<String> required, List<String> readOnly, List<String> invisible) {
        public static final Constraints NONE = new Constraints(List.of(), List.of(), List.of());

        public Constraints {
            required = required == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(required));
            readOnly = readOnly == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(readOnly));
            invisible = invisible == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(invisible));
        }
    }

    /** A field's default value. */
    public record Default(String fieldName, String value) {
    }

    /** What ListTaskTemplates shows of a template. */
    public record Summary(String id, String name, String description, String status, Instant createdAt,
            Instant lastModifiedAt) {
    }

    public boolean active() {
        return ACTIVE.equals(status);
    }

    public Optional<Field> field(String fieldName) {
        return fields.stream().filter(field -> field.name() != null && field.name().equals(fieldName)).findFirst();
    }

    public Optional<String> defaultOf(String fieldName) {
        return defaults.stream().filter(value -> fieldName.equals(value.fieldName())).map(Default::value).findFirst();
    }

    public boolean required(String fieldName) {
        return constraints != null && constraints.required().contains(fieldName);
    }

    public Summary summary() {
        return new Summary(id, name, description, status, createdAt, lastModifiedAt);
    }
}
