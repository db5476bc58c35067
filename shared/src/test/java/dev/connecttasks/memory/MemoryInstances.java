package dev.connecttasks.memory;

import dev.connecttasks.contact.TaskTemplate;
import dev.connecttasks.contact.TaskTemplateRules;
import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.instance.Instance;
import dev.connecttasks.operation.port.Creation;
import dev.connecttasks.operation.port.IdempotencyRecord;
import dev.connecttasks.operation.port.InstanceStore;
import dev.connecttasks.operation.port.TaskTemplateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link InstanceStore} and {@link TaskTemplateStore} on maps, all or nothing like the table's
 * transactions: an instance's templates by id, in id order, with a revision each.
 */
public final class MemoryInstances implements InstanceStore, TaskTemplateStore {
    private final Map<String, Instance> instances = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();
    private final TokenClaims tokens = new TokenClaims();
    private final Map<String, ContactFlow> flows = new HashMap<>();
    private final Map<String, String> flowNames = new HashMap<>();
    private final Map<String, TreeMap<String, Versioned>> templates = new HashMap<>();
    private final TokenClaims templateTokens = new TokenClaims();

    @Override
    public synchronized Creation<InstanceRefusal> create(Instance instance, IdempotencyRecord token, Instant now) {
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
        String nameKey = flow.instanceId() + "/" + flow.name();
        if (flowNames.containsKey(nameKey)) {
            return Creation.refused(FlowRefusal.NAME_TAKEN);
        }
        flows.put(flowKey(flow.instanceId(), flow.id()), flow);
        flowNames.put(nameKey, flow.id());
        return Creation.created();
    }

    @Override
    public synchronized Optional<ContactFlow> findFlow(String instanceId, String contactFlowId) {
        return Optional.ofNullable(flows.get(flowKey(instanceId, contactFlowId)));
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

    private static String flowKey(String instanceId, String contactFlowId) {
        return instanceId + "/" + contactFlowId;
    }
}
