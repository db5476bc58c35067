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
import dev.connecttasks.instance.InstanceRules;
import dev.connecttasks.operation.ListContactFlows;
import dev.connecttasks.store.InstanceTable;

/** {@code GET /contact-flows-summary/{InstanceId}?contactFlowTypes=...&nextToken=...&maxResults=...}. */
public final class ListContactFlowsHandler extends HttpFunction {
    private final ListContactFlows operation;
    private final Arns arns;

    public ListContactFlowsHandler() {
        this(Settings.fromEnvironment());
        // SnapStart: run the real request path once before the snapshot, against a key that does not exist
        primeWith(PrimingEvents.absent("GET", "/contact-flows-summary/{InstanceId}", null, null));
    }

    private ListContactFlowsHandler(Settings settings) {
        this(new ListContactFlows(new InstanceTable(AwsClients.dynamoDb(settings), settings.tableName())), settings.arns());
    }

    public ListContactFlowsHandler(ListContactFlows operation, Arns arns) {
        this.operation = operation;
        this.arns = arns;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.respond("ListContactFlows", event, context, request -> Response.json(InstanceJson.listContactFlowsResponse(
                operation.list(InstanceRequests.listInInstance(request, "contactFlowTypes", InstanceRules.FLOW_TYPES, 10)), arns)));
    }
}
