package dev.connecttasks.operation;

import static dev.connecttasks.error.ApiException.invalidParameter;
import static dev.connecttasks.error.ApiException.quotaExceeded;

import dev.connecttasks.contact.TaskTemplate;
import dev.connecttasks.contact.TaskTemplateRequest;
import dev.connecttasks.contact.TaskTemplateRules;
import dev.connecttasks.operation.port.Creation;
import dev.connecttasks.operation.port.IdempotencyRecord;
import dev.connecttasks.operation.port.InstanceStore;
import dev.connecttasks.operation.port.TaskTemplateStore.Refusal;
import dev.connecttasks.operation.port.TaskTemplateStore;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * CreateTaskTemplate: every rule checked at once (one PropertyValidationException lists each problem),
 * then one transaction that also takes a place under the instance's quota. A ClientToken repeated within
 * 24 hours with the same parameters returns the template it created; with others it is an
 * InvalidParameterException (the model has no InvalidRequestException for this operation).
 */
public final class CreateTaskTemplate {
    private final TaskTemplateStore templates;
    private final InstanceStore instances;
    private final Clock clock;

    public CreateTaskTemplate(TaskTemplateStore templates, InstanceStore instances, Clock clock) {
        this.templates = templates;
        this.instances = instances;
        this.clock = clock;
    }

    /** Returns the template's id. */
    public String create(TaskTemplateRequest request) {
        TemplateChecks.checkIds(request.instanceId(), null);
        Instant now = Clocks.now(clock);
        TaskTemplate template = new TaskTemplate(request.instanceId(), UUID.randomUUID().toString(), request.name(),
                request.description(), request.contactFlowId(), request.fields(), request.constraints(),
                request.defaults(), request.status() == null ? TaskTemplate.ACTIVE : request.status(), now, now);
        TemplateChecks.check(template, request, instances);
        IdempotencyRecord token = request.clientToken() == null ? null
                : new IdempotencyRecord(request.clientToken(), RequestFingerprint.of(request), template.id());
        Creation<Refusal> created = templates.create(template, token, now);
        if (created instanceof Creation.Refused<Refusal> refused) {
            throw switch (refused.reason()) {
                case INSTANCE_MISSING -> NotFound.instance(template.instanceId());
                case QUOTA_REACHED -> quotaExceeded("Instance " + template.instanceId() + " already has "
                        + TaskTemplateRules.MAX_TEMPLATES_PER_INSTANCE + " task templates; delete one first.");
            };
        }
        if (created instanceof Creation.TokenHeld<Refusal> held) {
            if (!held.earlier().requestHash().equals(token.requestHash())) {
                throw invalidParameter("ClientToken " + token.clientToken()
                        + " was already used with different parameters in this instance.");
            }
            return held.earlier().createdId();
        }
        return template.id();
    }
}
