package dev.connecttasks.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connecttasks.offline.DemoInstance;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ContactSearchSummary;
import software.amazon.awssdk.services.connect.model.InvalidParameterException;
import software.amazon.awssdk.services.connect.model.ResourceNotFoundException;
import software.amazon.awssdk.services.connect.model.SearchContactsMatchType;
import software.amazon.awssdk.services.connect.model.SearchContactsRequest;
import software.amazon.awssdk.services.connect.model.SearchContactsResponse;
import software.amazon.awssdk.services.connect.model.SearchContactsTimeRangeType;
import software.amazon.awssdk.services.connect.model.SearchCriteria;
import software.amazon.awssdk.services.connect.model.SortOrder;
import software.amazon.awssdk.services.connect.model.SortableFieldName;

/** SearchContacts through the real AWS SDK for Java v2 {@code ConnectClient} and its paginator. */
class SearchContactsIT {
    private static final String INSTANCE = DemoInstance.INSTANCE_ID;
    private static final String FLOW = DemoInstance.FLOW_ID;
    private static ConnectClient connect;

    @BeforeAll
    static void start() throws Exception {
        connect = RunningBackend.connectClient();
    }

    /** A task carrying {@code run}, so each test searches only what it started. */
    private static String start(String run, String name, Instant scheduledTime) {
        return connect.startTaskContact(task -> task.instanceId(INSTANCE).contactFlowId(FLOW).name(name)
                .attributes(Map.of("run", run)).scheduledTime(scheduledTime)).contactId();
    }

    private static SearchCriteria ofRun(String run) {
        return SearchCriteria.builder().searchableContactAttributes(attributes -> attributes
                .criteria(criterion -> criterion.key("run").values(run))).build();
    }

    private static SearchContactsRequest.Builder lastHour(SearchCriteria criteria) {
        Instant now = Instant.now();
        return SearchContactsRequest.builder().instanceId(INSTANCE).searchCriteria(criteria)
                .timeRange(range -> range.type(SearchContactsTimeRangeType.INITIATION_TIMESTAMP)
                        .startTime(now.minus(Duration.ofHours(1))).endTime(now.plus(Duration.ofHours(1))));
    }

    @Test
    void thePaginatorWalks250MatchesOnceEachWhileContactsArrive() {
        String run = UUID.randomUUID().toString();
        Set<String> started = new HashSet<>();
        for (int i = 0; i < 250; i++) {
            started.add(start(run, "paged task " + i, null));
        }
        for (SortOrder order : List.of(SortOrder.DESCENDING, SortOrder.ASCENDING)) {
            List<String> seen = new ArrayList<>();
            int[] pages = {0};
            connect.searchContactsPaginator(lastHour(ofRun(run)).maxResults(40)
                            .sort(sort -> sort.fieldName(SortableFieldName.INITIATION_TIMESTAMP).order(order)).build())
                    .forEach(page -> {
                        pages[0]++;
                        page.contacts().forEach(contact -> seen.add(contact.id()));
                        start(run, "arrived during page " + pages[0], null);
                    });
            assertEquals(seen.size(), new HashSet<>(seen).size(), order + ": a contact seen twice");
            assertTrue(seen.containsAll(started), order + ": " + seen.size() + " seen");
            assertTrue(pages[0] >= 7, order + ": " + pages[0] + " pages");
        }
    }

    @Test
    void aScheduledTimeRangeFindsTomorrowsTasksAndNotTodays() {
        String run = UUID.randomUUID().toString();
        Instant now = Instant.now();
        // a day that starts at least a minute from now, so "today" has room for a task before it
        Instant tomorrow = LocalDate.ofInstant(now.plus(Duration.ofMinutes(1)), ZoneOffset.UTC).plusDays(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        String morning = start(run, "tomorrow morning", tomorrow.plus(Duration.ofHours(9)));
        String afternoon = start(run, "tomorrow afternoon", tomorrow.plus(Duration.ofHours(15)));
        start(run, "today", now.plus(Duration.ofSeconds(30)));
        start(run, "now", null);
        SearchContactsResponse found = connect.searchContacts(search -> search.instanceId(INSTANCE).searchCriteria(ofRun(run))
                .timeRange(range -> range.type(SearchContactsTimeRangeType.SCHEDULED_TIMESTAMP)
                        .startTime(tomorrow).endTime(tomorrow.plus(Duration.ofDays(1)).minusMillis(1)))
                .sort(sort -> sort.fieldName(SortableFieldName.SCHEDULED_TIMESTAMP).order(SortOrder.ASCENDING)));
        assertEquals(List.of(morning, afternoon), found.contacts().stream().map(ContactSearchSummary::id).toList());
        assertEquals(2L, found.totalCount());
        ContactSearchSummary first = found.contacts().get(0);
        assertEquals(tomorrow.plus(Duration.ofHours(9)), first.scheduledTimestamp());
        assertEquals("tomorrow morning", first.name());
        assertEquals("arn:aws:connect:us-east-1:000000000000:instance/" + INSTANCE + "/contact/" + morning, first.arn());
        assertNotNull(first.initiationTimestamp());
    }

    @Test
    void byNameAndByAttribute() {
        String run = UUID.randomUUID().toString();
        String refund = start(run, "Refund order " + run, null);
        start(run, "Something else", null);
        SearchCriteria named = ofRun(run).toBuilder()
                .name(name -> name.searchText("refund", run.substring(0, 8)).matchType(SearchContactsMatchType.MATCH_ALL)).build();
        assertEquals(List.of(refund), connect.searchContacts(lastHour(named).build()).contacts().stream()
                .map(ContactSearchSummary::id).toList());
        assertEquals(2L, connect.searchContacts(lastHour(ofRun(run)).build()).totalCount());
    }

    @Test
    void aTokenIsOnlyForItsSearchAndAnUnknownInstanceIsNotFound() {
        String run = UUID.randomUUID().toString();
        start(run, "one", null);
        start(run, "two", null);
        String token = connect.searchContacts(lastHour(ofRun(run)).maxResults(1).build()).nextToken();
        assertNotNull(token);
        String otherInstance = connect.createInstance(create -> create.identityManagementType("CONNECT_MANAGED")
                .instanceAlias("search-" + run.substring(0, 8)).inboundCallsEnabled(true).outboundCallsEnabled(false)).id();
        InvalidParameterException elsewhere = assertThrows(InvalidParameterException.class, () -> connect.searchContacts(
                lastHour(ofRun(run)).instanceId(otherInstance).nextToken(token).build()));
        assertTrue(elsewhere.getMessage().contains("NextToken is not valid"), elsewhere.getMessage());
        String edited = token.substring(0, 10) + (token.charAt(10) == 'x' ? 'y' : 'x') + token.substring(11);
        assertThrows(InvalidParameterException.class, () -> connect.searchContacts(lastHour(ofRun(run)).nextToken(edited).build()));
        assertThrows(ResourceNotFoundException.class, () -> connect.searchContacts(lastHour(ofRun(run)).instanceId("no-such-instance").build()));
    }
}
