package dev.connecttasks.operation;

import static dev.connecttasks.error.ApiException.invalidParameter;

import dev.connecttasks.contact.TaskTemplate;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.json.Json;
import dev.connecttasks.operation.port.TaskTemplateStore;
import java.util.List;

/**
 * ListTaskTemplates: one Query of the instance's templates, in id order, so paging is stable (a template
 * is on one page only). The NextToken ({@link PageTokens}) is bound to the instance and the filters: one
 * of another instance or of other filters, or one edited by hand, is an InvalidParameterException; and
 * whatever a token says, the Query reads only the request's instance.
 */
public final class ListTaskTemplates {
    public static final int DEFAULT_MAX_RESULTS = 100;
    public static final int MAX_RESULTS = 100;

    private final TaskTemplateStore templates;

    public ListTaskTemplates(TaskTemplateStore templates) {
        this.templates = templates;
    }

    /** A page of templates, and the token of the next page (null on the last). */
    public record Page(List<TaskTemplate.Summary> templates, String nextToken) {
    }

    /** {@code status}, {@code name}, {@code nextToken} and {@code maxResults} may be null (absent). */
    public Page list(String instanceId, String status, String name, String nextToken, Integer maxResults) {
        TemplateChecks.checkIds(instanceId, null);
        if (status != null && !TaskTemplate.STATUSES.contains(status)) {
            throw invalidParameter("status must be ACTIVE or INACTIVE.");
        }
        if (name != null && (name.isEmpty() || name.codePointCount(0, name.length()) > 100)) {
            throw invalidParameter("name must have a length between 1 and 100 characters.");
        }
        if (maxResults != null && (maxResults < 1 || maxResults > MAX_RESULTS)) {
            throw invalidParameter("maxResults must be between 1 and " + MAX_RESULTS + ".");
        }
        String scope = Json.write(Json.MAPPER.createArrayNode().add("ListTaskTemplates").add(instanceId).add(status).add(name));
        String afterId = PageTokens.resumeAfter(scope, nextToken, ErrorType.INVALID_PARAMETER);
        TaskTemplateStore.Page page = templates.list(instanceId, status, name, afterId,
                maxResults == null ? DEFAULT_MAX_RESULTS : maxResults);
        return new Page(page.templates(), PageTokens.issue(scope, page.lastEvaluatedId()));
    }
}
