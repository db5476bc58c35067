package dev.connecttasks.http;

import dev.connecttasks.instance.FlowRequest;
import dev.connecttasks.instance.InstanceRequest;
import dev.connecttasks.instance.InstanceRules;

/** Reads the inputs of CreateInstance and CreateContactFlow from their HTTP bindings. */
public final class InstanceRequests {
    /** A flow's Content may be 256,000 characters, JSON-escaped inside the body. */
    private static final int MAX_FLOW_BODY_BYTES = 1024 * 1024;

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
}
