package dev.connecttasks.operation;

import static dev.connecttasks.error.ApiException.invalidRequest;

import dev.connecttasks.instance.Instance;
import dev.connecttasks.instance.InstanceRequest;
import dev.connecttasks.instance.InstanceRules;
import dev.connecttasks.instance.Queue;
import dev.connecttasks.operation.port.Creation;
import dev.connecttasks.operation.port.IdempotencyRecord;
import dev.connecttasks.operation.port.InstanceStore.InstanceRefusal;
import dev.connecttasks.operation.port.InstanceStore;
import java.time.Clock;
import java.util.UUID;

/**
 * CreateInstance: a new instance, ACTIVE at once, with its BasicQueue. A ClientToken repeated within 24 hours with the same
 * parameters returns the instance it created; with other parameters it is an InvalidRequestException.
 */
public final class CreateInstance {
    private final InstanceStore instances;
    private final Clock clock;

    public CreateInstance(InstanceStore instances, Clock clock) {
        this.instances = instances;
        this.clock = clock;
    }

    /** Returns the instance's id. */
    public String create(InstanceRequest request) {
        InstanceRules.checkInstance(request);
        Instance instance = new Instance(UUID.randomUUID().toString(), request.identityManagementType(),
                request.alias(), request.directoryId(), request.inboundCallsEnabled(), request.outboundCallsEnabled(),
                request.tags(), Clocks.now(clock));
        IdempotencyRecord token = request.clientToken() == null ? null
                : new IdempotencyRecord(request.clientToken(), RequestFingerprint.of(request), instance.id());
        // the BasicQueue's hours of operation: an id of its own, as there are no hours here
        Queue basicQueue = Queue.basic(instance.id(), UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                instance.createdAt());
        Creation<InstanceRefusal> created = instances.create(instance, basicQueue, token, instance.createdAt());
        if (created instanceof Creation.Refused<InstanceRefusal>) {
            throw invalidRequest("InstanceAlias " + instance.alias() + " is already in use.");
        }
        if (!(created instanceof Creation.TokenHeld<InstanceRefusal> held)) {
            return instance.id();
        }
        if (!held.earlier().requestHash().equals(token.requestHash())) {
            throw invalidRequest("ClientToken " + token.clientToken() + " was already used with different parameters.");
        }
        return held.earlier().createdId();
    }
}
