package dev.connecttasks.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.contact.Arns;
import dev.connecttasks.contact.TaskTemplate;
import dev.connecttasks.json.Json;
import java.util.List;

/** Renders task templates in the Connect response shapes. */
public final class TemplateJson {
    private TemplateJson() {
    }

    public static ObjectNode createTaskTemplateResponse(String instanceId, String templateId, Arns arns) {
        return Json.object().put("Id", templateId).put("Arn", arns.taskTemplate(instanceId, templateId));
    }

    /** GetTaskTemplate's and UpdateTaskTemplate's response: the whole template. */
    public static ObjectNode template(TaskTemplate template, Arns arns) {
        ObjectNode out = Json.object()
                .put("InstanceId", template.instanceId())
                .put("Id", template.id())
                .put("Arn", arns.taskTemplate(template.instanceId(), template.id()))
                .put("Name", template.name());
        putIfPresent(out, "Description", template.description());
        putIfPresent(out, "ContactFlowId", template.contactFlowId());
        ObjectNode constraints = out.putObject("Constraints");
        identifiers(constraints.putArray("RequiredFields"), template.constraints().required());
        identifiers(constraints.putArray("ReadOnlyFields"), template.constraints().readOnly());
        identifiers(constraints.putArray("InvisibleFields"), template.constraints().invisible());
        ArrayNode defaults = out.putObject("Defaults").putArray("DefaultFieldValues");
        template.defaults().forEach(value -> {
            ObjectNode entry = defaults.addObject();
            entry.putObject("Id").put("Name", value.fieldName());
            entry.put("DefaultValue", value.value());
        });
        ArrayNode fields = out.putArray("Fields");
        template.fields().forEach(field -> {
            ObjectNode entry = fields.addObject();
            entry.putObject("Id").put("Name", field.name());
            putIfPresent(entry, "Description", field.description());
            entry.put("Type", field.type());
            if (field.singleSelectOptions() != null) {
                field.singleSelectOptions().forEach(entry.putArray("SingleSelectOptions")::add);
            }
        });
        out.put("Status", template.status())
                .put("LastModifiedTime", Json.epochSeconds(template.lastModifiedAt()))
                .put("CreatedTime", Json.epochSeconds(template.createdAt()));
        return out;
    }

    /** ListTaskTemplates' response; {@code nextToken} null on the last page. */
    public static ObjectNode list(String instanceId, List<TaskTemplate.Summary> templates, String nextToken, Arns arns) {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("TaskTemplates");
        templates.forEach(template -> {
            ObjectNode entry = list.addObject()
                    .put("Id", template.id())
                    .put("Arn", arns.taskTemplate(instanceId, template.id()))
                    .put("Name", template.name());
            putIfPresent(entry, "Description", template.description());
            entry.put("Status", template.status())
                    .put("LastModifiedTime", Json.epochSeconds(template.lastModifiedAt()))
                    .put("CreatedTime", Json.epochSeconds(template.createdAt()));
        });
        putIfPresent(out, "NextToken", nextToken);
        return out;
    }

    private static void identifiers(ArrayNode list, List<String> names) {
        names.forEach(name -> list.addObject().putObject("Id").put("Name", name));
    }

    private static void putIfPresent(ObjectNode node, String member, String value) {
        if (value != null) {
            node.put(member, value);
        }
    }
}
