package dev.connecttasks.operation;

import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.contact.TaskTemplate;
import dev.connecttasks.contact.TaskTemplateRequest;
import dev.connecttasks.contact.TaskTemplateRules;
import dev.connecttasks.error.ApiException;
import dev.connecttasks.error.PropertyProblem;
import dev.connecttasks.operation.port.InstanceStore;
import java.util.ArrayList;
import java.util.List;

/** What CreateTaskTemplate and UpdateTaskTemplate check of a template before they write it. */
final class TemplateChecks {
    private static final int MAX_TEMPLATE_ID = 500;

    private TemplateChecks() {
    }

    static void checkIds(String instanceId, String templateId) {
        ContactRules.checkInstanceId(instanceId);
        if (templateId != null && (templateId.isEmpty() || templateId.codePointCount(0, templateId.length()) > MAX_TEMPLATE_ID)) {
            throw ApiException.invalidParameter("TaskTemplateId must have a length between 1 and " + MAX_TEMPLATE_ID
                    + " characters.");
        }
    }

    /**
     * Every rule the template breaks, with the flow it names looked up (one GetItem when the request
     * names one): all of them in one PropertyValidationException. A flow not found in an instance that
     * does not exist either is the instance's ResourceNotFoundException.
     */
    static void check(TaskTemplate template, TaskTemplateRequest request, InstanceStore instances) {
        List<PropertyProblem> problems = new ArrayList<>(TaskTemplateRules.problems(template, request.clientToken(),
                request.selfAssignFlowIdGiven(), request.wireProblems()));
        String flowId = request.contactFlowId();
        boolean flowReported = problems.stream().anyMatch(problem -> problem.propertyPath().equals("ContactFlowId"));
        if (flowId != null && !flowReported && instances.findFlow(template.instanceId(), flowId).isEmpty()) {
            if (instances.findInstance(template.instanceId()).isEmpty()) {
                throw NotFound.instance(template.instanceId());
            }
            problems.add(new PropertyProblem("ContactFlowId", PropertyProblem.Reason.REFERENCED_RESOURCE_NOT_FOUND,
                    "ContactFlowId " + flowId + " is not a flow of instance " + template.instanceId() + "."));
        }
        if (!problems.isEmpty()) {
            throw ApiException.propertyValidation(problems);
        }
    }
}
