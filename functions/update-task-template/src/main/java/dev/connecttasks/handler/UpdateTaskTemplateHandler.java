package dev.connecttasks.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.connecttasks.config.AwsClients;
import dev.connecttasks.config.Settings;
import dev.connecttasks.contact.Arns;
import dev.connecttasks.http.HttpApi;
import dev.connecttasks.http.HttpApi.Response;
import dev.connecttasks.http.HttpFunction;
import dev.connecttasks.http.PrimingEvents;
import dev.connecttasks.http.TemplateJson;
import dev.connecttasks.http.TemplateRequests;
import dev.connecttasks.operation.UpdateTaskTemplate;
import dev.connecttasks.store.InstanceTable;
import dev.connecttasks.store.TaskTemplateTable;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code POST /instance/{InstanceId}/task/template/{TaskTemplateId}}. */
public final class UpdateTaskTemplateHandler extends HttpFunction {
    private final UpdateTaskTemplate operation;
    private final Arns arns;

    public UpdateTaskTemplateHandler() {
        this(Settings.fromEnvironment());
        // SnapStart: run the real request path once before the snapshot, against a key that does not exist
        primeWith(PrimingEvents.absent("POST", "/instance/{InstanceId}/task/template/{TaskTemplateId}", null,
                "{\"Status\":\"ACTIVE\"}"));
    }

    private UpdateTaskTemplateHandler(Settings settings) {
        this(settings, AwsClients.dynamoDb(settings));
    }

    private UpdateTaskTemplateHandler(Settings settings, DynamoDbClient dynamo) {
        this(new UpdateTaskTemplate(new TaskTemplateTable(dynamo, settings.tableName()),
                new InstanceTable(dynamo, settings.tableName()), Clock.systemUTC()), settings.arns());
    }

    public UpdateTaskTemplateHandler(UpdateTaskTemplate operation, Arns arns) {
        this.operation = operation;
        this.arns = arns;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.respond("UpdateTaskTemplate", event, context, request -> Response.json(
                TemplateJson.template(operation.update(TemplateRequests.updateTaskTemplate(request)), arns)));
    }
}
