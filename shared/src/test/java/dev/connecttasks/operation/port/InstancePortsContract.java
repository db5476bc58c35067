package dev.connecttasks.operation.port;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.instance.Instance;
import dev.connecttasks.instance.Queue;
import dev.connecttasks.instance.Summaries.FlowSummary;
import dev.connecttasks.instance.Summaries.InstanceSummary;
import dev.connecttasks.instance.Summaries.QueueSummary;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * What every {@link InstanceStore} and {@link QueueStore} must do, run against the DynamoDB adapter on the emulator
 * ({@code InstanceTableIT}) and the in-memory one the operation tests use ({@code MemoryInstancesTest}).
 */
public abstract class InstancePortsContract {
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final Stores stores = stores();
    private final InstanceStore instances = stores.instances();
    private final QueueStore queues = stores.queues();

    /** The implementations under test, over one store. */
    public record Stores(InstanceStore instances, QueueStore queues) {
    }

    protected abstract Stores stores();

    private static Queue basicQueue(Instance instance) {
        return Queue.basic(instance.id(), "basic-" + instance.id(), "hours", instance.createdAt());
    }

    private Creation<InstanceStore.InstanceRefusal> create(Instance instance, IdempotencyRecord token, Instant at) {
        return instances.create(instance, basicQueue(instance), token, at);
    }

    private Queue queue(String instanceId, String name) {
        return new Queue(instanceId, UUID.randomUUID().toString(), name, "d", "hours", 5, Map.of("k", "v"), now);
    }

    /** Every page of a listing, in order, {@code maxResults} at a time. */
    private static <T> List<List<T>> pages(BiFunction<String, Integer, ListPage<T>> list, int maxResults) {
        List<List<T>> pages = new ArrayList<>();
        String resumeAfter = null;
        do {
            ListPage<T> page = list.apply(resumeAfter, maxResults);
            pages.add(page.items());
            resumeAfter = page.resumeAfter();
        } while (resumeAfter != null);
        return pages;
    }

    private Instance instance(String alias) {
        return new Instance(UUID.randomUUID().toString(), "SAML", alias, null, true, false, Map.of("team", "a"), now);
    }

