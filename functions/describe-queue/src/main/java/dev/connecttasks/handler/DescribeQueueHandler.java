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
import dev.connecttasks.http.PrimingEvents;
import dev.connecttasks.operation.DescribeQueue;
import dev.connecttasks.store.InstanceTable;

/** {@code GET /queues/{InstanceId}/{QueueId}}. */
public final class DescribeQueueHandler extends HttpFunction {
    private final DescribeQueue operation;
    private final Arns arns;

    public DescribeQueueHandler() {
        this(Settings.fromEnvironment());
        // SnapStart: run the real request path once before the snapshot, against a key that does not exist
        primeWith(PrimingEvents.absent("GET", "/queues/{InstanceId}/{QueueId}", null, null));
    }

    private DescribeQueueHandler(Settings settings) {
        this(new DescribeQueue(new InstanceTable(AwsClients.dynamoDb(settings), settings.tableName())), settings.arns());
    }

    public DescribeQueueHandler(DescribeQueue operation, Arns arns) {
        this.operation = operation;
        this.arns = arns;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.respond("DescribeQueue", event, context, request -> Response.json(InstanceJson.describeQueueResponse(
                operation.describe(request.pathParameter("InstanceId"), request.pathParameter("QueueId")), arns)));
    }
}
