package dev.connecttasks.handler;

import static dev.connecttasks.testing.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.instance.FlowRequest;
import dev.connecttasks.json.Json;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.TestBackend;
import dev.connecttasks.testing.TestContext;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ListContactFlowsHandlerIT {
    private static final String INSTANCE = DemoInstance.INSTANCE_ID;
    private static TestBackend backend;
    private static ListContactFlowsHandler handler;

    @BeforeAll
    static void wire() {
        backend = TestBackend.create();
        handler = new ListContactFlowsHandler(backend.listContactFlows(), backend.arns);
    }

    private static APIGatewayV2HTTPResponse send(ApiEvents.Builder request) {
        return handler.handleRequest(request.build(), new TestContext());
    }

    private static ApiEvents.Builder list(String instanceId) {
        return ApiEvents.request("GET", "/contact-flows-summary/{InstanceId}").path("InstanceId", instanceId);
    }

    @Test
    void theSampleEventListsTheDemoFlowInConnectsShape() throws Exception {
        backend.createContactFlow().create(new FlowRequest(INSTANCE, "Hold music", "CUSTOMER_HOLD", null, "{}",
                ContactFlow.SAVED, Map.of()));
        APIGatewayV2HTTPResponse response = handler.handleRequest(ApiEvents.load("list-contact-flows.json"), new TestContext());
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode flows = Json.MAPPER.readTree(response.getBody()).get("ContactFlowSummaryList");
        assertEquals(1, flows.size());
        JsonNode demo = flows.get(0);
        assertEquals(DemoInstance.FLOW_ID, demo.get("Id").asText());
        assertEquals(backend.arns.contactFlow(INSTANCE, DemoInstance.FLOW_ID), demo.get("Arn").asText());
        assertEquals(DemoInstance.FLOW_NAME, demo.get("Name").asText());
        assertEquals("CONTACT_FLOW", demo.get("ContactFlowType").asText());
        assertEquals("ACTIVE", demo.get("ContactFlowState").asText());
        assertEquals("PUBLISHED", demo.get("ContactFlowStatus").asText());
        JsonNode held = Json.MAPPER.readTree(send(list(INSTANCE).query("contactFlowTypes", "CUSTOMER_HOLD")).getBody())
                .get("ContactFlowSummaryList");
        assertEquals("SAVED", held.get(0).get("ContactFlowStatus").asText());
    }

    @Test
    void badQueriesAreRefusedNamingTheParameter() {
        assertError(send(list(INSTANCE).query("maxResults", "1001")), 400, "InvalidParameterException", "maxResults");
        assertError(send(list(INSTANCE).query("contactFlowTypes", "IVR")), 400, "InvalidRequestException", "contactFlowTypes");
        assertError(send(list(INSTANCE).query("nextToken", "a.b")), 400, "InvalidParameterException", "nextToken");
        assertError(send(list(INSTANCE).query("maxResults", "1", "2")), 400, "InvalidRequestException", "maxResults must be given at most once");
        assertError(send(list("no-such-instance")), 404, "ResourceNotFoundException", "Instance no-such-instance");
    }
}
