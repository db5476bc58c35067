package dev.connecttasks.handler;

import static dev.connecttasks.testing.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.connecttasks.json.Json;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.TestBackend;
import dev.connecttasks.testing.TestContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CreateTaskTemplateHandlerIT {
    private static TestBackend backend;
    private static CreateTaskTemplateHandler handler;

    @BeforeAll
    static void wire() {
        backend = TestBackend.create();
        handler = new CreateTaskTemplateHandler(backend.createTaskTemplate(), backend.arns);
    }

    @Test
    void theSampleEventCreatesATemplateOnceForItsClientToken() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(ApiEvents.load("create-task-template.json"), new TestContext());
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode body = Json.MAPPER.readTree(response.getBody());
        String id = body.get("Id").asText();
        assertEquals(backend.arns.taskTemplate(DemoInstance.INSTANCE_ID, id), body.get("Arn").asText());
        assertEquals("Callback", backend.getTaskTemplate().get(DemoInstance.INSTANCE_ID, id).name());
        APIGatewayV2HTTPResponse again = handler.handleRequest(ApiEvents.load("create-task-template.json"), new TestContext());
        assertEquals(id, Json.MAPPER.readTree(again.getBody()).get("Id").asText());
    }

    @Test
    void everyProblemIsOneEntryOfThePropertyListOnTheWire() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(ApiEvents.request("PUT", "/instance/{InstanceId}/task/template")
                .path("InstanceId", DemoInstance.INSTANCE_ID)
                .body("{\"Name\":\"\",\"Fields\":[{\"Id\":{\"Name\":\"Title\"},\"Type\":\"NAME\"},{\"Id\":\"Order\",\"Type\":7}],"
                        + "\"Constraints\":{\"RequiredFields\":[{\"Id\":{\"Name\":\"Title\"}}]}}").build(), new TestContext());
        assertError(response, 400, "PropertyValidationException", "3 properties are not valid");
        JsonNode body = Json.MAPPER.readTree(response.getBody());
        assertEquals(Json.MAPPER.readTree("""
                [{"PropertyPath":"Fields[1].Id.Name","Reason":"INVALID_FORMAT",
                  "Message":"Fields[1].Id.Name must be given as an object, {\\"Name\\": \\"...\\"}."},
                 {"PropertyPath":"Fields[1].Type","Reason":"INVALID_FORMAT","Message":"Fields[1].Type must be a string."},
                 {"PropertyPath":"Name","Reason":"INVALID_FORMAT","Message":"Name must have a length between 1 and 100 characters."}]
                """), body.get("PropertyList"));
        assertEquals(2, body.size());
    }

    @Test
    void anUnknownInstanceIsNotFound() {
        assertError(handler.handleRequest(ApiEvents.request("PUT", "/instance/{InstanceId}/task/template")
                .path("InstanceId", "no-such-instance")
                .body("{\"Name\":\"n\",\"Fields\":[{\"Id\":{\"Name\":\"Title\"},\"Type\":\"NAME\"}],"
                        + "\"Constraints\":{\"RequiredFields\":[{\"Id\":{\"Name\":\"Title\"}}]}}").build(), new TestContext()),
                404, "ResourceNotFoundException", "no-such-instance");
    }
}
