package dev.connecttasks.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.connecttasks.config.AwsClients;
import dev.connecttasks.config.Settings;
import dev.connecttasks.contact.Arns;
import dev.connecttasks.contact.TaskTemplateRequest;
import dev.connecttasks.http.HttpApi;
import dev.connecttasks.http.HttpApi.Response;
import dev.connecttasks.http.HttpFunction;
import dev.connecttasks.http.PrimingEvents;
import dev.connecttasks.http.TemplateJson;
import dev.connecttasks.http.TemplateRequests;
import dev.connecttasks.operation.CreateTaskTemplate;
import dev.connecttasks.store.InstanceTable;
import dev.connecttasks.store.TaskTemplateTable;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code PUT /instance/{InstanceId}/task/template}. */
public final class CreateTaskTemplateHandler extends HttpFunction {
    private final CreateTaskTemplate operation;
    private final Arns arns;

    public CreateTaskTemplateHandler() {
        this(Settings.fromEnvironment());
        // SnapStart: run the real request path once before the snapshot, against a key that does not exist
        primeWith(PrimingEvents.absent("PUT", "/instance/{InstanceId}/task/template", null,
                "{\"Name\":\"priming\",\"Fields\":[{\"Id\":{\"Name\":\"Title\"},\"Type\":\"NAME\"}],"
                        + "\"Constraints\":{\"RequiredFields\":[{\"Id\":{\"Name\":\"Title\"}}]}}"));
    }

    private CreateTaskTemplateHandler(Settings settings) {
        this(settings, AwsClients.dynamoDb(settings));
    }

    private CreateTaskTemplateHandler(Settings settings, DynamoDbClient dynamo) {
        this(new CreateTaskTemplate(new TaskTemplateTable(dynamo, settings.tableName()),
                new InstanceTable(dynamo, settings.tableName()), Clock.systemUTC()), settings.arns());
    }

    public CreateTaskTemplateHandler(CreateTaskTemplate operation, Arns arns) {
        this.operation = operation;
        this.arns = arns;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.respond("CreateTaskTemplate", event, context, request -> {
            TaskTemplateRequest template = TemplateRequests.createTaskTemplate(request);
            return Response.json(TemplateJson.createTaskTemplateResponse(template.instanceId(), operation.create(template), arns));
        });
    }
}
