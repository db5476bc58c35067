package dev.connecttasks.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connecttasks.json.Json;
import org.junit.jupiter.api.Test;

class EventPatternsTest {
    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    private static final String NEW_PENDING = "{\"eventName\":\"INSERT\",\"dynamodb\":{\"Keys\":{\"pk\":{\"S\":\"C#1\"}},"
            + "\"NewImage\":{\"flowStatus\":{\"S\":\"PENDING\"}}}}";

    @Test
    void theFlowRunnersFilterTakesNewPendingContactsOnly() throws Exception {
        JsonNode filter = json("{\"eventName\":[\"INSERT\"],\"dynamodb\":{\"NewImage\":{\"flowStatus\":{\"S\":[\"PENDING\"]}}}}");
        assertTrue(EventPatterns.matches(filter, json(NEW_PENDING)));
        assertFalse(EventPatterns.matches(filter, json(NEW_PENDING.replace("INSERT", "MODIFY"))));
        assertFalse(EventPatterns.matches(filter, json(NEW_PENDING.replace("PENDING", "SCHEDULED"))));
        assertFalse(EventPatterns.matches(filter, json("{\"eventName\":\"INSERT\",\"dynamodb\":{\"Keys\":{}}}")));
    }

    @Test
    void prefixAndExistsMatchAsInEventBridge() throws Exception {
        JsonNode contacts = json("{\"dynamodb\":{\"Keys\":{\"pk\":{\"S\":[{\"prefix\":\"C#\"}]}}}}");
        assertTrue(EventPatterns.matches(contacts, json(NEW_PENDING)));
        assertFalse(EventPatterns.matches(contacts, json(NEW_PENDING.replace("C#1", "T#token"))));
        JsonNode withImage = json("{\"dynamodb\":{\"NewImage\":[{\"exists\":true}]}}");
        assertTrue(EventPatterns.matches(withImage, json(NEW_PENDING)));
        assertFalse(EventPatterns.matches(withImage, json("{\"dynamodb\":{\"OldImage\":{}}}")));
        assertTrue(EventPatterns.matches(json("{\"dynamodb\":{\"NewImage\":[{\"exists\":false}]}}"),
                json("{\"dynamodb\":{\"OldImage\":{}}}")));
    }
}
