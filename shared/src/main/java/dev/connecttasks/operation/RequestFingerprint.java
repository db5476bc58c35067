package dev.connecttasks.operation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.contact.TaskTemplateRequest;
import dev.connecttasks.contact.TransferRequest;
import dev.connecttasks.instance.InstanceRequest;
import dev.connecttasks.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.TreeMap;

/** A hash of every parameter of a request but its ClientToken, to tell a retry from a reuse. */
final class RequestFingerprint {
    private RequestFingerprint() {
    }

    static String of(InstanceRequest request) {
        ObjectNode canonical = Json.object()
                .put("IdentityManagementType", request.identityManagementType())
                .put("InstanceAlias", request.alias())
                .put("DirectoryId", request.directoryId())
                .put("InboundCallsEnabled", request.inboundCallsEnabled())
                .put("OutboundCallsEnabled", request.outboundCallsEnabled());
        ObjectNode tags = canonical.putObject("Tags");
        new TreeMap<>(request.tags() == null ? java.util.Map.<String, String>of() : request.tags()).forEach(tags::put);
        return digest(canonical);
    }

    static String of(TaskRequest task) {
        ObjectNode canonical = Json.object()
                .put("InstanceId", task.instanceId())
                .put("ContactFlowId", task.contactFlowId())
                .put("Name", task.name())
                .put("Description", task.description())
                .put("PreviousContactId", task.previousContactId())
                .put("RelatedContactId", task.relatedContactId())
                .put("ScheduledTime", task.scheduledTime() == null ? null : task.scheduledTime().toEpochMilli())
                .put("TaskTemplateId", task.taskTemplateId());
        ObjectNode attributes = canonical.putObject("Attributes");
        new TreeMap<>(task.attributes()).forEach(attributes::put);
        ObjectNode segmentAttributes = canonical.putObject("SegmentAttributes");
        new TreeMap<>(task.segmentAttributes().values()).forEach(segmentAttributes::put);
        ObjectNode references = canonical.putObject("References");
        new TreeMap<>(task.references()).forEach((name, reference) -> references.putObject(name)
                .put("Type", reference.type().name())
                .put("Value", reference.value()));
        return digest(canonical);
    }

    static String of(TaskTemplateRequest request) {
        ObjectNode canonical = Json.object()
                .put("InstanceId", request.instanceId())
                .put("Name", request.name())
                .put("Description", request.description())
                .put("ContactFlowId", request.contactFlowId())
                .put("Status", request.status());
        ArrayNode fields = canonical.putArray("Fields");
        if (request.fields() != null) {
            request.fields().forEach(field -> {
                ObjectNode node = fields.addObject().put("Name", field.name()).put("Description", field.description())
                        .put("Type", field.type());
                if (field.singleSelectOptions() != null) {
                    field.singleSelectOptions().forEach(node.putArray("Options")::add);
                }
            });
        }
        if (request.constraints() != null) {
            ObjectNode constraints = canonical.putObject("Constraints");
            request.constraints().required().forEach(constraints.putArray("Required")::add);
            request.constraints().readOnly().forEach(constraints.putArray("ReadOnly")::add);
            request.constraints().invisible().forEach(constraints.putArray("Invisible")::add);
        }
        ArrayNode defaults = canonical.putArray("Defaults");
        if (request.defaults() != null) {
            request.defaults().forEach(value -> defaults.addObject().put("Name", value.fieldName()).put("Value", value.value()));
        }
        return digest(canonical);
    }

    static String of(TransferRequest transfer) {
        return digest(Json.object()
                .put("InstanceId", transfer.key().instanceId())
                .put("ContactId", transfer.key().contactId())
                .put("ContactFlowId", transfer.contactFlowId())
                .put("QueueId", transfer.queueId()));
    }

    private static String digest(ObjectNode canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Json.write(canonical).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }
}
