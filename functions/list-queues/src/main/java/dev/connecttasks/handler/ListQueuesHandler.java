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
import dev.connecttasks.operation.ListQueues;
import dev.connecttasks.store.InstanceTable;

/** {@code GET /queues-summary/{InstanceId}?queueTypes=...&nextToken=...&maxResults=...}. */
public final class ListQueuesHandler extends HttpFunction {
    private final ListQueues operation;
    private final Arns arns;

    public ListQueuesHandler() {
        this(Settings.fromEnvironment());
        // SnapStart: run the real request path once before the snapshot, against a key that does not exist
        primeWith(PrimingEvents.absent("GET", "/queues-summary/{InstanceId}", null, null));
    }

    private ListQueuesHandler(Settings settings) {
        this(listQueues(new InstanceTable(AwsClients.dynamoDb(settings), settings.tableName())), settings.arns());
    }

    private static ListQueues listQueues(InstanceTable table) {
        return new ListQueues(table, table);
    }

    public ListQueuesHandler(ListQueues operation, Arns arns) {
        this.operation = operation;
        this.arns = arns;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.respond("ListQueues", event, context, request -> Response.json(InstanceJson.listQueuesResponse(
                operation.list(InstanceRequests.listInInstance(request, "queueTypes", InstanceRules.QUEUE_TYPES, 2)), arns)));
    }
}
