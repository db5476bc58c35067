package dev.connecttasks.contact;

import static dev.connecttasks.error.ApiException.invalidRequest;

import dev.connecttasks.error.ApiException;
import dev.connecttasks.error.PropertyProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A StartTaskContact request that names a task template, filled from it: the template's flow runs; each
 * absent field takes the template's default (NAME the task's Name, DESCRIPTION its Description,
 * EXPIRY_DURATION its {@code connect:ContactExpiry}, each custom field a reference of its type); what the
 * request gives itself wins; every required field still missing is one entry of one
 * PropertyValidationException.
 */
public final class TemplatedTask {
    private TemplatedTask() {
    }

    public static TaskRequest fill(TaskRequest task, TaskTemplate template) {
        if (!template.active()) {
            throw invalidRequest("TaskTemplateId " + template.id() + " is INACTIVE; tasks start only from an ACTIVE"
                    + " template (UpdateTaskTemplate with Status ACTIVE).");
        }
        if (template.contactFlowId() == null) {
            throw invalidRequest("TaskTemplateId " + template.id() + " names no ContactFlowId, so no flow could run the"
                    + " task; give the template a ContactFlowId.");
        }
        String name = task.name();
        String description = task.description();
        Map<String, Reference> references = new HashMap<>(task.references());
        SegmentAttributes segmentAttributes = task.segmentAttributes();
        for (TaskTemplate.Field field : template.fields()) {
            String defaultValue = template.defaultOf(field.name()).orElse(null);
            if (defaultValue == null) {
                continue;
            }
            TemplateFieldType type = field.fieldType();
            if (type == TemplateFieldType.NAME && name == null) {
                name = defaultValue;
            } else if (type == TemplateFieldType.DESCRIPTION && description == null) {
                description = defaultValue;
            } else if (type == TemplateFieldType.EXPIRY_DURATION && segmentAttributes.expiryMinutes() == null) {
                segmentAttributes = withExpiry(segmentAttributes, TaskTemplateRules.expiryMinutes(defaultValue));
            } else if (type.referenceType() != null) {
                references.putIfAbsent(field.name(), new Reference(type.referenceType(), defaultValue));
            }
        }
        List<PropertyProblem> missing = new ArrayList<>();
        for (TaskTemplate.Field field : template.fields()) {
            if (!template.required(field.name())) {
                continue;
            }
            TemplateFieldType type = field.fieldType();
            String where = switch (type) {
                case NAME -> name == null ? "Name" : null;
                case DESCRIPTION -> description == null ? "Description" : null;
                case SCHEDULED_TIME -> task.scheduledTime() == null ? "ScheduledTime" : null;
                case EXPIRY_DURATION -> segmentAttributes.expiryMinutes() == null
                        ? "SegmentAttributes." + SegmentAttributes.EXPIRY_KEY : null;
                case QUICK_CONNECT, SELF_ASSIGN -> null;
                default -> references.containsKey(field.name()) ? null : "References." + field.name();
            };
            if (where != null) {
                missing.add(new PropertyProblem(where, PropertyProblem.Reason.REQUIRED_PROPERTY_MISSING, "Field '"
                        + field.name() + "' (" + type + ") of task template '" + template.name() + "' is required: give "
                        + (type.referenceType() != null ? "References '" + field.name() + "' of type " + type.referenceType()
                        : where) + ", or give the field a default in the template."));
            }
        }
        if (!missing.isEmpty()) {
            throw ApiException.propertyValidation(missing);
        }
        return task.filled(template.contactFlowId(), name, description, references, segmentAttributes);
    }

    private static SegmentAttributes withExpiry(SegmentAttributes attributes, int minutes) {
        Map<String, String> values = new HashMap<>(attributes.values());
        values.put(SegmentAttributes.EXPIRY_KEY, "{\"ValueMap\":{\"ExpiryDuration\":{\"ValueInteger\":" + minutes + "}}}");
        return new SegmentAttributes(values, minutes);
    }
}
