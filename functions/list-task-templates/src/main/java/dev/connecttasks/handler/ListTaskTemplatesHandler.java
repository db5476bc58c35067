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
import dev.connecttasks.operation.ListTaskTemplates;
import dev.connecttasks.store.TaskTemplateTable;

/** {@code GET /instance/{InstanceId}/task/template?nextToken&maxResults&status&name}. */
public final class ListTaskTemplatesHandler extends HttpFunction {
    private final ListTaskTemplates operation;
    private final Arns arns;

    public ListTaskTemplatesHandler() {
        this(Settings.fromEnvironment());
        // SnapStart: run the real request path once before the snapshot, against a key that does not exist
        primeWith(PrimingEvents.absent("GET", "/instance/{InstanceId}/task/template", null, null));
    }

    private ListTaskTemplatesHandler(Settings settings) {
        this(new ListTaskTemplates(new TaskTemplateTable(AwsClients.dynamoDb(settings), settings.tableName())), settings.arns());
    }

    public ListTaskTemplatesHandler(ListTaskTemplates operation, Arns arns) {
        this.operation = operation;
        this.arns = arns;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.respond("ListTaskTemplates", event, context, request -> {
            TemplateRequests.ListQuery query = TemplateRequests.listQuery(request);
            ListTaskTemplates.Page page = operation.list(query.instanceId(), query.status(), query.name(), query.nextToken(),
                    query.maxResults());
            return Response.json(TemplateJson.list(query.instanceId(), page.templates(), page.nextToken(), arns));
        });
    }
}
