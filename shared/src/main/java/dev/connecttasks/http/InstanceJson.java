package dev.connecttasks.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.contact.Arns;
import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.instance.Instance;
import dev.connecttasks.instance.Listing;
import dev.connecttasks.instance.Queue;
import dev.connecttasks.instance.Summaries.FlowSummary;
import dev.connecttasks.instance.Summaries.InstanceSummary;
import dev.connecttasks.instance.Summaries.QueueSummary;
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

    public static ObjectNode createQueueResponse(String instanceId, String queueId, Arns arns) {
        return Json.object().put("QueueArn", arns.queue(instanceId, queueId)).put("QueueId", queueId);
    }

    public static ObjectNode describeQueueResponse(Queue queue, Arns arns) {
        ObjectNode out = Json.object()
                .put("Name", queue.name())
                .put("QueueArn", arns.queue(queue.instanceId(), queue.id()))
                .put("QueueId", queue.id());
        if (queue.description() != null) {
            out.put("Description", queue.description());
        }
        out.put("HoursOfOperationId", queue.hoursOfOperationId());
        if (queue.maxContacts() != null) {
            out.put("MaxContacts", queue.maxContacts());
        }
        out.put("Status", "ENABLED");
        putTags(out, queue.tags());
        out.put("LastModifiedTime", Json.epochSeconds(queue.lastModifiedAt()))
                .put("LastModifiedRegion", arns.region());
        return Json.object().set("Queue", out);
    }

    public static ObjectNode listQueuesResponse(Listing<QueueSummary> listing, Arns arns) {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("QueueSummaryList");
        listing.items().forEach(queue -> list.addObject()
                .put("Id", queue.id())
                .put("Arn", arns.queue(queue.instanceId(), queue.id()))
                .put("Name", queue.name())
                .put("QueueType", queue.queueType())
                .put("LastModifiedTime", Json.epochSeconds(queue.lastModifiedAt()))
                .put("LastModifiedRegion", arns.region()));
        return nextToken(out, listing);
    }

    public static ObjectNode listContactFlowsResponse(Listing<FlowSummary> listing, Arns arns) {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("ContactFlowSummaryList");
        listing.items().forEach(flow -> list.addObject()
                .put("Id", flow.id())
                .put("Arn", arns.contactFlow(flow.instanceId(), flow.id()))
                .put("Name", flow.name())
                .put("ContactFlowType", flow.type())
                .put("ContactFlowState", "ACTIVE")
                .put("ContactFlowStatus", flow.status()));
        return nextToken(out, listing);
    }

    public static ObjectNode listInstancesResponse(Listing<InstanceSummary> listing, Arns arns) {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("InstanceSummaryList");
        listing.items().forEach(instance -> {
            ObjectNode summary = list.addObject()
                    .put("Id", instance.id())
                    .put("Arn", arns.instance(instance.id()))
                    .put("IdentityManagementType", instance.identityManagementType());
            if (instance.alias() != null) {
                summary.put("InstanceAlias", instance.alias());
            }
            summary.put("CreatedTime", Json.epochSeconds(instance.createdAt()))
                    .put("InstanceStatus", "ACTIVE")
                    .put("InboundCallsEnabled", instance.inboundCallsEnabled())
                    .put("OutboundCallsEnabled", instance.outboundCallsEnabled());
        });
        return nextToken(out, listing);
    }

    private static ObjectNode nextToken(ObjectNode out, Listing<?> listing) {
        if (listing.nextToken() != null) {
            out.put("NextToken", listing.nextToken());
        }
        return out;
    }

    private static void putTags(ObjectNode out, Map<String, String> tags) {
        if (!tags.isEmpty()) {
            ObjectNode node = out.putObject("Tags");
            new TreeMap<>(tags).forEach(node::put);
        }
    }
}
