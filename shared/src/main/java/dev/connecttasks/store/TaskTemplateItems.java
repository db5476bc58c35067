package dev.connecttasks.store;

import static dev.connecttasks.store.ItemValues.instant;
import static dev.connecttasks.store.ItemValues.millis;
import static dev.connecttasks.store.ItemValues.putIfPresent;
import static dev.connecttasks.store.ItemValues.s;
import static dev.connecttasks.store.ItemValues.string;

import dev.connecttasks.contact.TaskTemplate;
import dev.connecttasks.operation.port.TaskTemplateStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The item layout of task templates, in the contact table:
 * <ul>
 *   <li>template: {@code pk = "TT#" + instanceId}, {@code sk = templateId}: one partition per instance,
 *   so ListTaskTemplates is one Query of it (at most 50 items), never a Scan</li>
 *   <li>CreateTaskTemplate idempotency token: {@code pk = "TTT#" + clientToken}, {@code sk = instanceId}</li>
 *   <li>on the instance's item, {@code templates}: how many templates it has</li>
 * </ul>
 * The instance is part of the template's partition key, so no id can reach another instance's template.
 */
final class TaskTemplateItems {
    static final String TEMPLATE_COUNT = "templates";
    static final String NAME = "name";
    static final String DESCRIPTION = "description";
    static final String STATUS = "status";
    static final String CREATED_AT = "createdAt";
    static final String LAST_MODIFIED_AT = "lastModifiedAt";
    private static final String FLOW_ID = "flowId";
    private static final String FIELDS = "fields";
    private static final String FIELD_NAME = "name";
    private static final String FIELD_DESCRIPTION = "description";
    private static final String FIELD_TYPE = "type";
    private static final String FIELD_OPTIONS = "options";
    private static final String REQUIRED = "required";
    private static final String READ_ONLY = "readOnly";
    private static final String INVISIBLE = "invisible";
    private static final String DEFAULTS = "defaults";
    private static final String DEFAULT_VALUE = "value";

    private TaskTemplateItems() {
    }

    static String partition(String instanceId) {
        return "TT#" + instanceId;
    }

    static Map<String, AttributeValue> key(String instanceId, String templateId) {
        return Map.of(ContactItems.PK, s(partition(instanceId)), ContactItems.SK, s(templateId));
    }

    static Map<String, AttributeValue> tokenKey(String instanceId, String clientToken) {
        return Map.of(ContactItems.PK, s("TTT#" + clientToken), ContactItems.SK, s(instanceId));
    }

    static Map<String, AttributeValue> toItem(TaskTemplate template, long revision) {
        Map<String, AttributeValue> item = new HashMap<>(key(template.instanceId(), template.id()));
        item.put(ContactItems.REVISION, ItemValues.n(revision));
        item.put(NAME, s(template.name()));
        putIfPresent(item, DESCRIPTION, template.description());
        putIfPresent(item, FLOW_ID, template.contactFlowId());
        item.put(STATUS, s(template.status()));
        List<AttributeValue> fields = new ArrayList<>();
        for (TaskTemplate.Field field : template.fields()) {
            Map<String, AttributeValue> entry = new HashMap<>();
            entry.put(FIELD_NAME, s(field.name()));
            putIfPresent(entry, FIELD_DESCRIPTION, field.description());
            entry.put(FIELD_TYPE, s(field.type()));
            if (field.singleSelectOptions() != null) {
                entry.put(FIELD_OPTIONS, strings(field.singleSelectOptions()));
            }
            fields.add(AttributeValue.fromM(entry));
        }
        item.put(FIELDS, AttributeValue.fromL(fields));
        TaskTemplate.Constraints constraints = template.constraints();
        item.put(REQUIRED, strings(constraints.required()));
        item.put(READ_ONLY, strings(constraints.readOnly()));
        item.put(INVISIBLE, strings(constraints.invisible()));
        List<AttributeValue> defaults = new ArrayList<>();
        for (TaskTemplate.Default value : template.defaults()) {
            defaults.add(AttributeValue.fromM(Map.of(FIELD_NAME, s(value.fieldName()), DEFAULT_VALUE, s(value.value()))));
        }
        item.put(DEFAULTS, AttributeValue.fromL(defaults));
        item.put(CREATED_AT, millis(template.createdAt()));
        item.put(LAST_MODIFIED_AT, millis(template.lastModifiedAt()));
        return item;
    }

    static TaskTemplateStore.Versioned template(Map<String, AttributeValue> item) {
        List<TaskTemplate.Field> fields = new ArrayList<>();
        for (AttributeValue entry : item.get(FIELDS).l()) {
            Map<String, AttributeValue> field = entry.m();
            fields.add(new TaskTemplate.Field(string(field, FIELD_NAME), string(field, FIELD_DESCRIPTION),
                    string(field, FIELD_TYPE), field.containsKey(FIELD_OPTIONS) ? strings(field.get(FIELD_OPTIONS)) : null));
        }
        List<TaskTemplate.Default> defaults = new ArrayList<>();
        for (AttributeValue entry : item.get(DEFAULTS).l()) {
            defaults.add(new TaskTemplate.Default(string(entry.m(), FIELD_NAME), string(entry.m(), DEFAULT_VALUE)));
        }
        TaskTemplate template = new TaskTemplate(
                string(item, ContactItems.PK).substring(3),
                string(item, ContactItems.SK),
                string(item, NAME),
                string(item, DESCRIPTION),
                string(item, FLOW_ID),
                fields,
                new TaskTemplate.Constraints(strings(item.get(REQUIRED)), strings(item.get(READ_ONLY)),
                        strings(item.get(INVISIBLE))),
                defaults,
                string(item, STATUS),
                instant(item, CREATED_AT),
                instant(item, LAST_MODIFIED_AT));
        return new TaskTemplateStore.Versioned(template, Long.parseLong(item.get(ContactItems.REVISION).n()));
    }

    static TaskTemplate.Summary summary(Map<String, AttributeValue> item) {
        return new TaskTemplate.Summary(string(item, ContactItems.SK), string(item, NAME), string(item, DESCRIPTION),
                string(item, STATUS), instant(item, CREATED_AT), instant(item, LAST_MODIFIED_AT));
    }

    /** A list of strings (L, not SS: order and duplicates are the caller's). */
    private static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    private static List<String> strings(AttributeValue value) {
        return value == null ? List.of() : value.l().stream().map(AttributeValue::s).toList();
    }
}
