package dev.connecttasks.operation;

import dev.connecttasks.operation.port.TaskTemplateStore;

/**
 * DeleteTaskTemplate: one transaction that deletes the template and frees its place under the quota.
 * Tasks already started from it keep their TaskTemplateInfo.
 */
public final class DeleteTaskTemplate {
    private final TaskTemplateStore templates;

    public DeleteTaskTemplate(TaskTemplateStore templates) {
        this.templates = templates;
    }

    public void delete(String instanceId, String templateId) {
        TemplateChecks.checkIds(instanceId, templateId);
        if (!templates.delete(instanceId, templateId)) {
            throw NotFound.taskTemplate(instanceId, templateId);
        }
    }
}
