package dev.connecttasks.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.connecttasks.config.AwsClients;
import dev.connecttasks.config.Settings;
import dev.connecttasks.contact.Arns;
import dev.connecttasks.http.HttpApi.Response;
import dev.connecttasks.http.HttpApi;
import dev.connecttasks.http.HttpFunction;
import dev.connecttasks.http.InstanceJson;
import dev.connecttasks.http.InstanceRequests;
import dev.connecttasks.http.PrimingEvents;
import dev.connecttasks.operation.ListInstances;
import dev.connecttasks.store.InstanceTable;
import java.util.Map;

/** {@code GET /instance?nextToken=...&maxResults=...}. */
public final class ListInstancesHandler extends HttpFunction {
    private final ListInstances operation;
    private final Arns arns;

    public ListInstancesHandler() {
        this(Settings.fromEnvironment());
        // SnapStart: run the real request path once before the snapshot; it only reads
        primeWith(PrimingEvents.absent("GET", "/instance", Map.of("maxResults", "1"), null));
    }

    private ListInstancesHandler(Settings settings) {
        this(new ListInstances(new InstanceTable(AwsClients.dynamoDb(settings), settings.tableName())), settings.arns());
    }

    public ListInstancesHandler(ListInstances operation, Arns arns) {
        this.operation = operation;
        this.arns = arns;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.respond("ListInstances", event, context, request -> Response.json(InstanceJson.listInstancesResponse(
                operation.list(InstanceRequests.listInstances(request)), arns)));
    }
}
