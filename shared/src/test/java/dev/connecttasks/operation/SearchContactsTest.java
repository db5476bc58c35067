package dev.connecttasks.operation;

import static dev.connecttasks.testing.ApiAssertions.assertApiError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.StopRequest;
import dev.connecttasks.contact.TagChange;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.http.ApiRequest;
import dev.connecttasks.http.SearchRequests;
import dev.connecttasks.instance.InstanceRequest;
import dev.connecttasks.json.Json;
import dev.connecttasks.memory.MemoryBackend;
import dev.connecttasks.testing.ApiEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SearchContacts on the in-memory ports, its requests read as the function reads them. */
class SearchContactsTest {
    private final MemoryBackend backend = new MemoryBackend();

    private String start(String name, Map<String, String> attributes, Instant scheduledTime) {
        return backend.startTaskContact().start(new TaskRequest(
                backend.instanceId, backend.flowId, name, null, attributes, Map.of(), null, null, null, scheduledTime));
    }

    private ObjectNode request(String rangeType, Instant from, Instant to) {
        ObjectNode request = Json.object().put("InstanceId", backend.instanceId);
        request.putObject("TimeRange").put("Type", rangeType)
                .put("StartTime", Json.epochSeconds(from)).put("EndTime", Json.epochSeconds(to));
        return request;
    }

    private ObjectNode today() {
        return request("INITIATION_TIMESTAMP", backend.now().minus(Duration.ofHours(1)), backend.now().plus(Duration.ofHours(1)));
    }

    private SearchContacts.Page search(ObjectNode request) {
        return backend.searchContacts().search(SearchRequests.searchContacts(
                new ApiRequest(ApiEvents.request("POST", "/search-contacts").body(Json.write(request)).build())));
    }

    private static List<String> ids(SearchContacts.Page page) {
        return page.contacts().stream().map(Contact::id).toList();
    }

    @Test
    void aScheduledTimeRangeFindsTomorrowsTasksAndNotTodays() {
        Instant tomorrow = backend.now().plus(Duration.ofDays(1));
        String later = start("tomorrow, late", Map.of(), tomorrow.plus(Duration.ofHours(2)));
        String early = start("tomorrow, early", Map.of(), tomorrow);
        start("today", Map.of(), backend.now().plus(Duration.ofHours(1)));
        start("now", Map.of(), null);
        ObjectNode request = request("SCHEDULED_TIMESTAMP", tomorrow.minus(Duration.ofHours(1)), tomorrow.plus(Duration.ofHours(23)));
        request.putObject("Sort").put("FieldName", "SCHEDULED_TIMESTAMP").put("Order", "ASCENDING");
        SearchContacts.Page page = search(request);
        assertEquals(List.of(early, later), ids(page));
        assertEquals(2, page.totalCount());
        assertNull(page.nextToken());
        assertEquals(tomorrow, page.contacts().get(0).scheduledAt());
    }

    @Test
    void attributesMatchByKeyAndValue() {
        String order = start("order", Map.of("orderId", "A-1042", "region", "emea"), null);
        start("other order", Map.of("orderId", "A-7"), null);
        start("no order", Map.of(), null);
        ObjectNode request = today();
        ObjectNode attributes = request.putObject("SearchCriteria").putObject("SearchableContactAttributes");
        attributes.putArray("Criteria").addObject().put("Key", "orderId").putArray("Values").add("A-1042");
        assertEquals(List.of(order), ids(search(request)));
        ObjectNode region = ((ArrayNode) attributes.get("Criteria")).addObject().put("Key", "region");
        region.putArray("Values").add("apac");
        assertEquals(List.of(), ids(search(request)), "MATCH_ALL is the default");
        attributes.put("MatchType", "MATCH_ANY");
        assertEquals(List.of(order), ids(search(request)));
        attributes.put("MatchType", "MATCH_NONE");
        assertApiError(ErrorType.INVALID_PARAMETER, "MATCH_ALL or MATCH_ANY", () -> search(request));
        assertEquals(3, search(today()).totalCount());
    }

    @Test
    void namesMatchByEachMatchType() {
        String refund = start("Refund order A-1042", Map.of(), null);
        String callBack = start("Call back about refund", Map.of(), null);
        String other = start("Something else", Map.of(), null);
        Map<String, Set<String>> expected = Map.of(
                "MATCH_ALL", Set.of(callBack),
                "MATCH_ANY", Set.of(refund, callBack),
                "MATCH_NONE", Set.of(other),
                "MATCH_EXACT", Set.of());
        expected.forEach((matchType, ids) -> {
            ObjectNode request = today();
            ObjectNode name = request.putObject("SearchCriteria").putObject("Name").put("MatchType", matchType);
            name.putArray("SearchText").add("REFUND").add("call");
            assertEquals(ids, new HashSet<>(ids(search(request))), matchType);
        });
        ObjectNode exact = today();
        exact.putObject("SearchCriteria").putObject("Name").put("MatchType", "MATCH_EXACT").putArray("SearchText").add("Something else");
        assertEquals(List.of(other), ids(search(exact)));
    }

