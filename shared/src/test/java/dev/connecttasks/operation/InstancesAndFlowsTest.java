package dev.connecttasks.operation;

import static dev.connecttasks.testing.ApiAssertions.assertApiError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connecttasks.error.ApiException;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.instance.FlowRequest;
import dev.connecttasks.instance.InstanceRequest;
import dev.connecttasks.memory.MemoryBackend;
import dev.connecttasks.operation.port.IdempotencyRecord;
import dev.connecttasks.testing.Flows;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CreateInstance, CreateContactFlow and their Describe operations, on the in-memory ports. */
class InstancesAndFlowsTest {
    private final MemoryBackend backend = new MemoryBackend();

    private static InstanceRequest instance(String clientToken, String alias) {
        return new InstanceRequest(clientToken, "SAML", alias, null, true, true, Map.of("team", "support"));
    }

    private FlowRequest flow(String name, String content, String status) {
        return new FlowRequest(backend.instanceId, name, "CONTACT_FLOW", "Routes tasks", content, status, Map.of());
    }

    @Test
    void anInstanceIsCreatedActiveAndDescribedWithEveryMember() {
        String id = backend.createInstance().create(instance(null, "acme"));
        var described = backend.describeInstance().describe(id);
        assertEquals("acme", described.alias());
        assertEquals(Map.of("team", "support"), described.tags());
        assertEquals(backend.now(), described.createdAt());
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "Instance nope was not found.", () -> backend.describeInstance().describe("nope"));
    }

    @Test
    void aTokenReturnsItsInstanceRefusesOtherParametersAndExpiresAfter24Hours() {
        String first = backend.createInstance().create(instance("token-1", "acme"));
        assertEquals(first, backend.createInstance().create(instance("token-1", "acme")));
        assertApiError(ErrorType.INVALID_REQUEST, "different parameters",
                () -> backend.createInstance().create(instance("token-1", "other")));
        backend.clock.advance(IdempotencyRecord.LIFETIME.plus(Duration.ofMinutes(1)));
        assertNotEquals(first, backend.createInstance().create(instance("token-1", "other")));
    }

    @Test
    void aliasesAreTakenOnceIgnoringCaseAndTwoCreationsWithoutATokenMakeTwo() {
        backend.createInstance().create(instance(null, "acme"));
        assertApiError(ErrorType.INVALID_REQUEST, "already in use", () -> backend.createInstance().create(instance(null, "ACME")));
        InstanceRequest directory = new InstanceRequest(null, "EXISTING_DIRECTORY", null, "d-0123456789", false, true, Map.of());
        assertNotEquals(backend.createInstance().create(directory), backend.createInstance().create(directory));
    }

    @Test
    void aPublishedFlowIsCheckedAndEveryProblemListed() {
        ApiException e = assertApiError(ErrorType.INVALID_CONTACT_FLOW, "",
                () -> backend.createContactFlow().create(flow("Broken", Flows.document("missing"), null)));
        assertTrue(!e.problems().isEmpty(), e.problems().toString());
        String saved = backend.createContactFlow().create(flow("Draft", "{}", ContactFlow.SAVED));
        assertEquals("{}", backend.describeContactFlow().describe(backend.instanceId, saved + ":$SAVED").content());
        assertApiError(ErrorType.CONTACT_FLOW_NOT_PUBLISHED, saved + ":$SAVED",
                () -> backend.describeContactFlow().describe(backend.instanceId, saved));
    }

    @Test
    void aFlowNameIsTakenOncePerInstanceAndAnUnknownInstanceIsNotFound() {
        String content = Flows.read("demo-task.json");
        String id = backend.createContactFlow().create(flow("Routing", content, null));
        assertEquals("Routing", backend.describeContactFlow().describe(backend.instanceId, id).name());
        assertApiError(ErrorType.DUPLICATE_RESOURCE, "Routing",
                () -> backend.createContactFlow().create(flow("Routing", content, null)));
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "Instance nope", () -> backend.createContactFlow().create(
                new FlowRequest("nope", "Routing", "CONTACT_FLOW", null, content, null, Map.of())));
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "ContactFlowId nope",
                () -> backend.describeContactFlow().describe(backend.instanceId, "nope"));
    }

    @Test
    void aFlowDescriptionLongerThan500CharactersIsAnInvalidParameter() {
        assertApiError(ErrorType.INVALID_PARAMETER, "Description", () -> backend.createContactFlow().create(
                new FlowRequest(backend.instanceId, "Long", "CONTACT_FLOW", "d".repeat(501), "{}", ContactFlow.SAVED, Map.of())));
    }
}
