package dev.connecttasks.memory;

import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.instance.Instance;
import dev.connecttasks.operation.port.Creation;
import dev.connecttasks.operation.port.IdempotencyRecord;
import dev.connecttasks.operation.port.InstanceStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@link InstanceStore} on maps, all or nothing like the table's transactions. */
public final class MemoryInstances implements InstanceStore {
    private final Map<String, Instance> instances = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();
    private final TokenClaims tokens = new TokenClaims();
    private final Map<String, ContactFlow> flows = new HashMap<>();
    private final Map<String, String> flowNames = new HashMap<>();

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

    private static String flowKey(String instanceId, String contactFlowId) {
        return instanceId + "/" + contactFlowId;
    }
}
