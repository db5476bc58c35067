package dev.connecttasks.handler;

import static dev.connecttasks.testing.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.json.Json;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.Flows;
import dev.connecttasks.testing.TestBackend;
import dev.connecttasks.testing.TestContext;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CreateContactFlowHandlerIT {
    private static final String INSTANCE = DemoInstance.INSTANCE_ID;
    private static TestBackend backend;
    private static CreateContactFlowHandler handler;

    @BeforeAll
    static void wire() {
        backend = TestBackend.create();
        handler = new CreateContactFlowHandler(backend.createContactFlow(), backend.arns);
    }

    private static APIGatewayV2HTTPResponse create(String instanceId, ObjectNode body) {
        return handler.handleRequest(ApiEvents.request("PUT", "/contact-flows/{InstanceId}").path("InstanceId", instanceId)
                .body(Json.write(body)).build(), new TestContext());
    }

    private static ObjectNode flow(String content) {
        return Json.object().put("Name", "Flow " + UUID.randomUUID()).put("Type", "CONTACT_FLOW").put("Content", content);
    }

    private static List<String> problems(APIGatewayV2HTTPResponse response) throws Exception {
        assertError(response, 400, "InvalidContactFlowException", "The flow is not valid.");
        JsonNode problems = Json.MAPPER.readTree(response.getBody()).get("problems");
        return java.util.stream.StreamSupport.stream(problems.spliterator(), false)
                .map(problem -> problem.get("message").asText()).toList();
    }

    @Test
    void theSampleEventCreatesAPublishedFlow() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(ApiEvents.load("create-contact-flow.json"), new TestContext());
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode created = Json.MAPPER.readTree(response.getBody());
        String id = created.get("ContactFlowId").asText();
        assertEquals(backend.arns.contactFlow(INSTANCE, id), created.get("ContactFlowArn").asText());
        ContactFlow flow = backend.instances.findFlow(INSTANCE, id).orElseThrow();
        assertEquals("Close without agent", flow.name());
        assertEquals(ContactFlow.PUBLISHED, flow.status());
        assertEquals(Flows.read("close-without-agent.json"), flow.content());
    }

    @Test
    void invalidFlowsAreRejectedWithEveryProblem() throws Exception {
        assertEquals(List.of("Content is not valid JSON."), problems(create(INSTANCE, flow("{not json"))));
        List<String> problems = problems(create(INSTANCE, flow("""
                {"Version":"2019-10-30","StartAction":"missing","Actions":[
                 {"Identifier":"a","Type":"MessageParticipant","Parameters":{},"Transitions":{}},
                 {"Identifier":"b","Type":"DisconnectParticipant","Parameters":{},"Transitions":{"NextAction":"nowhere"}}]}""")));
        assertEquals(List.of(
                "Action a: Type MessageParticipant is not an action this service runs.",
                "StartAction missing is not the Identifier of an action.",
                "Action b: NextAction nowhere is not the Identifier of an action."), problems);
    }

    @Test
    void aSavedFlowIsStoredUncheckedAndCannotStartTasks() throws Exception {
        APIGatewayV2HTTPResponse response = create(INSTANCE, flow("{\"draft\":true}").put("Status", "SAVED"));
        assertEquals(200, response.getStatusCode(), response.getBody());
        String id = Json.MAPPER.readTree(response.getBody()).get("ContactFlowId").asText();
        assertEquals(ContactFlow.SAVED, backend.instances.findFlow(INSTANCE, id).orElseThrow().status());
    }

    @Test
    void aNameIsTakenOncePerInstance() {
        ObjectNode body = flow(Flows.read("demo-task.json")).put("Name", DemoInstance.FLOW_NAME);
        assertError(create(INSTANCE, body), 409, "DuplicateResourceException", DemoInstance.FLOW_NAME);
    }

    @Test
    void anUnknownInstanceIsNotFound() {
        assertError(create("no-such-instance", flow(Flows.read("demo-task.json"))), 404, "ResourceNotFoundException",
                "Instance no-such-instance was not found.");
    }

    @Test
    void malformedRequestsAndBrokenRules() {
        ObjectNode noContent = Json.object().put("Name", "n").put("Type", "CONTACT_FLOW");
        assertError(create(INSTANCE, noContent), 400, "InvalidRequestException", "Content is required.");
        assertError(create(INSTANCE, flow("{}").put("Type", "IVR")), 400, "InvalidRequestException", "Type must be one of");
        assertError(create(INSTANCE, flow("{}").put("Status", "DRAFT")), 400, "InvalidRequestException", "Status must be one of");
        assertError(create(INSTANCE, flow("x".repeat(256_001))), 400, "InvalidParameterException", "Content");
        assertError(create(INSTANCE, flow("{}").put("Name", "")), 400, "InvalidParameterException", "Name");
    }
}
