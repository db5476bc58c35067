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

class UpdateTaskTemplateHandlerIT {
    private static final String INSTANCE = DemoInstance.INSTANCE_ID;
    private static TestBackend backend;
    private static UpdateTaskTemplateHandler handler;

    @BeforeAll
    static void wire() {
        backend = TestBackend.create();
        handler = new UpdateTaskTemplateHandler(backend.updateTaskTemplate(), backend.arns);
    }

    @Test
    void theSampleEventUpdatesTheMembersItGivesOfAnExistingTemplate() throws Exception {
        assertError(handler.handleRequest(ApiEvents.load("update-task-template.json"), new TestContext()), 404,
                "ResourceNotFoundException", "33333333-4444-4555-8666-777777777777");
        String id = backend.createTaskTemplate().create(TemplateRequests.createTaskTemplate(
                new ApiRequest(ApiEvents.load("create-task-template.json"))));
        var event = ApiEvents.load("update-task-template.json");
        event.getPathParameters().put("TaskTemplateId", id);
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new TestContext());
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode template = Json.MAPPER.readTree(response.getBody());
        assertEquals("Call the customer back within two days", template.get("Description").asText());
        assertEquals("INACTIVE", template.get("Status").asText());
        assertEquals("Callback", template.get("Name").asText());
        assertEquals(5, template.get("Fields").size());
        assertEquals("INACTIVE", backend.getTaskTemplate().get(INSTANCE, id).status());
    }
}
