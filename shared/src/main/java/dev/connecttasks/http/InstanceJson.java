package dev.connecttasks.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.contact.Arns;
import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.instance.Instance;
import dev.connecttasks.json.Json;
import java.util.Map;
import java.util.TreeMap;

/** Renders instances and flows in the Connect response shapes. */
public final class InstanceJson {
    private InstanceJson() {
    }

    public static ObjectNode createInstanceResponse(String instanceId, Arns arns) {
        return Json.object().put("Id", instanceId).put("Arn", arns.instance(instanceId));
    }

    public static ObjectNode describeInstanceResponse(Instance instance, Arns arns) {
        ObjectNode out = Json.object()
                .put("Id", instance.id())
                .put("Arn", arns.instance(instance.id()))
                .put("IdentityManagementType", instance.identityManagementType());
        if (instance.alias() != null) {
            out.put("InstanceAlias", instance.alias());
        }
        out.put("CreatedTime", Json.epochSeconds(instance.createdAt()))
                .put("InstanceStatus", "ACTIVE")
                .put("InboundCallsEnabled", instance.inboundCallsEnabled())
                .put("OutboundCallsEnabled", instance.outboundCallsEnabled());
        putTags(out, instance.tags());
        return Json.object().set("Instance", out);
    }

    public static ObjectNode createContactFlowResponse(String instanceId, String contactFlowId, Arns arns) {
        return Json.object()
                .put("ContactFlowId", contactFlowId)
                .put("ContactFlowArn", arns.contactFlow(instanceId, contactFlowId));
    }

    public static ObjectNode describeContactFlowResponse(ContactFlow flow, Arns arns) {
        ObjectNode out = Json.object()
                .put("Arn", arns.contactFlow(flow.instanceId(), flow.id()))
                .put("Id", flow.id())
                .put("Name", flow.name())
                .put("Type", flow.type())
                .put("State", "ACTIVE")
                .put("Status", flow.status());
        if (flow.description() != null) {
            out.put("Description", flow.description());
        }
        out.put("Content", flow.content());
        putTags(out, flow.tags());
        out.put("LastModifiedTime", Json.epochSeconds(flow.lastModifiedAt()))
                .put("LastModifiedRegion", arns.region());
        return Json.object().set("ContactFlow", out);
    }

    private static void putTags(ObjectNode out, Map<String, String> tags) {
        if (!tags.isEmpty()) {
            ObjectNode node = out.putObject("Tags");
            new TreeMap<>(tags).forEach(node::put);
        }
    }
}
