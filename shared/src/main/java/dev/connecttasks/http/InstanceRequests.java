package dev.connecttasks.http;

import static dev.connecttasks.error.ApiException.invalidParameter;
import static dev.connecttasks.error.ApiException.invalidRequest;

import dev.connecttasks.instance.FlowRequest;
import dev.connecttasks.instance.InstanceRequest;
import dev.connecttasks.instance.InstanceRules;
import dev.connecttasks.instance.ListRequest;
import dev.connecttasks.instance.QueueRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads the inputs of the instance, flow and queue operations from their HTTP bindings. */
public final class InstanceRequests {
    /** A flow's Content may be 256,000 characters, JSON-escaped inside the body. */
    private static final int MAX_FLOW_BODY_BYTES = 1024 * 1024;
    /** CreateQueue members of the model whose meaning this service does not have. */
    private static final List<String> UNSUPPORTED_QUEUE_MEMBERS = List.of("OutboundCallerConfig", "OutboundEmailConfig",
            "QuickConnectIds", "EmailAddressesConfig");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");

    private InstanceRequests() {
    }

    /** {@code PUT /instance}. */
    public static InstanceRequest createInstance(ApiRequest request) {
        JsonBody body = request.body();
        return new InstanceRequest(
                body.string("ClientToken"),
                body.requiredEnumValue("IdentityManagementType", InstanceRules.IDENTITY_MANAGEMENT_TYPES),
                body.string("InstanceAlias"),
                body.string("DirectoryId"),
                body.requiredBoolean("InboundCallsEnabled"),
                body.requiredBoolean("OutboundCallsEnabled"),
                body.stringMap("Tags"));
    }

    /** {@code PUT /contact-flows/{InstanceId}}. */
    public static FlowRequest createContactFlow(ApiRequest request) {
        String instanceId = request.pathParameter("InstanceId");
        JsonBody body = request.body(MAX_FLOW_BODY_BYTES);
        return new FlowRequest(
                instanceId,
                body.requiredString("Name"),
                body.requiredEnumValue("Type", InstanceRules.FLOW_TYPES),
                body.string("Description"),
                body.requiredString("Content"),
                body.enumValue("Status", InstanceRules.FLOW_STATUSES),
                body.stringMap("Tags"));
    }

    /** {@code PUT /queues/{InstanceId}}. */
    public static QueueRequest createQueue(ApiRequest request) {
        String instanceId = request.pathParameter("InstanceId");
        JsonBody body = request.body();
        String unsupported = UNSUPPORTED_QUEUE_MEMBERS.stream().filter(body::has).findFirst().orElse(null);
        return new QueueRequest(
                instanceId,
                body.requiredString("Name"),
                body.string("Description"),
                body.requiredString("HoursOfOperationId"),
                body.integer("MaxContacts"),
                body.stringMap("Tags"),
                unsupported);
    }

    /** {@code GET /queues-summary/{InstanceId}} and {@code GET /contact-flows-summary/{InstanceId}}. */
    public static ListRequest listInInstance(ApiRequest request, String typesKey, Set<String> types, int maxTypes) {
        Set<String> chosen = new LinkedHashSet<>();
        List<String> values = request.queryValues(typesKey);
        for (String value : values) {
            if (!types.contains(value)) {
                throw invalidRequest(typesKey + " must be one of " + new TreeSet<>(types) + ".");
            }
            chosen.add(value);
        }
        if (values.size() > maxTypes) {
            throw invalidParameter(typesKey + " must have at most " + maxTypes + " values.");
        }
        return new ListRequest(request.pathParameter("InstanceId"), chosen, once(request, "nextToken"), maxResults(request));
    }

    /** {@code GET /instance}. */
    public static ListRequest listInstances(ApiRequest request) {
        return new ListRequest(null, Set.of(), once(request, "nextToken"), maxResults(request));
    }

    private static Integer maxResults(ApiRequest request) {
        String value = once(request, "maxResults");
        if (value == null) {
            return null;
        }
        if (!INTEGER.matcher(value).matches()) {
            throw invalidRequest("maxResults must be an integer.");
        }
        long number = Long.parseLong(value);
        // out of an int's range is out of every maxResults range: the operation's rule names it
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number));
    }

    private static String once(ApiRequest request, String key) {
        List<String> values = request.queryValues(key);
        if (values.size() > 1) {
            throw invalidRequest(key + " must be given at most once.");
        }
        return values.isEmpty() ? null : values.get(0);
    }
}
