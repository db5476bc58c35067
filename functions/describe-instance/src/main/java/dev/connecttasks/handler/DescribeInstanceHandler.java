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
import dev.connecttasks.operation.DescribeInstance;
import dev.connecttasks.store.InstanceTable;

/** {@code GET /instance/{InstanceId}}. */
public final class DescribeInstanceHandler extends HttpFunction {
    private final DescribeInstance operation;
    private final Arns arns;

    public DescribeInstanceHandler() {
        this(Settings.fromEnvironment());
        // SnapStart: run the real request path once before the snapshot, against a key that does not exist
        primeWith(PrimingEvents.absent("GET", "/instance/{InstanceId}", null, null));
    }

    private DescribeInstanceHandler(Settings settings) {
        this(new DescribeInstance(new InstanceTable(AwsClients.dynamoDb(settings), settings.tableName())),
                settings.arns());
    }

    public DescribeInstanceHandler(DescribeInstance operation, Arns arns) {
        this.operation = operation;
        this.arns = arns;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.respond("DescribeInstance", event, context, request -> Response.json(
                InstanceJson.describeInstanceResponse(operation.describe(request.pathParameter("InstanceId")), arns)));
    }
}
