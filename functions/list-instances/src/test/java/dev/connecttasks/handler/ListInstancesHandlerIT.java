package dev.connecttasks.handler;

import static dev.connecttasks.testing.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.connecttasks.json.Json;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.TestBackend;
import dev.connecttasks.testing.TestContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ListInstancesHandlerIT {
    private static TestBackend backend;
    private static ListInstancesHandler handler;

    @BeforeAll
    static void wire() {
        backend = TestBackend.create();
        handler = new ListInstancesHandler(backend.listInstances(), backend.arns);
    }

    private static APIGatewayV2HTTPResponse send(String name, String... values) {
        return handler.handleRequest(ApiEvents.request("GET", "/instance").query(name, values).build(), new TestContext());
    }

    @Test
    void theSampleEventListsTheDemoInstanceInConnectsShape() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(ApiEvents.load("list-instances.json"), new TestContext());
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode body = Json.MAPPER.readTree(response.getBody());
        assertFalse(body.has("NextToken"));
        JsonNode demo = body.get("InstanceSummaryList").get(0);
        assertEquals(DemoInstance.INSTANCE_ID, demo.get("Id").asText());
        assertEquals(backend.arns.instance(DemoInstance.INSTANCE_ID), demo.get("Arn").asText());
        assertEquals("CONNECT_MANAGED", demo.get("IdentityManagementType").asText());
        assertEquals(DemoInstance.ALIAS, demo.get("InstanceAlias").asText());
        assertEquals("ACTIVE", demo.get("InstanceStatus").asText());
        assertEquals(true, demo.get("InboundCallsEnabled").asBoolean());
        assertEquals(false, demo.get("OutboundCallsEnabled").asBoolean());
        assertEquals(true, demo.get("CreatedTime").isNumber());
    }

    @Test
    void itsModelHasOnlyInvalidRequestForBadQueries() {
        assertError(send("maxResults", "11"), 400, "InvalidRequestException", "maxResults must be between 1 and 10.");
        assertError(send("maxResults", "0"), 400, "InvalidRequestException", "maxResults");
        assertError(send("nextToken", "forged"), 400, "InvalidRequestException", "nextToken is not valid");
    }
}
