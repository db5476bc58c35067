package dev.connecttasks.handler;

import static dev.connecttasks.testing.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.connecttasks.instance.InstanceRequest;
import dev.connecttasks.json.Json;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.TestBackend;
import dev.connecttasks.testing.TestContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DescribeInstanceHandlerIT {
    private static TestBackend backend;
    private static DescribeInstanceHandler handler;

    @BeforeAll
    static void wire() {
        backend = TestBackend.create();
        handler = new DescribeInstanceHandler(new dev.connecttasks.operation.DescribeInstance(backend.instances), backend.arns);
    }

    private static APIGatewayV2HTTPResponse describe(String instanceId) {
        return handler.handleRequest(ApiEvents.request("GET", "/instance/{InstanceId}").path("InstanceId", instanceId)
                .build(), new TestContext());
    }

    @Test
    void describesAnInstanceWithEveryMember() throws Exception {
        Instant before = Instant.now();
        String id = backend.createInstance().create(new InstanceRequest(null, "SAML", "described-" + before.toEpochMilli(),
                null, false, true, Map.of("team", "support")));
        APIGatewayV2HTTPResponse response = describe(id);
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode instance = Json.MAPPER.readTree(response.getBody()).get("Instance");
        assertEquals(id, instance.get("Id").asText());
        assertEquals("arn:aws:connect:us-east-1:000000000000:instance/" + id, instance.get("Arn").asText());
        assertEquals("SAML", instance.get("IdentityManagementType").asText());
        assertEquals("described-" + before.toEpochMilli(), instance.get("InstanceAlias").asText());
        assertEquals("ACTIVE", instance.get("InstanceStatus").asText());
        assertEquals(false, instance.get("InboundCallsEnabled").asBoolean());
        assertEquals(true, instance.get("OutboundCallsEnabled").asBoolean());
        assertEquals("support", instance.get("Tags").get("team").asText());
        assertTrue(instance.get("CreatedTime").isNumber());
        assertTrue(instance.get("CreatedTime").decimalValue().compareTo(BigDecimal.valueOf(before.getEpochSecond())) >= 0);
    }

    @Test
    void theSampleEventDescribesTheDemoInstance() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(ApiEvents.load("describe-instance.json"), new TestContext());
        assertEquals(DemoInstance.ALIAS, Json.MAPPER.readTree(response.getBody()).get("Instance").get("InstanceAlias").asText());
    }

    @Test
    void anUnknownInstanceIsNotFound() {
        assertError(describe("no-such-instance"), 404, "ResourceNotFoundException", "Instance no-such-instance was not found.");
        assertError(describe("i".repeat(101)), 400, "InvalidParameterException", "InstanceId");
    }
}
