package dev.connecttasks.contact;

import static dev.connecttasks.error.PropertyProblem.Reason.INVALID_FORMAT;
import static dev.connecttasks.error.PropertyProblem.Reason.NOT_SUPPORTED;
import static dev.connecttasks.error.PropertyProblem.Reason.REFERENCED_RESOURCE_NOT_FOUND;
import static dev.connecttasks.error.PropertyProblem.Reason.REQUIRED_PROPERTY_MISSING;
import static dev.connecttasks.error.PropertyProblem.Reason.UNIQUE_CONSTRAINT_VIOLATED;

import dev.connecttasks.error.PropertyProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of a task template (docs/api.md, "Task templates"). {@link #problems} finds every broken
 * rule at once, so a request's answer lists them all; the operations add what needs a read (the flow).
 */
public final class TaskTemplateRules {
    public static final int MAX_TEMPLATES_PER_INSTANCE = 50;
    public static final int MAX_FIELDS = 50;
    private static final int MAX_NAME = 100;
    private static final int MAX_DESCRIPTION = 255;
    private static final int MAX_DEFAULT_VALUE = 4_096;
    private static final int MAX_TASK_NAME = 1_024;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}");

    private TaskTemplateRules() {
    }

    /**
     * Every rule {@code template} breaks, after the {@code found} problems (the wire parser's): names and
     * lengths, the fields and their types, the constraints and defaults naming fields of the template.
     * A property the parser already reported is not reported again.
     */
    public static List<PropertyProblem> problems(TaskTemplate template, String clientToken, boolean selfAssignFlowIdGiven,
            List<PropertyProblem> found) {
        Problems problems = new Problems(found);
        problems.length("Name", template.name(), 1, MAX_NAME, true);
        problems.length("Description", template.description(), 1, MAX_DESCRIPTION, false);
        problems.length("ContactFlowId", template.contactFlowId(), 1, 500, false);
        problems.length("ClientToken", clientToken, 1, 500, false);
        if (template.status() != null && !TaskTemplate.STATUSES.contains(template.status())) {
            problems.add("Status", INVALID_FORMAT, "Status must be ACTIVE or INACTIVE.");
        }
        if (selfAssignFlowIdGiven) {
            problems.add("SelfAssignFlowId", NOT_SUPPORTED, "SelfAssignFlowId is not supported by this service"
                    + " (there are no agents to self-assign); leave it out.");
        }
        Map<String, TaskTemplate.Field> fields = fields(template.fields(), problems);
        constraints(template.constraints(), fields, problems);
        defaults(template.defaults(), fields, problems);
        return problems.list;
    }

    private static Map<String, TaskTemplate.Field> fields(List<TaskTemplate.Field> fields, Problems problems) {
        Map<String, TaskTemplate.Field> byName = new HashMap<>();
        if (fields.isEmpty()) {
            problems.add("Fields", REQUIRED_PROPERTY_MISSING, "Fields is required: give at least the one field of type NAME.");
            return byName;
        }
        if (fields.size() > MAX_FIELDS) {
            problems.add("Fields", INVALID_FORMAT, "A template has at most " + MAX_FIELDS + " fields; this one has "
                    + fields.size() + ".");
        }
        Map<TemplateFieldType, Integer> counts = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            TaskTemplate.Field field = fields.get(i);
            String path = "Fields[" + i + "]";
            if (problems.length(path + ".Id.Name", field.name(), 1, MAX_NAME, true)) {
                if (byName.putIfAbsent(field.name(), field) != null) {
                    problems.add(path + ".Id.Name", UNIQUE_CONSTRAINT_VIOLATED, "Field names must be unique in a"
                            + " template; '" + field.name() + "' is used twice.");
                }
            }
            problems.length(path + ".Description", field.description(), 1, MAX_DESCRIPTION, false);
            TemplateFieldType type = TemplateFieldType.of(field.type());
            if (field.type() == null) {
                problems.missing(path + ".Type", "Type is required: one of " + List.of(TemplateFieldType.values()) + ".");
            } else if (type == null) {
                problems.add(path + ".Type", INVALID_FORMAT, "Type must be one of " + List.of(TemplateFieldType.values())
                        + ", not '" + field.type() + "'.");
            } else {
                counts.merge(type, 1, Integer::sum);
                if (type.single() && counts.get(type) == 2) {
                    problems.add(path + ".Type", UNIQUE_CONSTRAINT_VIOLATED, "A template has at most one field of type "
                            + type + (type == TemplateFieldType.NAME ? " (exactly one)." : "."));
                }
            }
            options(path, field, type, problems);
        }
        if (!counts.containsKey(TemplateFieldType.NAME)) {
            problems.add("Fields", REQUIRED_PROPERTY_MISSING, "A template needs exactly one field of type NAME (the"
                    + " task's name); add one and list it in Constraints.RequiredFields.");
        }
        return byName;
    }

    private static void options(String path, TaskTemplate.Field field, TemplateFieldType type, Problems problems) {
        List<String> options = field.singleSelectOptions();
        if (type != TemplateFieldType.SINGLE_SELECT) {
            if (options != null) {
                problems.add(path + ".SingleSelectOptions", INVALID_FORMAT,
                        "Only a field of type SINGLE_SELECT has SingleSelectOptions; remove them.");
            }
            return;
        }
        if (options == null || options.isEmpty()) {
            problems.missing(path + ".SingleSelectOptions", "A SINGLE_SELECT field needs SingleSelectOptions: at least one.");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < options.size(); j++) {
            String option = options.get(j);
            String optionPath = path + ".SingleSelectOptions[" + j + "]";
            if (problems.length(optionPath, option, 1, MAX_NAME, true) && !seen.add(option)) {
                problems.add(optionPath, UNIQUE_CONSTRAINT_VIOLATED, "Option '" + option + "' is listed twice.");
            }
        }
    }

    private static void constraints(TaskTemplate.Constraints constraints, Map<String, TaskTemplate.Field> fields,
            Problems problems) {
        if (constraints == null) {
            problems.missing("Constraints", "Constraints is required: list at least the NAME field in RequiredFields.");
            return;
        }
        constraintList("Constraints.RequiredFields", constraints.required(), fields, problems);
        constraintList("Constraints.ReadOnlyFields", constraints.readOnly(), fields, problems);
        constraintList("Constraints.InvisibleFields", constraints.invisible(), fields, problems);
        for (TaskTemplate.Field field : fields.values()) {
            TemplateFieldType type = field.fieldType();
            if (type == TemplateFieldType.NAME && !constraints.required().contains(field.name())) {
                problems.add("Constraints.RequiredFields", REQUIRED_PROPERTY_MISSING, "The NAME field '" + field.name()
                        + "' must be required: list it in Constraints.RequiredFields.");
            }
        }
        List<String> required = constraints.required();
        for (int i = 0; i < required.size(); i++) {
            TaskTemplate.Field field = required.get(i) == null ? null : fields.get(required.get(i));
            if (field != null && field.fieldType() != null && !field.fieldType().supported()) {
                problems.add("Constraints.RequiredFields[" + i + "].Id.Name", NOT_SUPPORTED, "A " + field.fieldType()
                        + " field cannot be required here: no request could fill it.");
            }
        }
    }

    private static void constraintList(String path, List<String> names, Map<String, TaskTemplate.Field> fields,
            Problems problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String namePath = path + "[" + i + "].Id.Name";
            if (!problems.length(namePath, name, 1, MAX_NAME, true)) {
                continue;
            }
            if (!fields.containsKey(name)) {
                problems.add(namePath, REFERENCED_RESOURCE_NOT_FOUND, "'" + name + "' is not a field of this template;"
                        + " name one of its Fields.");
            } else if (!seen.add(name)) {
                problems.add(namePath, UNIQUE_CONSTRAINT_VIOLATED, "'" + name + "' is listed twice.");
            }
        }
    }

    private static void defaults(List<TaskTemplate.Default> defaults, Map<String, TaskTemplate.Field> fields,
            Problems problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < defaults.size(); i++) {
            TaskTemplate.Default value = defaults.get(i);
            String path = "Defaults.DefaultFieldValues[" + i + "]";
            if (!problems.length(path + ".Id.Name", value.fieldName(), 1, MAX_NAME, true)) {
                continue;
            }
            TaskTemplate.Field field = fields.get(value.fieldName());
            if (field == null) {
                problems.add(path + ".Id.Name", REFERENCED_RESOURCE_NOT_FOUND, "'" + value.fieldName()
                        + "' is not a field of this template; name one of its Fields.");
                continue;
            }
            if (!seen.add(value.fieldName())) {
                problems.add(path + ".Id.Name", UNIQUE_CONSTRAINT_VIOLATED, "Field '" + value.fieldName()
                        + "' has more than one default.");
                continue;
            }
            if (problems.length(path + ".DefaultValue", value.value(), 0, MAX_DEFAULT_VALUE, true)
                    && field.fieldType() != null) {
                String wrong = defaultProblem(field, value.value());
                if (wrong != null) {
                    problems.add(path + ".DefaultValue", field.fieldType().supported()
                            && field.fieldType() != TemplateFieldType.SCHEDULED_TIME ? INVALID_FORMAT : NOT_SUPPORTED, wrong);
                }
            }
        }
    }

    /** What is wrong with {@code value} as the default of {@code field}, or null. */
    private static String defaultProblem(TaskTemplate.Field field, String value) {
        TemplateFieldType type = field.fieldType();
        String of = "The default of " + type + " field '" + field.name() + "' ";
        return switch (type) {
            case NAME -> value.isEmpty() || value.codePointCount(0, value.length()) > MAX_TASK_NAME
                    ? of + "is the task's Name: 1 to " + MAX_TASK_NAME + " characters." : null;
            case DESCRIPTION, TEXT, TEXT_AREA -> null;
            case URL, NUMBER, EMAIL, DATE_TIME -> type.referenceType().accepts(value) ? null
                    : of + "must be " + type.referenceType().valueDescription() + ", not '" + value + "'.";
            case BOOLEAN -> value.equals("true") || value.equals("false") ? null : of + "must be true or false.";
            case SINGLE_SELECT -> field.singleSelectOptions() != null && field.singleSelectOptions().contains(value)
                    ? null : of + "must be one of its SingleSelectOptions, not '" + value + "'.";
            case EXPIRY_DURATION -> expiryMinutes(value) != null ? null
                    : of + "is the task's expiry in whole minutes, " + SegmentAttributes.MIN_EXPIRY_MINUTES + " to "
                    + SegmentAttributes.MAX_EXPIRY_MINUTES + ", not '" + value + "'.";
            case SCHEDULED_TIME -> of + "is not supported: a fixed time would soon be past; give ScheduledTime in the request.";
            case QUICK_CONNECT, SELF_ASSIGN -> of + "is not supported by this service; leave it out.";
        };
    }

    /** The minutes of an EXPIRY_DURATION value, or null when it is not a whole number in range. */
    public static Integer expiryMinutes(String value) {
        if (value == null || !WHOLE_NUMBER.matcher(value).matches()) {
            return null;
        }
        int minutes = Integer.parseInt(value);
        return minutes >= SegmentAttributes.MIN_EXPIRY_MINUTES && minutes <= SegmentAttributes.MAX_EXPIRY_MINUTES
                ? minutes : null;
    }

    /** The problems found so far, and the paths the wire parser already reported. */
    private static final class Problems {
        private final List<PropertyProblem> list;
        private final Set<String> reported = new HashSet<>();

        Problems(List<PropertyProblem> found) {
            list = new ArrayList<>(found);
            found.forEach(problem -> reported.add(problem.propertyPath()));
        }

        void add(String path, PropertyProblem.Reason reason, String message) {
            if (!reported.contains(path)) {
                list.add(new PropertyProblem(path, reason, message));
            }
        }

        void missing(String path, String message) {
            add(path, REQUIRED_PROPERTY_MISSING, message);
        }

        /** Checks a length in characters; false when the value is missing (and required) or out of range. */
        boolean length(String path, String value, int min, int max, boolean required) {
            if (value == null) {
                if (required) {
                    missing(path, path + " is required.");
                }
                return false;
            }
            int length = value.codePointCount(0, value.length());
            if (length < min || length > max) {
                add(path, INVALID_FORMAT, path + " must have a length between " + min + " and " + max + " characters.");
                return false;
            }
            return true;
        }
    }
}
