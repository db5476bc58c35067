package dev.connecttasks.operation;

import static java.util.Comparator.naturalOrder;
import static java.util.Comparator.nullsLast;
import static java.util.Comparator.reverseOrder;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactTimestamp;
import dev.connecttasks.json.Json;
import java.time.Instant;
import java.util.Comparator;

/**
 * The order of a search's results: its sort field (contacts without it last, in either direction),
 * then the range's timestamp, then the contact id, so no two matches tie and a page can start right
 * after a key.
 */
record SearchOrder(String sortField, ContactTimestamp rangeType, boolean ascending) {

    /** Where a contact sorts: the sort field's value (timestamps as fixed-width epoch milliseconds). */
    record Key(String field, long rangeMillis, String id) {
        String encoded() {
            return Json.write(Json.MAPPER.createArrayNode().add(field).add(rangeMillis).add(id));
        }

        /** A key {@link #encoded()} made; its token's MAC vouches for it. */
        static Key decoded(String encoded) {
            JsonNode key = Json.read(encoded);
            return new Key(key.get(0).isNull() ? null : key.get(0).asText(), key.get(1).asLong(), key.get(2).asText());
        }
    }

    Key key(Contact contact) {
        return new Key(field(contact), rangeType.of(contact).toEpochMilli(), contact.id());
    }

    Comparator<Key> comparator() {
        Comparator<String> text = ascending ? naturalOrder() : reverseOrder();
        Comparator<Long> number = ascending ? naturalOrder() : reverseOrder();
        return Comparator.comparing(Key::field, nullsLast(text))
                .thenComparing(Key::rangeMillis, number)
                .thenComparing(Key::id, text);
    }

    private String field(Contact contact) {
        return switch (sortField) {
            case "INITIATION_METHOD" -> contact.initiationMethod();
            case "CHANNEL" -> "TASK";
            default -> {
                Instant value = ContactTimestamp.valueOf(sortField).of(contact);
                yield value == null ? null : String.format("%020d", value.toEpochMilli());
            }
        };
    }
}
