package dev.connecttasks.operation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.http.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.TreeMap;

/** A hash of every StartTaskContact parameter but the ClientToken, to tell a retry from a reuse. */
final class RequestFingerprint {
    private RequestFingerprint() {
    }

    static String of(TaskRequest task) {
        ObjectNode canonical = Json.object()
                .put("InstanceId", task.instanceId())
                .put("ContactFlowId", task.contactFlowId())
                .put("Name", task.name())
                .put("Description", task.description())
                .put("PreviousContactId", task.previousContactId())
                .put("RelatedContactId", task.relatedContactId())
                .put("ScheduledTime", task.scheduledTime() == null ? null : task.scheduledTime().toEpochMilli());
        ObjectNode attributes = canonical.putObject("Attributes");
        new TreeMap<>(task.attributes()).forEach(attributes::put);
        ObjectNode references = canonical.putObject("References");
        new TreeMap<>(task.references()).forEach((name, reference) -> references.putObject(name)
                .put("Type", reference.type().name())
                .put("Value", reference.value()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Json.write(canonical).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }
}