    private ContactFlow flow(String instanceId, String name) {
        return new ContactFlow(instanceId, UUID.randomUUID().toString(), name, "CONTACT_FLOW", null, "{}",
                ContactFlow.SAVED, Map.of(), now);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anInstanceReadsBackWhole() {
        Instance instance = instance(unique("whole"));
        assertEquals(Creation.created(), create(instance, null, now));
        assertEquals(Optional.of(instance), instances.findInstance(instance.id()));
        assertEquals(Optional.empty(), instances.findInstance("missing"));
    }

    @Test
    void anAliasIsTakenOnceIgnoringCaseAndARefusedInstanceIsNotWritten() {
        String alias = unique("case");
        assertEquals(Creation.created(), create(instance(alias), null, now));
        Instance second = instance(alias.toUpperCase());
        assertEquals(Creation.refused(InstanceStore.InstanceRefusal.ALIAS_TAKEN), create(second, null, now));
        assertEquals(Optional.empty(), instances.findInstance(second.id()));
    }

    @Test
    void aTokenIsHeldForItsLifetimeWithTheFirstRequestsHash() {
        String token = unique("token");
        Instance first = instance(unique("first"));
        assertEquals(Creation.created(), create(first, new IdempotencyRecord(token, "h1", first.id()), now));
        Instance second = instance(unique("second"));
        assertEquals(new Creation.TokenHeld<>(new IdempotencyRecord(token, "h1", first.id())),
                create(second, new IdempotencyRecord(token, "h2", second.id()), now));
        assertEquals(Optional.empty(), instances.findInstance(second.id()));
        Instant later = now.plus(IdempotencyRecord.LIFETIME);
        assertEquals(Creation.created(), create(second, new IdempotencyRecord(token, "h2", second.id()), later));
    }

    @Test
    void aFlowNameIsTakenOncePerInstanceInAnExistingInstance() {
        Instance a = instance(null);
        Instance b = instance(null);
        create(a, null, now);
        create(b, null, now);
        ContactFlow flow = flow(a.id(), "Routing");
        assertEquals(Creation.created(), instances.create(flow));
        assertEquals(Optional.of(flow), instances.findFlow(a.id(), flow.id()));
        assertEquals(Optional.empty(), instances.findFlow(b.id(), flow.id()));
        ContactFlow sameName = flow(a.id(), "Routing");
        assertEquals(Creation.refused(InstanceStore.FlowRefusal.NAME_TAKEN), instances.create(sameName));
        assertEquals(Optional.empty(), instances.findFlow(a.id(), sameName.id()));
        assertEquals(Creation.created(), instances.create(flow(b.id(), "Routing")));
        assertEquals(Creation.refused(InstanceStore.FlowRefusal.INSTANCE_MISSING), instances.create(flow("missing", "Routing")));
    }

    @Test
    void anInstanceComesWithItsBasicQueueAndARefusedOneLeavesNone() {
        String alias = unique("basic");
        Instance instance = instance(alias);
        assertEquals(Creation.created(), create(instance, null, now));
        assertEquals(Optional.of(basicQueue(instance)), queues.findQueue(instance.id(), "basic-" + instance.id()));
        Instance refused = instance(alias);
        create(refused, null, now);
        assertEquals(Optional.empty(), queues.findQueue(refused.id(), "basic-" + refused.id()));
        assertEquals(List.of(), queues.listQueues(refused.id(), Set.of(), null, 10).items());
    }

    @Test
    void aQueueNameIsTakenOncePerInstanceInAnExistingInstance() {
        Instance a = instance(null);
        Instance b = instance(null);
        create(a, null, now);
        create(b, null, now);
        Queue queue = queue(a.id(), "Billing");
        assertEquals(Creation.created(), queues.create(queue));
        assertEquals(Optional.of(queue), queues.findQueue(a.id(), queue.id()));
        assertEquals(Optional.empty(), queues.findQueue(b.id(), queue.id()));
        Queue sameName = queue(a.id(), "Billing");
        assertEquals(Creation.refused(QueueStore.QueueRefusal.NAME_TAKEN), queues.create(sameName));
        assertEquals(Optional.empty(), queues.findQueue(a.id(), sameName.id()));
        assertEquals(Creation.refused(QueueStore.QueueRefusal.NAME_TAKEN), queues.create(queue(a.id(), Queue.BASIC_QUEUE_NAME)));
        assertEquals(Creation.created(), queues.create(queue(b.id(), "Billing")));
        assertEquals(Creation.refused(QueueStore.QueueRefusal.INSTANCE_MISSING), queues.create(queue("missing", "Billing")));
        Queue unlimited = new Queue(a.id(), UUID.randomUUID().toString(), "Unlimited", null, "h", null, Map.of(), now);
        queues.create(unlimited);
        assertEquals(Optional.of(unlimited), queues.findQueue(a.id(), unlimited.id()));
    }

    @Test
    void missingQueuesAreThoseTheInstanceDoesNotHave() {
        Instance a = instance(null);
        create(a, null, now);
        Queue queue = queue(a.id(), "Known");
        queues.create(queue);
        assertEquals(Set.of("nope"), queues.missingQueues(a.id(), Set.of(queue.id(), "basic-" + a.id(), "nope")));
        assertEquals(Set.of(queue.id()), queues.missingQueues("other-instance", Set.of(queue.id())));
        Set<String> many = new HashSet<>();
        for (int i = 0; i < 150; i++) {
            many.add("absent-" + i);
        }
        many.add(queue.id());
        Set<String> expected = new HashSet<>(many);
        expected.remove(queue.id());
        assertEquals(expected, queues.missingQueues(a.id(), many));
    }

    @Test
    void queuesAreListedPageByPageInIdOrderEachOnceAndByType() {
        Instance a = instance(null);
        Instance b = instance(null);
        create(a, null, now);
        create(b, null, now);
        List<String> ids = new ArrayList<>(List.of("basic-" + a.id()));
        for (int i = 0; i < 7; i++) {
            Queue queue = queue(a.id(), "Queue " + i);
            queues.create(queue);
            ids.add(queue.id());
        }
        queues.create(queue(b.id(), "Elsewhere"));
        Collections.sort(ids);
        List<List<QueueSummary>> pages = pages((after, max) -> queues.listQueues(a.id(), Set.of(), after, max), 3);
        assertEquals(List.of(3, 3, 2), pages.stream().map(List::size).toList());
        assertEquals(ids, pages.stream().flatMap(List::stream).map(QueueSummary::id).toList());
        QueueSummary first = pages.get(0).get(0);
        assertEquals(a.id(), first.instanceId());
        assertEquals(Queue.STANDARD, first.queueType());
        assertEquals(now, first.lastModifiedAt());
        assertEquals(ids, pages((after, max) -> queues.listQueues(a.id(), Set.of(Queue.STANDARD), after, max), 8)
                .stream().flatMap(List::stream).map(QueueSummary::id).toList());
        assertEquals(List.of(), pages((after, max) -> queues.listQueues(a.id(), Set.of("AGENT"), after, max), 3)
                .stream().flatMap(List::stream).toList());
        // a page resumes after the id it was given, whatever was created before it
        Queue early = new Queue(a.id(), "0" + UUID.randomUUID(), "Early", null, "h", null, Map.of(), now);
        queues.create(early);
        ListPage<QueueSummary> rest = queues.listQueues(a.id(), Set.of(), ids.get(5), 10);
        assertEquals(ids.subList(6, 8), rest.items().stream().map(QueueSummary::id).toList());
        assertEquals(null, rest.resumeAfter());
    }

    @Test
    void flowsAreListedPageByPageWithTheirTypeAndStatusFilteredByType() {
        Instance a = instance(null);
        create(a, null, now);
        List<String> ids = new ArrayList<>();
        List<String> queueFlows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String type = i % 2 == 0 ? "CONTACT_FLOW" : "CUSTOMER_QUEUE";
            ContactFlow flow = new ContactFlow(a.id(), UUID.randomUUID().toString(), "Flow " + i, type, null, "{}",
                    i == 0 ? ContactFlow.PUBLISHED : ContactFlow.SAVED, Map.of(), now);
            instances.create(flow);
            ids.add(flow.id());
            if (type.equals("CUSTOMER_QUEUE")) {
                queueFlows.add(flow.id());
            }
        }
        Collections.sort(ids);
        Collections.sort(queueFlows);
        List<FlowSummary> all = pages((after, max) -> instances.listFlows(a.id(), Set.of(), after, max), 2)
                .stream().flatMap(List::stream).toList();
        assertEquals(ids, all.stream().map(FlowSummary::id).toList());
        FlowSummary flow0 = all.stream().filter(flow -> flow.name().equals("Flow 0")).findFirst().orElseThrow();
        assertEquals(new FlowSummary(a.id(), flow0.id(), "Flow 0", "CONTACT_FLOW", ContactFlow.PUBLISHED), flow0);
        assertEquals(queueFlows, pages((after, max) -> instances.listFlows(a.id(), Set.of("CUSTOMER_QUEUE"), after, max), 1)
                .stream().flatMap(List::stream).map(FlowSummary::id).toList());
        assertEquals(List.of(), instances.listFlows("no-such-instance", Set.of(), null, 10).items());
    }

    @Test
    void instancesAreListedPageByPageEachOnce() {
        List<Instance> created = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Instance instance = instance(i == 0 ? null : unique("listed"));
            create(instance, null, now);
            created.add(instance);
        }
        List<InstanceSummary> listed = pages(instances::listInstances, 3).stream().flatMap(List::stream).toList();
        List<String> ids = listed.stream().map(InstanceSummary::id).toList();
        assertEquals(ids.stream().sorted().toList(), ids);
        assertEquals(ids.size(), new HashSet<>(ids).size());
        for (Instance instance : created) {
            assertEquals(List.of(new InstanceSummary(instance.id(), "SAML", instance.alias(), now, true, false)),
                    listed.stream().filter(summary -> summary.id().equals(instance.id())).toList());
        }
    }
}
