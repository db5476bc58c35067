package dev.connecttasks.handler;

import static dev.connecttasks.testing.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.connecttasks.http.ApiRequest;
import dev.connecttasks.http.TemplateRequests;
import dev.connecttasks.json.Json;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.TestBackend;
import dev.connecttasks.testing.TestContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ListTaskTemplatesHandlerIT {
    private static TestBackend backend;
    private static ListTaskTemplatesHandler handler;

    @BeforeAll
    static void wire() {
        backend = TestBackend.create();
        handler = new ListTaskTemplatesHandler(backend.listTaskTemplates(), backend.arns);
    }

    @Test
    void theSampleEventListsTheActiveTemplatesOfTheDemoInstance() throws Exception {
        APIGatewayV2HTTPResponse empty = handler.handleRequest(ApiEvents.load("list-task-templates.json"), new TestContext());
        assertEquals("{\"TaskTemplates\":[]}", empty.getBody());
        String id = backend.createTaskTemplate().create(TemplateRequests.createTaskTemplate(
                new ApiRequest(ApiEvents.load("create-task-template.json"))));
        JsonNode listed = Json.MAPPER.readTree(handler.handleRequest(ApiEvents.load("list-task-templates.json"),
                new TestContext()).getBody()).get("TaskTemplates");
        assertEquals(1, listed.size());
        assertEquals(id, listed.get(0).get("Id").asText());
        assertEquals(backend.arns.taskTemplate(DemoInstance.INSTANCE_ID, id), listed.get(0).get("Arn").asText());
        assertEquals("Callback", listed.get(0).get("Name").asText());
        assertEquals("ACTIVE", listed.get(0).get("Status").asText());
    }

    @Test
    void queryParametersOutOfRangeAreInvalid() {
        assertError(handler.handleRequest(ApiEvents.request("GET", "/instance/{InstanceId}/task/template")
                .path("InstanceId", DemoInstance.INSTANCE_ID).query("maxResults", "ten").build(), new TestContext()),
                400, "InvalidParameterException", "maxResults");
        assertError(handler.handleRequest(ApiEvents.request("GET", "/instance/{InstanceId}/task/template")
                .path("InstanceId", DemoInstance.INSTANCE_ID).query("nextToken", "forged").build(), new TestContext()),
                400, "InvalidParameterException", "nextToken");
    }
}