    @Test
    void tagsQueuesMethodsAndAgentsFilter() {
        String tagged = start("tagged", Map.of(), null);
        String plain = start("plain", Map.of(), null);
        backend.tagContact().tag(new TagChange(new ContactKey(backend.instanceId, tagged), Map.of("team", "billing"), null));
        ObjectNode byTag = today();
        byTag.putObject("SearchCriteria").putObject("ContactTags").putObject("TagCondition").put("TagKey", "team").put("TagValue", "billing");
        assertEquals(List.of(tagged), ids(search(byTag)));
        ObjectNode byMethod = today();
        byMethod.putObject("SearchCriteria").putArray("InitiationMethods").add("API");
        assertEquals(Set.of(tagged, plain), new HashSet<>(ids(search(byMethod))));
        ObjectNode transfers = today();
        transfers.putObject("SearchCriteria").putArray("InitiationMethods").add("TRANSFER");
        assertEquals(List.of(), ids(search(transfers)));
        ObjectNode voice = today();
        voice.putObject("SearchCriteria").putArray("Channels").add("VOICE");
        assertEquals(List.of(), ids(search(voice)));
        ObjectNode agents = today();
        agents.putObject("SearchCriteria").putArray("AgentIds").add("agent-1");
        assertEquals(List.of(), ids(search(agents)), "no task here reaches an agent");
        ObjectNode queue = today();
        queue.putObject("SearchCriteria").putArray("QueueIds").add("nowhere");
        assertEquals(List.of(), ids(search(queue)));
    }

    @Test
    void pagesSeeEachMatchOnceWhileContactsArrive() {
        Set<String> before = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            before.add(start("task " + i, Map.of(), null));
            backend.clock.advance(Duration.ofSeconds(1));
        }
        for (String order : List.of("DESCENDING", "ASCENDING")) {
            ObjectNode request = request("INITIATION_TIMESTAMP", backend.now().minus(Duration.ofHours(1)), backend.now().plus(Duration.ofHours(1)));
            request.put("MaxResults", 4);
            request.putObject("Sort").put("FieldName", "INITIATION_TIMESTAMP").put("Order", order);
            List<String> seen = new ArrayList<>();
            String token = null;
            do {
                if (token != null) {
                    request.put("NextToken", token);
                }
                SearchContacts.Page page = search(request);
                seen.addAll(ids(page));
                start("arrived while paging " + order, Map.of(), null);
                token = page.nextToken();
            } while (token != null);
            assertEquals(new HashSet<>(seen).size(), seen.size(), "each match once: " + order);
            assertTrue(seen.containsAll(before), order);
        }
    }

    @Test
    void aTokenBelongsToItsSearch() {
        for (int i = 0; i < 3; i++) {
            start("task " + i, Map.of(), null);
        }
        ObjectNode request = today().put("MaxResults", 1);
        String token = search(request).nextToken();
        assertNotNull(token);
        String otherInstance = backend.createInstance().create(
                new InstanceRequest(null, "CONNECT_MANAGED", "other-instance", null, true, false, null));
        ObjectNode elsewhere = today().put("InstanceId", otherInstance).put("NextToken", token);
        assertApiError(ErrorType.INVALID_PARAMETER, "NextToken is not valid", () -> search(elsewhere));
        String edited = token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);
        assertApiError(ErrorType.INVALID_PARAMETER, "NextToken is not valid", () -> search(today().put("NextToken", edited)));
        assertApiError(ErrorType.INVALID_PARAMETER, "NextToken is not valid", () -> search(today().put("NextToken", "garbage")));
        ObjectNode otherCriteria = today().put("MaxResults", 1).put("NextToken", token);
        otherCriteria.putObject("SearchCriteria").putArray("Channels").add("TASK");
        assertApiError(ErrorType.INVALID_PARAMETER, "NextToken is not valid", () -> search(otherCriteria));
        assertEquals(1, search(today().put("MaxResults", 1).put("NextToken", token)).contacts().size());
    }

    @Test
    void theRangeAndTheInstanceAreChecked() {
        assertApiError(ErrorType.INVALID_PARAMETER, "8 weeks",
                () -> search(request("INITIATION_TIMESTAMP", backend.now(), backend.now().plus(Duration.ofDays(57)))));
        assertApiError(ErrorType.INVALID_PARAMETER, "after its EndTime",
                () -> search(request("INITIATION_TIMESTAMP", backend.now(), backend.now().minusSeconds(1))));
        assertApiError(ErrorType.INVALID_PARAMETER, "MaxResults", () -> search(today().put("MaxResults", 101)));
        assertApiError(ErrorType.INVALID_REQUEST, "TimeRange", () -> search(Json.object().put("InstanceId", backend.instanceId)));
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "not found", () -> search(today().put("InstanceId", "no-such-instance")));
        assertEquals(0, search(today()).totalCount());
    }

    @Test
    void endedContactsAreFoundByTheirDisconnectTimeAndSortedByAnyField() {
        String ended = start("ended", Map.of(), null);
        String open = start("open", Map.of(), null);
        backend.stopContact().stop(new StopRequest(new ContactKey(backend.instanceId, ended), false));
        ObjectNode disconnected = request("DISCONNECT_TIMESTAMP", backend.now().minusSeconds(60), backend.now().plusSeconds(60));
        assertEquals(List.of(ended), ids(search(disconnected)));
        ObjectNode byExpiry = today();
        byExpiry.putObject("Sort").put("FieldName", "EXPIRY_TIMESTAMP").put("Order", "ASCENDING");
        List<String> sorted = ids(search(byExpiry));
        assertEquals(ended, sorted.get(sorted.size() - 1), "a contact without the sort field comes last");
    }
}
