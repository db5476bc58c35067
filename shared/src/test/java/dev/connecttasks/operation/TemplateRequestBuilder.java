package dev.connecttasks.operation;

import dev.connecttasks.contact.TaskTemplate;
import dev.connecttasks.contact.TaskTemplateRequest;
import java.util.ArrayList;
import java.util.List;

/** A valid CreateTaskTemplate request to change one member at a time. */
final class TemplateRequestBuilder {
    String instanceId;
    String templateId;
    String name = "Callback";
    String description = "Call the customer back";
    String contactFlowId;
    boolean selfAssignFlowId;
    List<TaskTemplate.Field> fields = new ArrayList<>(List.of(
            new TaskTemplate.Field("Title", "The task's name", "NAME", null),
            new TaskTemplate.Field("Details", null, "DESCRIPTION", null),
            new TaskTemplate.Field("Order", "The order page", "URL", null),
            new TaskTemplate.Field("Amount", null, "NUMBER", null),
            new TaskTemplate.Field("Priority", null, "SINGLE_SELECT", List.of("low", "high")),
            new TaskTemplate.Field("Expiry", null, "EXPIRY_DURATION", null)));
    TaskTemplate.Constraints constraints = new TaskTemplate.Constraints(List.of("Title", "Order"), List.of("Amount"),
            List.of());
    List<TaskTemplate.Default> defaults = new ArrayList<>(List.of(
            new TaskTemplate.Default("Title", "Call back"),
            new TaskTemplate.Default("Priority", "low"),
            new TaskTemplate.Default("Amount", "42.5")));
    String status;
    String clientToken;

    TemplateRequestBuilder(String instanceId, String contactFlowId) {
        this.instanceId = instanceId;
        this.contactFlowId = contactFlowId;
    }

    TemplateRequestBuilder field(int index, TaskTemplate.Field field) {
        fields.set(index, field);
        return this;
    }

    TaskTemplateRequest build() {
        return new TaskTemplateRequest(instanceId, templateId, name, description, contactFlowId, selfAssignFlowId,
                fields, constraints, defaults, status, clientToken, List.of());
    }

    /** An update of {@code templateId} that gives nothing but what the test sets. */
    static TemplateRequestBuilder update(String instanceId, String templateId) {
        TemplateRequestBuilder update = new TemplateRequestBuilder(instanceId, null);
        update.templateId = templateId;
        update.name = null;
        update.description = null;
        update.fields = null;
        update.constraints = null;
        update.defaults = null;
        return update;
    }
}
