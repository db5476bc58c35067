package dev.connecttasks.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.connecttasks.config.AwsClients;
import dev.connecttasks.config.Settings;
import dev.connecttasks.contact.Arns;
import dev.connecttasks.http.HttpApi;
import dev.connecttasks.http.HttpFunction;
import dev.connecttasks.http.HttpApi.Response;
import dev.connecttasks.http.InstanceJson;
import dev.connecttasks.http.PrimingEvents;
import dev.connecttasks.operation.DescribeContactFlow;
import dev.connecttasks.store.InstanceTable;

/** {@code GET /contact-flows/{InstanceId}/{ContactFlowId}}. */
public final class DescribeContactFlowHandler extends HttpFunction {
    private final DescribeContactFlow operation;
    private final Arns arns;

    public DescribeContactFlowHandler() {
        this(Settings.fromEnvironment());
        // SnapStart: run the real request path once before the snapshot, against a key that does not exist
        primeWith(PrimingEvents.absent("GET", "/contact-flows/{InstanceId}/{ContactFlowId}", null, null));
    }

    private DescribeContactFlowHandler(Settings settings) {
        this(new DescribeContactFlow(new InstanceTable(AwsClients.dynamoDb(settings), settings.tableName())),
                settings.arns());
    }

    public DescribeContactFlowHandler(DescribeContactFlow operation, Arns arns) {
        this.operation = operation;
        this.arns = arns;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.respond("DescribeContactFlow", event, context, request -> Response.json(
                InstanceJson.describeContactFlowResponse(operation.describe(request.pathParameter("InstanceId"),
                        request.pathParameter("ContactFlowId")), arns)));
    }
}
