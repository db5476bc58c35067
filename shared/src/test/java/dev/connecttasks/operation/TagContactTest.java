package dev.connecttasks.operation;

import static dev.connecttasks.testing.ApiAssertions.assertApiError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.TagChange;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.memory.MemoryBackend;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TagContact and UntagContact, on the in-memory ports. */
class TagContactTest {
    private final MemoryBackend backend = new MemoryBackend();
    private final ContactKey key = new ContactKey(backend.instanceId, backend.startTaskContact().start(new TaskRequest(
            backend.instanceId, backend.flowId, "Call back", null, Map.of(), Map.of(), null, null, null, null)));

    private Map<String, String> tags() {
        return backend.describeContact().describe(key).tags();
    }

    private void tag(Map<String, String> tags) {
        backend.tagContact().tag(new TagChange(key, tags, null));
    }

    private void untag(String... keys) {
        backend.untagContact().untag(new TagChange(key, null, List.of(keys)));
    }

    @Test
    void tagsAreAddedReplacedAndRemovedAndTheContactIsUpdated() {
        backend.clock.advance(Duration.ofSeconds(5));
        tag(Map.of("team", "billing", "priority", "high"));
        tag(Map.of("priority", "low"));
        assertEquals(Map.of("team", "billing", "priority", "low"), tags());
        assertEquals(backend.now(), backend.describeContact().describe(key).lastUpdatedAt());
        untag("priority", "never-there");
        assertEquals(Map.of("team", "billing"), tags());
    }

    @Test
    void keysAndValuesFollowTheModel() {
        tag(Map.of("a+b=c.d_e:f/g-1,2;<", "v"));
        assertApiError(ErrorType.INVALID_PARAMETER, "aws:", () -> tag(Map.of("aws:reserved", "v")));
        assertApiError(ErrorType.INVALID_PARAMETER, "must match", () -> tag(Map.of("space key", "v")));
        assertApiError(ErrorType.INVALID_PARAMETER, "1 to 128", () -> tag(Map.of("k".repeat(129), "v")));
        assertApiError(ErrorType.INVALID_PARAMETER, "256", () -> tag(Map.of("k", "v".repeat(257))));
        assertApiError(ErrorType.INVALID_PARAMETER, "between 1 and 6", () -> tag(Map.of()));
        assertApiError(ErrorType.INVALID_PARAMETER, "between 1 and 6",
                () -> untag("a", "b", "c", "d", "e", "f", "g"));
        assertEquals(1, tags().size());
    }

    @Test
    void aContactHasAtMostSixTags() {
        tag(Map.of("a", "1", "b", "2", "c", "3", "d", "4", "e", "5", "f", "6"));
        assertApiError(ErrorType.INVALID_PARAMETER, "at most 6 tags", () -> tag(Map.of("g", "7")));
        untag("a");
        tag(Map.of("g", "7"));
        assertEquals(6, tags().size());
    }

    @Test
    void unknownContactsAreNotFound() {
        ContactKey missing = new ContactKey(backend.instanceId, "nope");
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "Contact nope",
                () -> backend.tagContact().tag(new TagChange(missing, Map.of("a", "b"), null)));
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "Contact nope",
                () -> backend.untagContact().untag(new TagChange(missing, null, List.of("a"))));
    }
}
