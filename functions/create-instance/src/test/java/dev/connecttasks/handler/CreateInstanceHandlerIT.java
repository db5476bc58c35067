package dev.connecttasks.handler;

import static dev.connecttasks.testing.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.connecttasks.instance.Instance;
import dev.connecttasks.json.Json;
import dev.connecttasks.operation.CreateInstance;
import dev.connecttasks.operation.port.IdempotencyRecord;
import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.TestBackend;
import dev.connecttasks.testing.TestContext;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CreateInstanceHandlerIT {
    private static TestBackend backend;
    private static CreateInstanceHandler handler;

    @BeforeAll
    static void wire() {
        backend = TestBackend.create();
        handler = new CreateInstanceHandler(backend.createInstance(), backend.arns);
    }

    private static APIGatewayV2HTTPResponse create(String body) {
        return handler.handleRequest(ApiEvents.request("PUT", "/instance").body(body).build(), new TestContext());
    }

    private static String alias() {
        return "acme-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theSampleEventCreatesAnActiveInstanceAndItsTokenReturnsItAgain() throws Exception {
        APIGatewayV2HTTPEvent event = ApiEvents.load("create-instance.json");
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new TestContext());
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode created = Json.MAPPER.readTree(response.getBody());
        String id = created.get("Id").asText();
        assertEquals(36, id.length());
        assertEquals("arn:aws:connect:us-east-1:000000000000:instance/" + id, created.get("Arn").asText());
        Instance instance = backend.instances.findInstance(id).orElseThrow();
        assertEquals("acme-support", instance.alias());
        assertEquals("CONNECT_MANAGED", instance.identityManagementType());

        APIGatewayV2HTTPResponse again = handler.handleRequest(ApiEvents.load("create-instance.json"), new TestContext());
        assertEquals(id, Json.MAPPER.readTree(again.getBody()).get("Id").asText());
    }

    @Test
    void aTokenReusedWithOtherParametersIsRefusedAndAnExpiredTokenIsFree() throws Exception {
        String token = "token-" + UUID.randomUUID();
        String body = "{\"IdentityManagementType\":\"SAML\",\"InstanceAlias\":\"%s\",\"InboundCallsEnabled\":true,"
                + "\"OutboundCallsEnabled\":true,\"ClientToken\":\"" + token + "\"}";
        String alias = alias();
        APIGatewayV2HTTPResponse first = create(body.formatted(alias));
        assertEquals(200, first.getStatusCode(), first.getBody());

        APIGatewayV2HTTPResponse reused = create(body.formatted(alias()));
        assertEquals(400, reused.getStatusCode(), reused.getBody());
        assertEquals("InvalidRequestException", reused.getHeaders().get("X-Amzn-ErrorType"));

        // a day later the token has expired: the same token creates a new instance
        CreateInstanceHandler later = new CreateInstanceHandler(new CreateInstance(backend.instances,
                Clock.offset(Clock.systemUTC(), IdempotencyRecord.LIFETIME.plusMinutes(1))), backend.arns);
        APIGatewayV2HTTPResponse renewed = later.handleRequest(ApiEvents.request("PUT", "/instance")
                .body(body.formatted(alias())).build(), new TestContext());
        assertEquals(200, renewed.getStatusCode(), renewed.getBody());
        assertNotEquals(Json.MAPPER.readTree(first.getBody()).get("Id"), Json.MAPPER.readTree(renewed.getBody()).get("Id"));
    }

    @Test
    void aliasesAreTakenOnceIgnoringCase() {
        String alias = alias();
        String body = "{\"IdentityManagementType\":\"SAML\",\"InstanceAlias\":\"%s\",\"InboundCallsEnabled\":true,"
                + "\"OutboundCallsEnabled\":true}";
        assertEquals(200, create(body.formatted(alias)).getStatusCode());
        assertError(create(body.formatted(alias.toUpperCase())), 400, "InvalidRequestException", "already in use");
    }

    @Test
    void malformedRequestsAreInvalidRequests() {
        assertError(create("{\"InboundCallsEnabled\":true,\"OutboundCallsEnabled\":true,\"InstanceAlias\":\"a\"}"), 400,
                "InvalidRequestException", "IdentityManagementType is required.");
        assertError(create("{\"IdentityManagementType\":\"LDAP\",\"InboundCallsEnabled\":true,\"OutboundCallsEnabled\":true}"),
                400, "InvalidRequestException", "IdentityManagementType must be one of");
        assertError(create("{\"IdentityManagementType\":\"SAML\",\"InstanceAlias\":\"a\",\"InboundCallsEnabled\":\"yes\","
                + "\"OutboundCallsEnabled\":true}"), 400, "InvalidRequestException", "InboundCallsEnabled must be true or false.");
        assertError(create("{\"IdentityManagementType\":\"SAML\",\"InboundCallsEnabled\":true,\"OutboundCallsEnabled\":true}"),
                400, "InvalidRequestException", "InstanceAlias is required");
        assertError(create("{\"IdentityManagementType\":\"EXISTING_DIRECTORY\",\"InboundCallsEnabled\":true,"
                + "\"OutboundCallsEnabled\":true}"), 400, "InvalidRequestException", "DirectoryId is required");
    }

    @Test
    void brokenRulesAreInvalidParameters() {
        assertError(create("{\"IdentityManagementType\":\"SAML\",\"InstanceAlias\":\"d-123\",\"InboundCallsEnabled\":true,"
                + "\"OutboundCallsEnabled\":true}"), 400, "InvalidParameterException", "InstanceAlias");
        assertError(create("{\"IdentityManagementType\":\"EXISTING_DIRECTORY\",\"DirectoryId\":\"d-12\","
                + "\"InboundCallsEnabled\":true,\"OutboundCallsEnabled\":true}"), 400, "InvalidParameterException", "DirectoryId");
        assertError(create("{\"IdentityManagementType\":\"SAML\",\"InstanceAlias\":\"%s\",\"InboundCallsEnabled\":true,"
                .formatted(alias()) + "\"OutboundCallsEnabled\":true,\"Tags\":{\"aws:reserved\":\"x\"}}"), 400,
                "InvalidParameterException", "Tags");
    }

    @Test
    void twoCreationsWithoutATokenMakeTwoInstances() throws Exception {
        String body = "{\"IdentityManagementType\":\"EXISTING_DIRECTORY\",\"DirectoryId\":\"d-0123456789\","
                + "\"InboundCallsEnabled\":false,\"OutboundCallsEnabled\":true,\"Tags\":{\"team\":\"support\"}}";
        String first = Json.MAPPER.readTree(create(body).getBody()).get("Id").asText();
        String second = Json.MAPPER.readTree(create(body).getBody()).get("Id").asText();
        assertNotEquals(first, second);
        assertEquals(Map.of("team", "support"), backend.instances.findInstance(first).orElseThrow().tags());
    }
}
