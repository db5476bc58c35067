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

class GetTaskTemplateHandlerIT {
    private static final String INSTANCE = DemoInstance.INSTANCE_ID;
    private static TestBackend backend;
    private static GetTaskTemplateHandler handler;

    @BeforeAll
    static void wire() {
        backend = TestBackend.create();
        handler = new GetTaskTemplateHandler(backend.getTaskTemplate(), backend.arns);
    }

    private static String created() throws Exception {
        return backend.createTaskTemplate().create(TemplateRequests.createTaskTemplate(
                new ApiRequest(ApiEvents.load("create-task-template.json"))));
    }

    @Test
    void theSampleEventNamesATemplateThatDoesNotExistAndACreatedOneReadsBackWhole() throws Exception {
        assertError(handler.handleRequest(ApiEvents.load("get-task-template.json"), new TestContext()), 404,
                "ResourceNotFoundException", "33333333-4444-4555-8666-777777777777");
        String id = created();
        APIGatewayV2HTTPResponse response = handler.handleRequest(ApiEvents.request("GET",
                "/instance/{InstanceId}/task/template/{TaskTemplateId}").path("InstanceId", INSTANCE)
                .path("TaskTemplateId", id).build(), new TestContext());
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode template = Json.MAPPER.readTree(response.getBody());
        JsonNode sent = Json.MAPPER.readTree(ApiEvents.load("create-task-template.json").getBody());
        for (String member : new String[] {"Name", "Description", "ContactFlowId", "Fields", "Constraints", "Defaults", "Status"}) {
            assertEquals(sent.get(member), template.get(member), member);
        }
        assertEquals(INSTANCE, template.get("InstanceId").asText());
        assertEquals(backend.arns.taskTemplate(INSTANCE, id), template.get("Arn").asText());
        assertEquals(true, template.get("CreatedTime").isNumber());
        assertEquals(template.get("CreatedTime"), template.get("LastModifiedTime"));
    }

    @Test
    void aSnapshotVersionIsRefusedClearly() {
        assertError(handler.handleRequest(ApiEvents.request("GET", "/instance/{InstanceId}/task/template/{TaskTemplateId}")
                .path("InstanceId", INSTANCE).path("TaskTemplateId", "t-1").query("snapshotVersion", "3").build(),
                new TestContext()), 400, "InvalidParameterException", "snapshotVersion is not supported");
    }
}
