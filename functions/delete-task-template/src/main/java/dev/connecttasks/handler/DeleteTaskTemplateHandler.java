package dev.connecttasks.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.connecttasks.config.AwsClients;
import dev.connecttasks.config.Settings;
import dev.connecttasks.http.HttpApi;
import dev.connecttasks.http.HttpApi.Response;
import dev.connecttasks.http.HttpFunction;
import dev.connecttasks.http.PrimingEvents;
import dev.connecttasks.http.TemplateRequests;
import dev.connecttasks.operation.DeleteTaskTemplate;
import dev.connecttasks.store.TaskTemplateTable;

/** {@code DELETE /instance/{InstanceId}/task/template/{TaskTemplateId}}. */
public final class DeleteTaskTemplateHandler extends HttpFunction {
    private final DeleteTaskTemplate operation;

    public DeleteTaskTemplateHandler() {
        this(Settings.fromEnvironment());
        // SnapStart: run the real request path once before the snapshot, against a key that does not exist
        primeWith(PrimingEvents.absent("DELETE", "/instance/{InstanceId}/task/template/{TaskTemplateId}", null, null));
    }

    private DeleteTaskTemplateHandler(Settings settings) {
        this(new DeleteTaskTemplate(new TaskTemplateTable(AwsClients.dynamoDb(settings), settings.tableName())));
    }

    public DeleteTaskTemplateHandler(DeleteTaskTemplate operation) {
        this.operation = operation;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.respond("DeleteTaskTemplate", event, context, request -> {
            TemplateRequests.TemplateKey key = TemplateRequests.templateKey(request);
            operation.delete(key.instanceId(), key.templateId());
            return Response.empty();
        });
    }
}
