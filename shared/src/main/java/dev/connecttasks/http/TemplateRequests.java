package dev.connecttasks.http;

import static dev.connecttasks.error.PropertyProblem.Reason.INVALID_FORMAT;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connecttasks.contact.TaskTemplate;
import dev.connecttasks.contact.TaskTemplateRequest;
import dev.connecttasks.error.ApiException;
import dev.connecttasks.error.PropertyProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CreateTaskTemplate and UpdateTaskTemplate bodies. A member of the wrong JSON type is not thrown
 * at once: it is recorded (at the path the rules would name, so it is reported once) and read as absent,
 * so the one PropertyValidationException lists it with every other problem of the request.
 */
public final class TemplateRequests {
    private TemplateRequests() {
    }

    /** {@code PUT /instance/{InstanceId}/task/template}. */
    public static TaskTemplateRequest createTaskTemplate(ApiRequest request) {
        return read(request, request.pathParameter("InstanceId"), null);
    }

    /** {@code POST /instance/{InstanceId}/task/template/{TaskTemplateId}}. */
    public static TaskTemplateRequest updateTaskTemplate(ApiRequest request) {
        return read(request, request.pathParameter("InstanceId"), request.pathParameter("TaskTemplateId"));
    }

    /** The {@code {InstanceId}} and {@code {TaskTemplateId}} labels of a template's routes. */
    public record TemplateKey(String instanceId, String templateId) {
    }

    /** ListTaskTemplates' query; each member null when absent. */
    public record ListQuery(String instanceId, String status, String name, String nextToken, Integer maxResults) {
    }

    /**
     * {@code /instance/{InstanceId}/task/template/{TaskTemplateId}}. GetTaskTemplate's {@code snapshotVersion}
     * is refused: templates here have no versions, and answering with the current one would be wrong.
     */
    public static TemplateKey templateKey(ApiRequest request) {
        if (!request.queryValues("snapshotVersion").isEmpty()) {
            throw ApiException.invalidParameter("snapshotVersion is not supported by this service: task templates here"
                    + " keep no versions; get the template without it.");
        }
        return new TemplateKey(request.pathParameter("InstanceId"), request.pathParameter("TaskTemplateId"));
    }

    /** {@code GET /instance/{InstanceId}/task/template?nextToken&maxResults&status&name}. */
    public static ListQuery listQuery(ApiRequest request) {
        String maxResults = single(request, "maxResults");
        Integer max = null;
        if (maxResults != null) {
            try {
                max = Integer.valueOf(maxResults);
            } catch (NumberFormatException e) {
                throw ApiException.invalidParameter("maxResults must be a whole number between 1 and 100.");
            }
        }
        return new ListQuery(request.pathParameter("InstanceId"), single(request, "status"), single(request, "name"),
                single(request, "nextToken"), max);
    }

