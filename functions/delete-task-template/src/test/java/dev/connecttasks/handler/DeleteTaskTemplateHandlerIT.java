package dev.connecttasks.handler;

import static dev.connecttasks.testing.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.connecttasks.http.ApiRequest;
import dev.connecttasks.http.TemplateRequests;
import dev.connecttasks.json.Json;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.TestBackend;
import dev.connecttasks.testing.TestContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DeleteTaskTemplateHandlerIT {
    private static TestBackend backend;
    private static DeleteTaskTemplateHandler handler;

    @BeforeAll
    static void wire() {
        backend = TestBackend.create();
        handler = new DeleteTaskTemplateHandler(backend.deleteTaskTemplate());
    }

    @Test
    void theSampleEventDeletesAnExistingTemplateOnce() throws Exception {
        assertError(handler.handleRequest(ApiEvents.load("delete-task-template.json"), new TestContext()), 404,
                "ResourceNotFoundException", "33333333-4444-4555-8666-777777777777");
        String id = backend.createTaskTemplate().create(TemplateRequests.createTaskTemplate(
                new ApiRequest(ApiEvents.load("create-task-template.json"))));
        var event = ApiEvents.load("delete-task-template.json");
        event.getPathParameters().put("TaskTemplateId", id);
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new TestContext());
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("{}", response.getBody());
        assertEquals(0, backend.listTaskTemplates().list(DemoInstance.INSTANCE_ID, null, null, null, null).templates().size());
        assertError(handler.handleRequest(event, new TestContext()), 404, "ResourceNotFoundException", id);
    }
}
