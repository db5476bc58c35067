package dev.connecttasks.http;

import static dev.connecttasks.error.ApiException.invalidParameter;
import static dev.connecttasks.error.ApiException.invalidRequest;

import dev.connecttasks.contact.AttributeUpdate;
import dev.connecttasks.contact.ContactChanges;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.contact.ReferenceType;
import dev.connecttasks.contact.ScheduleChange;
import dev.connecttasks.contact.StopRequest;
import dev.connecttasks.contact.TagChange;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.contact.TransferRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the inputs of the contact operations from their HTTP bindings (docs/api.md). */
public final class ContactRequests {
    private static final int MAX_REFERENCE_TYPES = 6;

    private ContactRequests() {
    }

    /** {@code PUT /contact/task}. */
    public static TaskRequest startTask(ApiRequest request) {
        JsonBody body = request.body();
        long flowSources = java.util.Arrays.stream(ContactRules.TASK_FLOW_SOURCES).filter(body::has).count();
        if (flowSources > 1) {
            throw invalidRequest("Give only one of ContactFlowId, QuickConnectId and TaskTemplateId: each names the"
                    + " flow the task runs.");
        }
        for (String member : ContactRules.UNSUPPORTED_TASK_MEMBERS) {
            if (body.has(member)) {
                throw invalidParameter(member + " is not supported by this service; start tasks with ContactFlowId"
                        + " or TaskTemplateId.");
            }
        }
        boolean templated = body.has("TaskTemplateId");
        return new TaskRequest(
                body.requiredString("InstanceId"),
                templated ? null : body.requiredString("ContactFlowId"),
                templated ? body.string("Name") : body.requiredString("Name"),
                body.string("Description"),
                body.stringMap("Attributes"),
                body.references("References"),
                body.string("PreviousContactId"),
                body.string("RelatedContactId"),
                body.string("ClientToken"),
                body.timestamp("ScheduledTime"),
                body.segmentAttributes("SegmentAttributes"),
                body.string("TaskTemplateId"));
    }

    /** {@code /contacts/{InstanceId}/{ContactId}} and {@code /contact/references/{InstanceId}/{ContactId}}. */
    public static ContactKey contactKey(ApiRequest request) {
        return new ContactKey(request.pathParameter("InstanceId"), request.pathParameter("ContactId"));
    }

    /** The body of {@code POST /contacts/{InstanceId}/{ContactId}}. */
    public static ContactChanges contactChanges(ApiRequest request) {
        JsonBody body = request.body();
        return new ContactChanges(body.string("Name"), body.string("Description"), body.references("References"),
                body.segmentAttributes("SegmentAttributes"));
    }

    /** {@code POST /contact/schedule}. */
    public static ScheduleChange scheduleChange(ApiRequest request) {
        JsonBody body = request.body();
        ContactKey key = new ContactKey(body.requiredString("InstanceId"), body.requiredString("ContactId"));
        return new ScheduleChange(key, body.requiredTimestamp("ScheduledTime"));
    }

    /** {@code POST /contact/stop}. */
    public static StopRequest stopRequest(ApiRequest request) {
        JsonBody body = request.body();
        return new StopRequest(new ContactKey(body.requiredString("InstanceId"), body.requiredString("ContactId")),
                body.has("DisconnectReason"));
    }

    /** {@code POST /contact/transfer}. */
    public static TransferRequest transferRequest(ApiRequest request) {
        JsonBody body = request.body();
        return new TransferRequest(new ContactKey(body.requiredString("InstanceId"), body.requiredString("ContactId")),
                body.requiredString("ContactFlowId"), body.string("QueueId"), body.string("UserId"),
                body.string("ClientToken"));
    }

    /** {@code POST /contact/attributes}. */
    public static AttributeUpdate attributeUpdate(ApiRequest request) {
        JsonBody body = request.body();
        ContactKey key = new ContactKey(body.requiredString("InstanceId"), body.requiredString("InitialContactId"));
        Map<String, String> attributes = body.stringMap("Attributes");
        if (attributes == null) {
            throw invalidRequest("Attributes is required.");
        }
        return new AttributeUpdate(key, attributes);
    }

    /** {@code GET /contact/attributes/{InstanceId}/{InitialContactId}}. */
    public static ContactKey initialContactKey(ApiRequest request) {
        return new ContactKey(request.pathParameter("InstanceId"), request.pathParameter("InitialContactId"));
    }

    /** {@code POST /contact/tags}. */
    public static TagChange tagChange(ApiRequest request) {
        JsonBody body = request.body();
        ContactKey key = new ContactKey(body.requiredString("InstanceId"), body.requiredString("ContactId"));
        Map<String, String> tags = body.stringMap("Tags");
        if (tags == null) {
            throw invalidRequest("Tags is required.");
        }
        return new TagChange(key, tags, List.of());
    }

    /** {@code DELETE /contact/tags/{InstanceId}/{ContactId}?TagKeys=...}. */
    public static TagChange untagChange(ApiRequest request) {
        List<String> keys = request.queryValues("TagKeys");
        if (keys.isEmpty()) {
            throw invalidRequest("TagKeys is required.");
        }
        return new TagChange(contactKey(request), Map.of(), keys);
    }

    /** The repeated {@code referenceTypes} query key of ListContactReferences. */
    public static Set<ReferenceType> referenceTypes(ApiRequest request) {
        List<String> names = request.queryValues("referenceTypes");
        if (names.isEmpty()) {
            throw invalidRequest("referenceTypes is required.");
        }
        if (names.size() > MAX_REFERENCE_TYPES) {
            throw invalidParameter("referenceTypes must have between 1 and " + MAX_REFERENCE_TYPES + " values.");
        }
        Set<ReferenceType> types = EnumSet.noneOf(ReferenceType.class);
        for (String name : names) {
            ReferenceType type = ReferenceType.fromWire(name);
            if (type == null) {
                throw invalidRequest("referenceTypes must be ReferenceType values such as URL or ATTACHMENT.");
            }
            types.add(type);
        }
        return types;
    }
}
