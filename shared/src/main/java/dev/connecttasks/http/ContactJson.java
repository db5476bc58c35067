package dev.connecttasks.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.contact.Arns;
import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.Reference;
import dev.connecttasks.contact.ReferenceType;
import dev.connecttasks.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Renders contacts in the Connect response shapes. */
public final class ContactJson {
    private ContactJson() {
    }

    /**
     * The DescribeContact response: the 2021 Contact members plus RelatedContactId, Attributes, Tags,
     * DisconnectReason, SegmentAttributes and TaskTemplateInfo.
     */
    public static ObjectNode describeContactResponse(Contact contact, Arns arns) {
        ObjectNode response = describeContactResponse(contact, arns.contact(contact.key()));
        if (contact.taskTemplate() != null) {
            ((ObjectNode) response.get("Contact")).putObject("TaskTemplateInfo")
                    .put("Arn", arns.taskTemplate(contact.instanceId(), contact.taskTemplate().id()))
                    .put("Name", contact.taskTemplate().name());
        }
        return response;
    }

    /** The DescribeContact response without TaskTemplateInfo. */
    public static ObjectNode describeContactResponse(Contact contact, String arn) {
        ObjectNode out = Json.object();
        out.put("Arn", arn);
        out.put("Id", contact.id());
        putIfPresent(out, "InitialContactId", contact.initialContactId());
        putIfPresent(out, "PreviousContactId", contact.previousContactId());
        putIfPresent(out, "RelatedContactId", contact.relatedContactId());
        out.put("InitiationMethod", contact.initiationMethod());
        out.put("Name", contact.name());
        putIfPresent(out, "Description", contact.description());
        out.put("Channel", "TASK");
        putQueueInfo(out, contact);
        putTimestamp(out, "InitiationTimestamp", contact.initiatedAt());
        putTimestamp(out, "DisconnectTimestamp", contact.disconnectedAt());
        putIfPresent(out, "DisconnectReason", contact.disconnectReason());
        putTimestamp(out, "LastUpdateTimestamp", contact.lastUpdatedAt());
        putTimestamp(out, "ScheduledTimestamp", contact.scheduledAt());
        ObjectNode attributes = out.putObject("Attributes");
        new TreeMap<>(contact.attributes()).forEach(attributes::put);
        putTags(out, contact);
        putSegmentAttributes(out, contact);
        return Json.object().set("Contact", out);
    }

    private static void putQueueInfo(ObjectNode out, Contact contact) {
        if (contact.queue() != null) {
            ObjectNode queue = out.putObject("QueueInfo");
            queue.put("Id", contact.queue().queueId());
            putTimestamp(queue, "EnqueueTimestamp", contact.queue().enqueuedAt());
        }
    }

    private static void putTags(ObjectNode out, Contact contact) {
        if (!contact.tags().isEmpty()) {
            ObjectNode tags = out.putObject("Tags");
            new TreeMap<>(contact.tags()).forEach(tags::put);
        }
    }

    private static void putSegmentAttributes(ObjectNode out, Contact contact) {
        if (!contact.segmentAttributes().isEmpty()) {
            ObjectNode segmentAttributes = out.putObject("SegmentAttributes");
            new TreeMap<>(contact.segmentAttributes().values()).forEach((key, json) -> segmentAttributes.set(key, Json.read(json)));
        }
    }

    /** The SearchContacts response: each match as a ContactSearchSummary. */
    public static ObjectNode searchContactsResponse(List<Contact> contacts, long totalCount, String nextToken, Arns arns) {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("Contacts");
        for (Contact contact : contacts) {
            ObjectNode summary = list.addObject();
            summary.put("Arn", arns.contact(contact.key()));
            summary.put("Id", contact.id());
            putIfPresent(summary, "InitialContactId", contact.initialContactId());
            putIfPresent(summary, "PreviousContactId", contact.previousContactId());
            summary.put("InitiationMethod", contact.initiationMethod());
            summary.put("Channel", "TASK");
            putQueueInfo(summary, contact);
            putTimestamp(summary, "InitiationTimestamp", contact.initiatedAt());
            putTimestamp(summary, "DisconnectTimestamp", contact.disconnectedAt());
            putTimestamp(summary, "ScheduledTimestamp", contact.scheduledAt());
            putSegmentAttributes(summary, contact);
            summary.put("Name", contact.name());
            putTags(summary, contact);
        }
        putIfPresent(out, "NextToken", nextToken);
        out.put("TotalCount", totalCount);
        return out;
    }

    /** The ListContactReferences response: one page, each element exactly one union member. */
    public static ObjectNode referenceSummaryList(Map<String, Reference> references, Set<ReferenceType> types) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        new TreeMap<>(references).forEach((name, reference) -> {
            if (types.contains(reference.type())) {
                ObjectNode member = list.addObject().putObject(reference.type().unionMember());
                member.put("Name", name);
                member.put("Value", reference.value());
            }
        });
        ObjectNode out = Json.object();
        out.set("ReferenceSummaryList", list);
        return out;
    }

    private static void putIfPresent(ObjectNode node, String member, String value) {
        if (value != null) {
            node.put(member, value);
        }
    }

    private static void putTimestamp(ObjectNode node, String member, Instant value) {
        if (value != null) {
            node.put(member, Json.epochSeconds(value));
        }
    }
}
