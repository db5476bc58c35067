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
import dev.connecttasks.instance.QueueRequest;
import dev.connecttasks.operation.CreateQueue;
import dev.connecttasks.store.InstanceTable;
import java.time.Clock;

/** {@code PUT /queues/{InstanceId}}. */
public final class CreateQueueHandler extends HttpFunction {
    private final CreateQueue operation;
    private final Arns arns;

    public CreateQueueHandler() {
        this(Settings.fromEnvironment());
        // SnapStart: run the real request path once before the snapshot, against a key that does not exist
        primeWith(PrimingEvents.absent("PUT", "/queues/{InstanceId}", null,
                "{\"Name\":\"priming\",\"HoursOfOperationId\":\"priming\"}"));
    }

    private CreateQueueHandler(Settings settings) {
        this(new CreateQueue(new InstanceTable(AwsClients.dynamoDb(settings), settings.tableName()), Clock.systemUTC()),
                settings.arns());
    }

    public CreateQueueHandler(CreateQueue operation, Arns arns) {
        this.operation = operation;
        this.arns = arns;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.respond("CreateQueue", event, context, request -> {
            QueueRequest queue = InstanceRequests.createQueue(request);
            return Response.json(InstanceJson.createQueueResponse(queue.instanceId(), operation.create(queue), arns));
        });
    }
}
