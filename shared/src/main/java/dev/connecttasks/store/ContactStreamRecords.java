package dev.connecttasks.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connecttasks.contact.Contact;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The table's stream as Lambda delivers it to a function (a DynamoDB event's {@code Records}): each
 * record of a contact read back into the contact it was and the contact it became.
 */
public final class ContactStreamRecords {
    private ContactStreamRecords() {
    }

    /**
     * One change of one contact: the record's sequence number (the item identifier of a partial batch
     * failure), its event name, and the contact before and after (null where the image is absent).
     */
    public record ContactChange(String sequenceNumber, String eventName, Contact before, Contact after) {
    }

    /** The contact changes among the event's records; records of other items (tokens, instances, flows) are left out. */
    public static List<ContactChange> read(JsonNode event) {
        List<ContactChange> changes = new ArrayList<>();
        for (JsonNode record : event.path("Records")) {
            JsonNode dynamodb = record.path("dynamodb");
            if (!dynamodb.path("Keys").path(ContactItems.PK).path("S").asText("").startsWith("C#")) {
                continue;
            }
            changes.add(new ContactChange(dynamodb.path("SequenceNumber").asText(), record.path("eventName").asText(),
                    contact(dynamodb.path("OldImage")), contact(dynamodb.path("NewImage"))));
        }
        return changes;
    }

    private static Contact contact(JsonNode image) {
        return image.isObject() && image.size() > 0 ? ContactItems.fromItem(item(image)) : null;
    }

    /** An item in DynamoDB's JSON form ({@code {"name":{"S":"value"}}}) as the SDK's attribute values. */
    static Map<String, AttributeValue> item(JsonNode image) {
        Map<String, AttributeValue> item = new HashMap<>();
        image.fields().forEachRemaining(field -> item.put(field.getKey(), value(field.getValue())));
        return item;
    }

    private static AttributeValue value(JsonNode typed) {
        Map.Entry<String, JsonNode> only = typed.fields().next();
        JsonNode value = only.getValue();
        return switch (only.getKey()) {
            case "S" -> AttributeValue.fromS(value.asText());
            case "N" -> AttributeValue.fromN(value.asText());
            case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(value.asText())));
            case "BOOL" -> AttributeValue.fromBool(value.asBoolean());
            case "NULL" -> AttributeValue.fromNul(true);
            case "M" -> AttributeValue.fromM(item(value));
            case "L" -> AttributeValue.fromL(list(value));
            case "SS" -> AttributeValue.fromSs(strings(value));
            case "NS" -> AttributeValue.fromNs(strings(value));
            case "BS" -> AttributeValue.fromBs(strings(value).stream()
                    .map(bytes -> SdkBytes.fromByteArray(Base64.getDecoder().decode(bytes))).toList());
            default -> throw new IllegalArgumentException("unknown attribute type " + only.getKey());
        };
    }

    private static List<AttributeValue> list(JsonNode values) {
        List<AttributeValue> list = new ArrayList<>();
        values.forEach(value -> list.add(value(value)));
        return list;
    }

    private static List<String> strings(JsonNode values) {
        List<String> strings = new ArrayList<>();
        values.forEach(value -> strings.add(value.asText()));
        return strings;
    }
}
