package dev.connecttasks.operation;

import static dev.connecttasks.error.ApiException.invalidParameter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.contact.TaskTemplate;
import dev.connecttasks.error.ApiException;
import dev.connecttasks.json.Json;
import dev.connecttasks.operation.port.TaskTemplateStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * ListTaskTemplates: one Query of the instance's templates, in id order, so paging is stable (a template
 * is on one page only). The NextToken is opaque: the instance, the filters and where the page ended,
 * sealed with a checksum. A token of another instance or of other filters, or one edited by hand, is an
 * InvalidParameterException; and whatever a token says, the Query reads only the request's instance.
 */
public final class ListTaskTemplates {
    public static final int DEFAULT_MAX_RESULTS = 100;
    public static final int MAX_RESULTS = 100;
    private static final String SEAL = "connect-tasks ListTaskTemplates NextToken v1";

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
        String afterId = nextToken == null ? null : open(nextToken, instanceId, status, name);
        TaskTemplateStore.Page page = templates.list(instanceId, status, name, afterId,
                maxResults == null ? DEFAULT_MAX_RESULTS : maxResults);
        String next = page.lastEvaluatedId() == null ? null : seal(instanceId, status, name, page.lastEvaluatedId());
        return new Page(page.templates(), next);
    }

    private static String seal(String instanceId, String status, String name, String afterId) {
        ObjectNode token = Json.object().put("i", instanceId).put("s", status).put("n", name).put("a", afterId);
        token.put("c", checksum(token));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(token).getBytes(StandardCharsets.UTF_8));
    }

    /** Where the page this token continues starts after; refused unless this request's own paging made it. */
    private static String open(String nextToken, String instanceId, String status, String name) {
        JsonNode token;
        try {
            token = Json.MAPPER.readTree(new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JacksonException e) {
            throw badToken();
        }
        if (!(token instanceof ObjectNode sealed) || !sealed.path("c").isTextual() || !sealed.path("a").isTextual()) {
            throw badToken();
        }
        String checksum = sealed.remove("c").textValue();
        if (!MessageDigest.isEqual(checksum.getBytes(StandardCharsets.UTF_8), checksum(sealed).getBytes(StandardCharsets.UTF_8))) {
            throw badToken();
        }
        if (!instanceId.equals(sealed.path("i").asText(null)) || !same(status, sealed.get("s")) || !same(name, sealed.get("n"))) {
            throw invalidParameter("nextToken was returned for another instance or other filters; list again without"
                    + " it, or with the same InstanceId, status and name.");
        }
        return sealed.get("a").textValue();
    }

    private static boolean same(String value, JsonNode sealed) {
        return value == null ? sealed == null || sealed.isNull() : sealed != null && value.equals(sealed.asText());
    }

    private static String checksum(ObjectNode token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(SEAL.getBytes(StandardCharsets.UTF_8));
            byte[] digest = sha.digest(Json.write(token).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }

    private static ApiException badToken() {
        return invalidParameter("nextToken is not a token ListTaskTemplates returned; list again without it.");
    }
}
