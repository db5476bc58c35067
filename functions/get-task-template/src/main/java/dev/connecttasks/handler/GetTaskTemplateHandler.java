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
import dev.connecttasks.operation.GetTaskTemplate;
import dev.connecttasks.store.TaskTemplateTable;

/** {@code GET /instance/{InstanceId}/task/template/{TaskTemplateId}}. */
public final class GetTaskTemplateHandler extends HttpFunction {
    private final GetTaskTemplate operation;
    private final Arns arns;

    public GetTaskTemplateHandler() {
        this(Settings.fromEnvironment());
        // SnapStart: run the real request path once before the snapshot, against a key that does not exist
        primeWith(PrimingEvents.absent("GET", "/instance/{InstanceId}/task/template/{TaskTemplateId}", null, null));
    }

    private GetTaskTemplateHandler(Settings settings) {
        this(new GetTaskTemplate(new TaskTemplateTable(AwsClients.dynamoDb(settings), settings.tableName())), settings.arns());
    }

    public GetTaskTemplateHandler(GetTaskTemplate operation, Arns arns) {
        this.operation = operation;
        this.arns = arns;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.respond("GetTaskTemplate", event, context, request -> {
            TemplateRequests.TemplateKey key = TemplateRequests.templateKey(request);
            return Response.json(TemplateJson.template(operation.get(key.instanceId(), key.templateId()), arns));
        });
    }
}
