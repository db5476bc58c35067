package dev.connecttasks.operation;

import dev.connecttasks.contact.TaskTemplate;
import dev.connecttasks.operation.port.TaskTemplateStore;

/** GetTaskTemplate: one consistent GetItem. */
public final class GetTaskTemplate {
    private final TaskTemplateStore templates;

    public GetTaskTemplate(TaskTemplateStore templates) {
        this.templates = templates;
    }

    public TaskTemplate get(String instanceId, String templateId) {
        TemplateChecks.checkIds(instanceId, templateId);
        return templates.find(instanceId, templateId).orElseThrow(() -> NotFound.taskTemplate(instanceId, templateId))
                .template();
    }
}
