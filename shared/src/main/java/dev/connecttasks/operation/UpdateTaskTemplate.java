package dev.connecttasks.operation;

import static dev.connecttasks.error.ApiException.throttled;

import dev.connecttasks.contact.TaskTemplate;
import dev.connecttasks.contact.TaskTemplateRequest;
import dev.connecttasks.operation.port.InstanceStore;
import dev.connecttasks.operation.port.TaskTemplateStore;
import java.time.Clock;

/**
 * UpdateTaskTemplate: each member the request gives replaces the template's whole member (Fields,
 * Constraints and Defaults as lists, not merged entry by entry); members it leaves out stay. The result
 * must satisfy every template rule. A read, then a write conditional on the revision read; when another
 * update wins in between, the request starts over from the new template.
 */
public final class UpdateTaskTemplate {
    private static final int ATTEMPTS = 5;

    private final TaskTemplateStore templates;
    private final InstanceStore instances;
    private final Clock clock;

    public UpdateTaskTemplate(TaskTemplateStore templates, InstanceStore instances, Clock clock) {
        this.templates = templates;
        this.instances = instances;
        this.clock = clock;
    }

    /** Returns the template as updated. */
    public TaskTemplate update(TaskTemplateRequest request) {
        TemplateChecks.checkIds(request.instanceId(), request.templateId());
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            TaskTemplateStore.Versioned stored = templates.find(request.instanceId(), request.templateId())
                    .orElseThrow(() -> NotFound.taskTemplate(request.instanceId(), request.templateId()));
            TaskTemplate updated = replaced(stored.template(), request);
            TemplateChecks.check(updated, request, instances);
            if (templates.replace(updated, stored.revision())) {
                return updated;
            }
        }
        throw throttled("Task template " + request.templateId() + " is being changed concurrently; retry the request.");
    }

    private TaskTemplate replaced(TaskTemplate old, TaskTemplateRequest request) {
        return new TaskTemplate(old.instanceId(), old.id(),
                request.name() != null ? request.name() : old.name(),
                request.description() != null ? request.description() : old.description(),
                request.contactFlowId() != null ? request.contactFlowId() : old.contactFlowId(),
                request.fields() != null ? request.fields() : old.fields(),
                request.constraints() != null ? request.constraints() : old.constraints(),
                request.defaults() != null ? request.defaults() : old.defaults(),
                request.status() != null ? request.status() : old.status(),
                old.createdAt(),
                Clocks.now(clock));
    }
}
