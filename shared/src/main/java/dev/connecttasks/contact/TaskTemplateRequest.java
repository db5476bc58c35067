package dev.connecttasks.contact;

import dev.connecttasks.error.PropertyProblem;
import java.util.List;

/**
 * A CreateTaskTemplate or UpdateTaskTemplate request, parsed. A member absent from the body is null
 * ({@code templateId} is null for a create). {@code wireProblems} are what the parser found wrong with
 * the body's shape (a member of the wrong JSON type, read as absent), reported with the rules' findings.
 */
public record TaskTemplateRequest(
        String instanceId,
        String templateId,
        String name,
        String description,
        String contactFlowId,
        boolean selfAssignFlowIdGiven,
        List<TaskTemplate.Field> fields,
        TaskTemplate.Constraints constraints,
        List<TaskTemplate.Default> defaults,
        String status,
        String clientToken,
        List<PropertyProblem> wireProblems) {

    public TaskTemplateRequest {
        wireProblems = wireProblems == null ? List.of() : List.copyOf(wireProblems);
    }
}
