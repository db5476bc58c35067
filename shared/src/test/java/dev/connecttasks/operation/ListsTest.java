package dev.connecttasks.operation;

import static dev.connecttasks.testing.ApiAssertions.assertApiError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connecttasks.error.ErrorType;
import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.instance.FlowRequest;
import dev.connecttasks.instance.InstanceRequest;
import dev.connecttasks.instance.ListRequest;
import dev.connecttasks.instance.Listing;
import dev.connecttasks.instance.Summaries.FlowSummary;
import dev.connecttasks.instance.Summaries.InstanceSummary;
import dev.connecttasks.instance.Summaries.QueueSummary;
import dev.connecttasks.memory.MemoryBackend;
import dev.connecttasks.offline.DemoInstance;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ListQueues, ListContactFlows and ListInstances on the in-memory ports: paging, tokens, filters, limits. */
class ListsTest {
    private final MemoryBackend backend = new MemoryBackend();

    private ListRequest queues(String nextToken, Integer maxResults) {
        return new ListRequest(backend.instanceId, Set.of(), nextToken, maxResults);
    }

    private String newInstance(String alias) {
        return backend.createInstance().create(new InstanceRequest(null, "CONNECT_MANAGED", alias, null, true, false, Map.of()));
    }

    @Test
    void everyQueueIsListedExactlyOnceWhileQueuesAreCreatedBetweenPages() {
        String instance = newInstance("paged");
        for (int i = 0; i < 250; i++) {
            backend.createQueue(instance, "Queue " + i, null);
        }
        Map<String, Integer> seen = new HashMap<>();
        String token = null;
        int pages = 0;
        do {
            Listing<QueueSummary> page = backend.listQueues().list(new ListRequest(instance, Set.of(), token, 7));
            assertTrue(page.items().size() <= 7);
            page.items().forEach(queue -> seen.merge(queue.name(), 1, Integer::sum));
            backend.createQueue(instance, "Created after page " + pages, null);
            token = page.nextToken();
            pages++;
        } while (token != null);
        for (int i = 0; i < 250; i++) {
            assertEquals(1, seen.get("Queue " + i), "Queue " + i);
        }
        assertEquals(1, seen.get("BasicQueue"));
        assertTrue(seen.values().stream().allMatch(count -> count == 1), seen.toString());
        assertTrue(pages >= 36, "pages " + pages);
    }

    @Test
    void theDefaultPageIs100AndMaxResultsMustBe1To1000() {
        String instance = newInstance("sized");
        for (int i = 0; i < 120; i++) {
            backend.createQueue(instance, "Queue " + i, null);
        }
        Listing<QueueSummary> first = backend.listQueues().list(new ListRequest(instance, Set.of(), null, null));
        assertEquals(100, first.items().size());
        assertNotNull(first.nextToken());
        Listing<QueueSummary> rest = backend.listQueues().list(new ListRequest(instance, Set.of(), first.nextToken(), 1000));
        assertEquals(21, rest.items().size());
        assertNull(rest.nextToken());
        for (int outside : new int[] {0, -1, 1001, Integer.MAX_VALUE}) {
            assertApiError(ErrorType.INVALID_PARAMETER, "maxResults must be between 1 and 1000",
                    () -> backend.listQueues().list(new ListRequest(instance, Set.of(), null, outside)));
            assertApiError(ErrorType.INVALID_PARAMETER, "maxResults must be between 1 and 1000",
                    () -> backend.listContactFlows().list(new ListRequest(instance, Set.of(), null, outside)));
        }
    }

    @Test
    void aTokenIsBoundToItsListingAndAnyChangeToItIsRefused() {
        Listing<QueueSummary> first = backend.listQueues().list(queues(null, 1));
        String token = first.nextToken();
        assertNotNull(token);
        String other = newInstance("other");
        backend.createQueue(other, "Second", null);
        List<String> refused = new ArrayList<>(List.of("", "x", ".", token + "x", "x" + token, token.replace('.', '-'),
                token.substring(0, token.indexOf('.')), token + "." + token, "A".repeat(5000),
                Base64.getUrlEncoder().withoutPadding().encodeToString("support".getBytes()) + token.substring(token.indexOf('.'))));
        char[] chars = token.toCharArray();
        chars[2] = chars[2] == 'A' ? 'B' : 'A';
        refused.add(new String(chars));
        for (String bad : refused) {
            assertApiError(ErrorType.INVALID_PARAMETER, "nextToken is not valid",
                    () -> backend.listQueues().list(queues(bad, 1)));
        }
        // a token of one instance's queues resumes neither another instance's queues nor its flows
        assertApiError(ErrorType.INVALID_PARAMETER, "nextToken", () -> backend.listQueues().list(new ListRequest(other, Set.of(), token, 1)));
        assertApiError(ErrorType.INVALID_PARAMETER, "nextToken", () -> backend.listContactFlows().list(
                new ListRequest(backend.instanceId, Set.of(), token, 1)));
        assertApiError(ErrorType.INVALID_REQUEST, "nextToken", () -> backend.listInstances().list(new ListRequest(null, Set.of(), token, 1)));
        // the token itself still works, as often as it is sent
        assertEquals(backend.listQueues().list(queues(token, 1)), backend.listQueues().list(queues(token, 1)));
    }

