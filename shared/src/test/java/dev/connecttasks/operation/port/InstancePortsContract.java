package dev.connecttasks.operation.port;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.instance.Instance;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link InstanceStore} must do, run against the DynamoDB adapter on the emulator
 * ({@code InstanceTableIT}) and the in-memory one the operation tests use ({@code MemoryInstancesTest}).
 */
public abstract class InstancePortsContract {
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final InstanceStore instances = instances();

    protected abstract InstanceStore instances();

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
        assertEquals(Creation.created(), instances.create(instance, null, now));
        assertEquals(Optional.of(instance), instances.findInstance(instance.id()));
        assertEquals(Optional.empty(), instances.findInstance("missing"));
    }

    @Test
    void anAliasIsTakenOnceIgnoringCaseAndARefusedInstanceIsNotWritten() {
        String alias = unique("case");
        assertEquals(Creation.created(), instances.create(instance(alias), null, now));
        Instance second = instance(alias.toUpperCase());
        assertEquals(Creation.refused(InstanceStore.InstanceRefusal.ALIAS_TAKEN), instances.create(second, null, now));
        assertEquals(Optional.empty(), instances.findInstance(second.id()));
    }

    @Test
    void aTokenIsHeldForItsLifetimeWithTheFirstRequestsHash() {
        String token = unique("token");
        Instance first = instance(unique("first"));
        assertEquals(Creation.created(), instances.create(first, new IdempotencyRecord(token, "h1", first.id()), now));
        Instance second = instance(unique("second"));
        assertEquals(new Creation.TokenHeld<>(new IdempotencyRecord(token, "h1", first.id())),
                instances.create(second, new IdempotencyRecord(token, "h2", second.id()), now));
        assertEquals(Optional.empty(), instances.findInstance(second.id()));
        Instant later = now.plus(IdempotencyRecord.LIFETIME);
        assertEquals(Creation.created(), instances.create(second, new IdempotencyRecord(token, "h2", second.id()), later));
    }

    @Test
    void aFlowNameIsTakenOncePerInstanceInAnExistingInstance() {
        Instance a = instance(null);
        Instance b = instance(null);
        instances.create(a, null, now);
        instances.create(b, null, now);
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
}
