package dev.connecttasks.memory;

import dev.connecttasks.contact.TaskTemplate;
import dev.connecttasks.contact.TaskTemplateRules;
import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.instance.Instance;
import dev.connecttasks.instance.Queue;
import dev.connecttasks.instance.Summaries.FlowSummary;
import dev.connecttasks.instance.Summaries.InstanceSummary;
import dev.connecttasks.instance.Summaries.QueueSummary;
import dev.connecttasks.operation.port.Creation;
import dev.connecttasks.operation.port.IdempotencyRecord;
import dev.connecttasks.operation.port.InstanceStore;
import dev.connecttasks.operation.port.ListPage;
import dev.connecttasks.operation.port.QueueStore;
import dev.connecttasks.operation.port.TaskTemplateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@link InstanceStore}, {@link QueueStore} and {@link TaskTemplateStore} on maps, all or nothing like the
 * table's transactions: an instance's templates by id, in id order, with a revision each.
 */
public final class MemoryInstances implements InstanceStore, QueueStore, TaskTemplateStore {
    private final Map<String, Instance> instances = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();
    private final TokenClaims tokens = new TokenClaims();
    private final Map<String, ContactFlow> flows = new HashMap<>();
    private final Map<String, String> flowNames = new HashMap<>();
    private final Map<String, Queue> queues = new HashMap<>();
    private final Map<String, String> queueNames = new HashMap<>();
    private final Map<String, TreeMap<String, Versioned>> templates = new HashMap<>();
    private final TokenClaims templateTokens = new TokenClaims();

    @Override
    public synchronized Creation<InstanceRefusal> create(Instance instance, Queue basicQueue, IdempotencyRecord token, Instant now) {
        Optional<IdempotencyRecord> held = tokens.held("-", token, now);
        if (held.isPresent()) {
            return new Creation.TokenHeld<>(held.get());
        }
        String alias = instance.alias() == null ? null : instance.alias().toLowerCase(Locale.ROOT);
        if (alias != null && aliases.containsKey(alias)) {
            return Creation.refused(InstanceRefusal.ALIAS_TAKEN);
        }
        instances.put(instance.id(), instance);
        if (alias != null) {
            aliases.put(alias, instance.id());
        }
        tokens.claim("-", token, now);
        putQueue(basicQueue);
        return Creation.created();
    }

    @Override
    public synchronized Optional<Instance> findInstance(String instanceId) {
        return Optional.ofNullable(instances.get(instanceId));
    }

    @Override
    public synchronized Creation<FlowRefusal> create(ContactFlow flow) {
        if (!instances.containsKey(flow.instanceId())) {
            return Creation.refused(FlowRefusal.INSTANCE_MISSING);
        }
        String nameKey = key(flow.instanceId(), flow.name());
        if (flowNames.containsKey(nameKey)) {
            return Creation.refused(FlowRefusal.NAME_TAKEN);
        }
        flows.put(key(flow.instanceId(), flow.id()), flow);
        flowNames.put(nameKey, flow.id());
        return Creation.created();
    }

    @Override
    public synchronized Optional<ContactFlow> findFlow(String instanceId, String contactFlowId) {
        return Optional.ofNullable(flows.get(key(instanceId, contactFlowId)));
    }

    @Override
    public synchronized ListPage<FlowSummary> listFlows(String instanceId, Set<String> types, String resumeAfter, int maxResults) {
        return page(flows.values().stream().filter(flow -> flow.instanceId().equals(instanceId))
                        .filter(flow -> types.isEmpty() || types.contains(flow.type()))
                        .map(flow -> new FlowSummary(flow.instanceId(), flow.id(), flow.name(), flow.type(), flow.status())),
                FlowSummary::id, resumeAfter, maxResults);
    }

    @Override
    public synchronized ListPage<InstanceSummary> listInstances(String resumeAfter, int maxResults) {
        return page(instances.values().stream().map(instance -> new InstanceSummary(instance.id(),
                        instance.identityManagementType(), instance.alias(), instance.createdAt(),
                        instance.inboundCallsEnabled(), instance.outboundCallsEnabled())),
                InstanceSummary::id, resumeAfter, maxResults);
    }

    @Override
    public synchronized Creation<QueueRefusal> create(Queue queue) {
        if (!instances.containsKey(queue.instanceId())) {
            return Creation.refused(QueueRefusal.INSTANCE_MISSING);
        }
        if (queueNames.containsKey(key(queue.instanceId(), queue.name()))) {
            return Creation.refused(QueueRefusal.NAME_TAKEN);
        }
        putQueue(queue);
        return Creation.created();
    }

    @Override
    public synchronized Optional<Queue> findQueue(String instanceId, String queueId) {
        return Optional.ofNullable(queues.get(key(instanceId, queueId)));
    }

