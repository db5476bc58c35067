package dev.connecttasks.http;

import static dev.connecttasks.error.ApiException.invalidRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.contact.Reference;
import dev.connecttasks.contact.ReferenceType;
import dev.connecttasks.contact.SegmentAttributes;
import dev.connecttasks.error.ApiException;
import dev.connecttasks.json.Json;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed access to the members of a JSON request body. A missing required member, a member of the
 * wrong JSON type or an unknown enum value is an InvalidRequestException naming the member. A JSON
 * {@code null} counts as absent. Members the model does not have are ignored.
 */
public final class JsonBody {
    private static final int MAX_SEGMENT_DEPTH = 5;
    private final ObjectNode node;

    JsonBody(ObjectNode node) {
        this.node = node;
    }

    /** The member's JSON as sent (null when absent or null), for a parser that reads nested shapes itself. */
    JsonNode node(String member) {
        return member(member);
    }

    public boolean has(String member) {
        JsonNode value = node.get(member);
        return value != null && !value.isNull();
    }

    public String string(String member) {
        JsonNode value = member(member);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalidRequest(member + " must be a string.");
        }
        return unicode(member, value.textValue());
    }

    public String requiredString(String member) {
        String value = string(member);
        if (value == null) {
            throw missing(member);
        }
        return value;
    }

    public boolean requiredBoolean(String member) {
        JsonNode value = member(member);
        if (value == null) {
            throw missing(member);
        }
        if (!value.isBoolean()) {
            throw invalidRequest(member + " must be true or false.");
        }
        return value.booleanValue();
    }

    /** A string member that must be one of an enum's values. */
    public String enumValue(String member, Set<String> values) {
        String value = string(member);
        if (value != null && !values.contains(value)) {
            throw invalidRequest(member + " must be one of " + new TreeSet<>(values) + ".");
        }
        return value;
    }

    public String requiredEnumValue(String member, Set<String> values) {
        String value = enumValue(member, values);
        if (value == null) {
            throw missing(member);
        }
        return value;
    }

    /** An integer member: a JSON number without a fraction, within a 32-bit integer. */
    public Integer integer(String member) {
        JsonNode value = member(member);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            throw invalidRequest(member + " must be an integer.");
        }
        if (!value.canConvertToInt()) {
            throw ApiException.invalidParameter(member + " must be between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE + ".");
        }
        return value.intValue();
    }

    /** A nested structure member, or null when absent. */
    public JsonBody nested(String member) {
        JsonNode value = object(member);
        return value == null ? null : new JsonBody((ObjectNode) value);
    }

    /** A list of structures, or null when absent. */
    public List<JsonBody> nestedList(String member) {
        JsonNode value = array(member);
        if (value == null) {
            return null;
        }
        List<JsonBody> entries = new ArrayList<>();
        for (JsonNode entry : value) {
            if (!entry.isObject()) {
                throw invalidRequest(member + " must be a list of JSON objects.");
            }
            entries.add(new JsonBody((ObjectNode) entry));
        }
        return entries;
    }

    /** A list of lists of structures, or null when absent. */
    public List<List<JsonBody>> nestedLists(String member) {
        JsonNode value = array(member);
        if (value == null) {
            return null;
        }
        List<List<JsonBody>> lists = new ArrayList<>();
        for (JsonNode entry : value) {
            if (!entry.isArray()) {
                throw invalidRequest(member + " must be a list of lists of JSON objects.");
            }
            lists.add(new JsonBody(Json.object().set(member, entry)).nestedList(member));
        }
        return lists;
    }

    /** A list of strings, or null when absent. */
    public List<String> stringList(String member) {
        JsonNode value = array(member);
        if (value == null) {
            return null;
        }
        List<String> entries = new ArrayList<>();
        for (JsonNode entry : value) {
            if (!entry.isTextual()) {
                throw invalidRequest(member + " must be a list of strings.");
            }
            entries.add(unicode(member, entry.textValue()));
        }
        return entries;
    }

    /**
     * A digest of the body without the named members, with every object's keys in order: the same for
     * two requests that differ only in those members and in key order.
     */
    public String digestWithout(Set<String> members) {
        ObjectNode rest = node.deepCopy();
        rest.remove(members);
        try {
            byte[] canonical = Json.MAPPER.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsBytes(Json.MAPPER.treeToValue(rest, Object.class));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest a parsed body", e);
        }
    }

    /** An epoch-seconds timestamp: a JSON number, integer or fractional. */
    public Instant timestamp(String member) {
        JsonNode value = member(member);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            throw invalidRequest(member + " must be a number of seconds since the epoch.");
        }
        return Json.instant(value.decimalValue());
    }

    public Instant requiredTimestamp(String member) {
        Instant value = timestamp(member);
        if (value == null) {
            throw missing(member);
        }
        return value;
    }

    public Map<String, String> stringMap(String member) {
        JsonNode value = object(member);
        if (value == null) {
            return null;
        }
        Map<String, String> entries = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isTextual()) {
                throw invalidRequest(member + " values must be strings.");
            }
            entries.put(unicode(member + " keys", entry.getKey()), unicode(member + " values", entry.getValue().textValue()));
        }
        return entries;
    }

    public Map<String, Reference> references(String member) {
        JsonNode value = object(member);
        if (value == null) {
            return null;
        }
        Map<String, Reference> references = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isObject()) {
                throw invalidRequest(member + " values must be objects with Type and Value.");
            }
            JsonBody reference = new JsonBody((ObjectNode) entry.getValue());
            String typeName = reference.requiredString("Type");
            ReferenceType type = ReferenceType.fromWire(typeName);
            if (type == null) {
                throw invalidRequest(member + " Type must be one of the ReferenceType values.");
            }
            references.put(unicode(member + " keys", entry.getKey()), new Reference(type, reference.requiredString("Value")));
        }
        return references;
    }

    /**
     * A SegmentAttributes map: each value one SegmentAttributeValue union (ValueString, ValueInteger,
     * ValueArn, ValueMap or ValueList, nested), kept as its JSON; the expiry's minutes read out.
     */
    public SegmentAttributes segmentAttributes(String member) {
        JsonNode value = object(member);
        if (value == null) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            checkSegmentValue(member, entry.getValue(), 1);
            values.put(unicode(member + " keys", entry.getKey()), Json.write(entry.getValue()));
        }
        JsonNode minutes = value.path(SegmentAttributes.EXPIRY_KEY).path("ValueMap").path("ExpiryDuration").path("ValueInteger");
        return SegmentAttributes.checked(values, minutes.canConvertToInt() && minutes.isIntegralNumber() ? minutes.intValue() : null);
    }

    private static void checkSegmentValue(String member, JsonNode value, int depth) {
        if (!value.isObject() || value.size() != 1 || depth > MAX_SEGMENT_DEPTH) {
            throw invalidRequest(member + " values must be objects with exactly one of ValueString, ValueInteger,"
                    + " ValueArn, ValueMap or ValueList, nested at most " + MAX_SEGMENT_DEPTH + " deep.");
        }
        Map.Entry<String, JsonNode> union = value.fields().next();
        JsonNode inner = union.getValue();
        boolean valid = switch (union.getKey()) {
            case "ValueString" -> inner.isTextual() && inner.textValue().length() <= 1024;
            case "ValueArn" -> inner.isTextual();
            case "ValueInteger" -> inner.isIntegralNumber() && inner.canConvertToInt();
            case "ValueMap" -> inner.isObject();
            case "ValueList" -> inner.isArray();
            default -> false;
        };
        if (!valid) {
            throw invalidRequest(member + " " + union.getKey() + " is not a valid SegmentAttributeValue member.");
        }
        if (inner.isTextual()) {
            unicode(member + " values", inner.textValue());
        }
        if (inner.isObject() || inner.isArray()) {
            for (JsonNode nested : inner) {
                checkSegmentValue(member, nested, depth + 1);
            }
        }
    }

    private JsonNode object(String member) {
        JsonNode value = member(member);
        if (value != null && !value.isObject()) {
            throw invalidRequest(member + " must be a JSON object.");
        }
        return value;
    }

    private JsonNode array(String member) {
        JsonNode value = member(member);
        if (value != null && !value.isArray()) {
            throw invalidRequest(member + " must be a JSON array.");
        }
        return value;
    }

    private JsonNode member(String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : value;
    }

    /**
     * A JSON {@code \\u} escape can name half of a surrogate pair, which no UTF-8 check of the raw body
     * catches and which DynamoDB refuses to store: such a string is the caller's mistake.
     */
    static String unicode(String member, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw invalidRequest(member + " must be valid Unicode: it holds an unpaired surrogate (\\u"
                        + Integer.toHexString(c) + ").");
            }
        }
        return value;
    }

    private static RuntimeException missing(String member) {
        return invalidRequest(member + " is required.");
    }
}