    @Test
    void anUnknownInstanceIsNotFoundAndAQueueTypeFilterWorks() {
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "Instance nope", () -> backend.listQueues().list(new ListRequest("nope", Set.of(), null, null)));
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "Instance nope", () -> backend.listContactFlows().list(new ListRequest("nope", Set.of(), null, null)));
        assertApiError(ErrorType.INVALID_PARAMETER, "InstanceId", () -> backend.listQueues().list(new ListRequest("i".repeat(101), Set.of(), null, null)));
        assertEquals(List.of(), backend.listQueues().list(new ListRequest(backend.instanceId, Set.of("AGENT"), null, null)).items());
        assertEquals(Set.of("BasicQueue", "Support", "Billing", "Escalations"), Set.copyOf(backend.listQueues()
                .list(new ListRequest(backend.instanceId, Set.of("STANDARD", "AGENT"), null, null)).items().stream().map(QueueSummary::name).toList()));
        // an instance with no flows lists none, and exists
        assertEquals(List.of(), backend.listContactFlows().list(new ListRequest(newInstance("flowless"), Set.of(), null, null)).items());
    }

    @Test
    void flowsAreListedWithTypeAndStatusAndFilteredByType() {
        String saved = backend.createContactFlow().create(new FlowRequest(backend.instanceId, "Queue flow", "CUSTOMER_QUEUE",
                null, "{}", ContactFlow.SAVED, Map.of()));
        List<FlowSummary> all = collect(token -> backend.listContactFlows().list(new ListRequest(backend.instanceId, Set.of(), token, 1)));
        assertEquals(Set.of(DemoInstance.FLOW_ID, saved), Set.copyOf(all.stream().map(FlowSummary::id).toList()));
        assertEquals(List.of(new FlowSummary(backend.instanceId, saved, "Queue flow", "CUSTOMER_QUEUE", ContactFlow.SAVED)),
                collect(token -> backend.listContactFlows().list(new ListRequest(backend.instanceId, Set.of("CUSTOMER_QUEUE"), token, 1))));
        assertEquals(List.of(DemoInstance.FLOW_ID), backend.listContactFlows().list(new ListRequest(backend.instanceId,
                Set.of("CONTACT_FLOW", "CAMPAIGN"), null, 10)).items().stream().map(FlowSummary::id).toList());
    }

    @Test
    void instancesAreListedTenAtMostAndTheirRulesAreInvalidRequests() {
        for (int i = 0; i < 12; i++) {
            newInstance("listed-" + i);
        }
        Listing<InstanceSummary> first = backend.listInstances().list(new ListRequest(null, Set.of(), null, null));
        assertEquals(10, first.items().size());
        List<InstanceSummary> all = collect(token -> backend.listInstances().list(new ListRequest(null, Set.of(), token, 4)));
        assertEquals(13, all.size());
        assertEquals(13, Set.copyOf(all.stream().map(InstanceSummary::id).toList()).size());
        InstanceSummary demo = all.stream().filter(instance -> instance.id().equals(DemoInstance.INSTANCE_ID)).findFirst().orElseThrow();
        assertEquals(DemoInstance.ALIAS, demo.alias());
        assertEquals("CONNECT_MANAGED", demo.identityManagementType());
        for (int outside : new int[] {0, 11}) {
            assertApiError(ErrorType.INVALID_REQUEST, "maxResults must be between 1 and 10",
                    () -> backend.listInstances().list(new ListRequest(null, Set.of(), null, outside)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ListQueues", "ListContactFlows"})
    void aListingOfAnInstanceStartsOverWithoutAToken(String operation) {
        Function<String, Listing<?>> list = token -> operation.equals("ListQueues")
                ? backend.listQueues().list(queues(token, 2))
                : backend.listContactFlows().list(new ListRequest(backend.instanceId, Set.of(), token, 2));
        assertEquals(list.apply(null), list.apply(null));
    }

    private static <T> List<T> collect(Function<String, Listing<T>> page) {
        List<T> items = new ArrayList<>();
        String token = null;
        do {
            Listing<T> listing = page.apply(token);
            items.addAll(listing.items());
            token = listing.nextToken();
        } while (token != null);
        return items;
    }
}