    @Override
    public synchronized Set<String> missingQueues(String instanceId, Set<String> queueIds) {
        Set<String> missing = new HashSet<>(queueIds);
        missing.removeIf(queueId -> queues.containsKey(key(instanceId, queueId)));
        return missing;
    }

    @Override
    public synchronized ListPage<QueueSummary> listQueues(String instanceId, Set<String> queueTypes, String resumeAfter,
            int maxResults) {
        return page(queues.values().stream().filter(queue -> queue.instanceId().equals(instanceId))
                        .filter(queue -> queueTypes.isEmpty() || queueTypes.contains(Queue.STANDARD))
                        .map(queue -> new QueueSummary(queue.instanceId(), queue.id(), queue.name(), Queue.STANDARD,
                                queue.lastModifiedAt())),
                QueueSummary::id, resumeAfter, maxResults);
    }

    @Override
    public synchronized Creation<Refusal> create(TaskTemplate template, IdempotencyRecord token, Instant now) {
        Optional<IdempotencyRecord> held = templateTokens.held(template.instanceId(), token, now);
        if (held.isPresent()) {
            return new Creation.TokenHeld<>(held.get());
        }
        if (!instances.containsKey(template.instanceId())) {
            return Creation.refused(Refusal.INSTANCE_MISSING);
        }
        TreeMap<String, Versioned> ofInstance = templates.computeIfAbsent(template.instanceId(), id -> new TreeMap<>());
        if (ofInstance.size() >= TaskTemplateRules.MAX_TEMPLATES_PER_INSTANCE) {
            return Creation.refused(Refusal.QUOTA_REACHED);
        }
        ofInstance.put(template.id(), new Versioned(template, 1));
        templateTokens.claim(template.instanceId(), token, now);
        return Creation.created();
    }

    @Override
    public synchronized Optional<Versioned> find(String instanceId, String templateId) {
        return Optional.ofNullable(templates.getOrDefault(instanceId, new TreeMap<>()).get(templateId));
    }

    @Override
    public synchronized boolean replace(TaskTemplate template, long revision) {
        TreeMap<String, Versioned> ofInstance = templates.get(template.instanceId());
        Versioned stored = ofInstance == null ? null : ofInstance.get(template.id());
        if (stored == null || stored.revision() != revision) {
            return false;
        }
        ofInstance.put(template.id(), new Versioned(template, revision + 1));
        return true;
    }

    @Override
    public synchronized boolean delete(String instanceId, String templateId) {
        TreeMap<String, Versioned> ofInstance = templates.get(instanceId);
        return ofInstance != null && ofInstance.remove(templateId) != null;
    }

    /** As the Query does: {@code limit} templates evaluated after {@code afterId}, then filtered. */
    @Override
    public synchronized Page list(String instanceId, String status, String name, String afterId, int limit) {
        TreeMap<String, Versioned> ofInstance = templates.getOrDefault(instanceId, new TreeMap<>());
        List<Versioned> evaluated = new ArrayList<>((afterId == null ? ofInstance : ofInstance.tailMap(afterId, false)).values());
        boolean more = evaluated.size() > limit;
        evaluated = evaluated.subList(0, Math.min(limit, evaluated.size()));
        List<TaskTemplate.Summary> page = evaluated.stream().map(Versioned::template)
                .filter(template -> status == null || status.equals(template.status()))
                .filter(template -> name == null || name.equals(template.name()))
                .map(TaskTemplate::summary).toList();
        return new Page(page, more ? evaluated.get(evaluated.size() - 1).template().id() : null);
    }

    /** How many templates the instance has. */
    public synchronized int templateCount(String instanceId) {
        return templates.getOrDefault(instanceId, new TreeMap<>()).size();
    }

    private void putQueue(Queue queue) {
        queues.put(key(queue.instanceId(), queue.id()), queue);
        queueNames.put(key(queue.instanceId(), queue.name()), queue.id());
    }

    /** Ids are compared as the table compares them (their UTF-8 bytes; every id here is ASCII). */
    private static <T> ListPage<T> page(Stream<T> items, Function<T, String> id, String resumeAfter, int maxResults) {
        TreeMap<String, T> byId = new TreeMap<>();
        items.forEach(item -> byId.put(id.apply(item), item));
        List<T> after = List.copyOf((resumeAfter == null ? byId : byId.tailMap(resumeAfter, false)).values());
        List<T> page = after.subList(0, Math.min(maxResults, after.size()));
        return new ListPage<>(page, after.size() > maxResults ? id.apply(page.get(page.size() - 1)) : null);
    }

    private static String key(String instanceId, String idOrName) {
        return instanceId + "/" + idOrName;
    }
}
