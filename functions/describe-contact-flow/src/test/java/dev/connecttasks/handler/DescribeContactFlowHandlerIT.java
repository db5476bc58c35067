package dev.connecttasks.handler;

import static dev.connecttasks.testing.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.connecttasks.instance.FlowRequest;
import dev.connecttasks.json.Json;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.operation.DescribeContactFlow;
import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.Flows;
import dev.connecttasks.testing.TestBackend;
import dev.connecttasks.testing.TestContext;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DescribeContactFlowHandlerIT {
    private static final String INSTANCE = DemoInstance.INSTANCE_ID;
    private static TestBackend backend;
    private static DescribeContactFlowHandler handler;

    @BeforeAll
    static void wire() {
        backend = TestBackend.create();
        handler = new DescribeContactFlowHandler(new DescribeContactFlow(backend.instances), backend.arns);
    }

    private static APIGatewayV2HTTPResponse describe(String instanceId, String flowId) {
        return handler.handleRequest(ApiEvents.request("GET", "/contact-flows/{InstanceId}/{ContactFlowId}")
                .path("InstanceId", instanceId).path("ContactFlowId", flowId).build(), new TestContext());
    }

    @Test
    void theSampleEventDescribesTheDemoFlowWithEveryMember() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(ApiEvents.load("describe-contact-flow.json"), new TestContext());
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode flow = Json.MAPPER.readTree(response.getBody()).get("ContactFlow");
        assertEquals(backend.arns.contactFlow(INSTANCE, DemoInstance.FLOW_ID), flow.get("Arn").asText());
        assertEquals(DemoInstance.FLOW_ID, flow.get("Id").asText());
        assertEquals(DemoInstance.FLOW_NAME, flow.get("Name").asText());
        assertEquals("CONTACT_FLOW", flow.get("Type").asText());
        assertEquals("ACTIVE", flow.get("State").asText());
        assertEquals("PUBLISHED", flow.get("Status").asText());
        assertEquals(Flows.read("demo-task.json"), flow.get("Content").asText());
        assertEquals("us-east-1", flow.get("LastModifiedRegion").asText());
        assertEquals(true, flow.get("LastModifiedTime").isNumber());
    }

    @Test
    void aSavedFlowIsDescribedOnlyThroughItsSavedQualifier() {
        String id = backend.createContactFlow().create(new FlowRequest(INSTANCE, "Draft", "CONTACT_FLOW", null,
                "{\"draft\":true}", "SAVED", Map.of()));
        assertError(describe(INSTANCE, id), 404, "ContactFlowNotPublishedException", id + ":$SAVED");
        APIGatewayV2HTTPResponse saved = describe(INSTANCE, id + ":$SAVED");
        assertEquals(200, saved.getStatusCode(), saved.getBody());
    }

    @Test
    void unknownFlowsAndInstancesAreNotFound() {
        assertError(describe(INSTANCE, "no-such-flow"), 404, "ResourceNotFoundException", "no-such-flow");
        assertError(describe("no-such-instance", DemoInstance.FLOW_ID), 404, "ResourceNotFoundException", "no-such-instance");
    }
}