    private static String single(ApiRequest request, String key) {
        List<String> values = request.queryValues(key);
        if (values.size() > 1) {
            throw ApiException.invalidRequest(key + " may be given once.");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static TaskTemplateRequest read(ApiRequest request, String instanceId, String templateId) {
        JsonBody body = request.body();
        Reader reader = new Reader();
        String name = reader.string("Name", body.node("Name"));
        String description = reader.string("Description", body.node("Description"));
        String flowId = reader.string("ContactFlowId", body.node("ContactFlowId"));
        String status = reader.string("Status", body.node("Status"));
        String clientToken = reader.string("ClientToken", body.node("ClientToken"));
        List<TaskTemplate.Field> fields = reader.fields(body.node("Fields"));
        TaskTemplate.Constraints constraints = reader.constraints(body.node("Constraints"));
        List<TaskTemplate.Default> defaults = reader.defaults(body.node("Defaults"));
        return new TaskTemplateRequest(instanceId, templateId, name, description, flowId, body.has("SelfAssignFlowId"),
                fields, constraints, defaults, status, clientToken, reader.problems);
    }

    private static final class Reader {
        private final List<PropertyProblem> problems = new ArrayList<>();

        private void wrong(String path, String expected) {
            problems.add(new PropertyProblem(path, INVALID_FORMAT, path + " must be " + expected + "."));
        }

        private static boolean absent(JsonNode node) {
            return node == null || node.isNull();
        }

        String string(String path, JsonNode node) {
            if (absent(node)) {
                return null;
            }
            if (!node.isTextual()) {
                wrong(path, "a string");
                return null;
            }
            return JsonBody.unicode(path, node.textValue());
        }

        /** {@code {"Name": ...}}, read at {@code path + ".Name"}. */
        String identifier(String path, JsonNode node) {
            if (absent(node)) {
                return null;
            }
            if (!node.isObject()) {
                wrong(path + ".Name", "given as an object, {\"Name\": \"...\"}");
                return null;
            }
            return string(path + ".Name", node.get("Name"));
        }

        private List<JsonNode> array(String path, JsonNode node) {
            if (absent(node)) {
                return null;
            }
            if (!node.isArray()) {
                wrong(path, "a list");
                return null;
            }
            List<JsonNode> elements = new ArrayList<>();
            node.forEach(elements::add);
            return elements;
        }

        List<TaskTemplate.Field> fields(JsonNode node) {
            List<JsonNode> elements = array("Fields", node);
            if (elements == null) {
                return null;
            }
            List<TaskTemplate.Field> fields = new ArrayList<>();
            for (int i = 0; i < elements.size(); i++) {
                String path = "Fields[" + i + "]";
                JsonNode element = elements.get(i);
                if (!element.isObject()) {
                    wrong(path + ".Id.Name", "part of an object {\"Id\": {\"Name\"}, \"Type\", ...}");
                    fields.add(new TaskTemplate.Field(null, null, null, null));
                    continue;
                }
                List<String> options = null;
                List<JsonNode> optionNodes = array(path + ".SingleSelectOptions", element.get("SingleSelectOptions"));
                if (optionNodes != null) {
                    options = new ArrayList<>();
                    for (int j = 0; j < optionNodes.size(); j++) {
                        options.add(string(path + ".SingleSelectOptions[" + j + "]", optionNodes.get(j)));
                    }
                }
                fields.add(new TaskTemplate.Field(identifier(path + ".Id", element.get("Id")),
                        string(path + ".Description", element.get("Description")), string(path + ".Type", element.get("Type")),
                        options));
            }
            return fields;
        }

        TaskTemplate.Constraints constraints(JsonNode node) {
            if (absent(node)) {
                return null;
            }
            if (!node.isObject()) {
                wrong("Constraints", "an object with RequiredFields, ReadOnlyFields and InvisibleFields");
                return null;
            }
            return new TaskTemplate.Constraints(names("Constraints.RequiredFields", node.get("RequiredFields")),
                    names("Constraints.ReadOnlyFields", node.get("ReadOnlyFields")),
                    names("Constraints.InvisibleFields", node.get("InvisibleFields")));
        }

        private List<String> names(String path, JsonNode node) {
            List<JsonNode> elements = array(path, node);
            List<String> names = new ArrayList<>();
            if (elements != null) {
                for (int i = 0; i < elements.size(); i++) {
                    JsonNode element = elements.get(i);
                    String elementPath = path + "[" + i + "]";
                    if (!element.isObject()) {
                        wrong(elementPath + ".Id.Name", "part of an object {\"Id\": {\"Name\"}}");
                        names.add(null);
                    } else {
                        names.add(identifier(elementPath + ".Id", element.get("Id")));
                    }
                }
            }
            return names;
        }

        List<TaskTemplate.Default> defaults(JsonNode node) {
            if (absent(node)) {
                return null;
            }
            if (!node.isObject()) {
                wrong("Defaults", "an object with DefaultFieldValues");
                return List.of();
            }
            List<JsonNode> elements = array("Defaults.DefaultFieldValues", node.get("DefaultFieldValues"));
            List<TaskTemplate.Default> defaults = new ArrayList<>();
            if (elements != null) {
                for (int i = 0; i < elements.size(); i++) {
                    JsonNode element = elements.get(i);
                    String path = "Defaults.DefaultFieldValues[" + i + "]";
                    if (!element.isObject()) {
                        wrong(path + ".Id.Name", "part of an object {\"Id\": {\"Name\"}, \"DefaultValue\"}");
                        defaults.add(new TaskTemplate.Default(null, null));
                        continue;
                    }
                    defaults.add(new TaskTemplate.Default(identifier(path + ".Id", element.get("Id")),
                            string(path + ".DefaultValue", element.get("DefaultValue"))));
                }
            }
            return defaults;
        }
    }
}
