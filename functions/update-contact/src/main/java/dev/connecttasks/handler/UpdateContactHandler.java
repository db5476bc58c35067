package dev.connecttasks.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.connecttasks.config.AwsClients;
import dev.connecttasks.config.Settings;
import dev.connecttasks.http.ContactRequests;
import dev.connecttasks.http.HttpApi.Response;
import dev.connecttasks.http.HttpApi;
import dev.connecttasks.http.HttpFunction;
import dev.connecttasks.http.PrimingEvents;
import dev.connecttasks.operation.UpdateContact;
import dev.connecttasks.schedule.TaskSchedules;
import dev.connecttasks.store.ContactTable;
import java.time.Clock;

/** {@code POST /contacts/{InstanceId}/{ContactId}}. */
public final class UpdateContactHandler extends HttpFunction {
    private final UpdateContact operation;

    public UpdateContactHandler() {
        this(Settings.fromEnvironment());
        // SnapStart: run the real request path once before the snapshot, against a key that does not exist
        primeWith(PrimingEvents.absent("POST", "/contacts/{InstanceId}/{ContactId}", null,
                "{\"Name\":\"priming\"}"));
    }

    private UpdateContactHandler(Settings settings) {
        this(new UpdateContact(new ContactTable(AwsClients.dynamoDb(settings), settings.tableName()),
                new TaskSchedules(AwsClients.scheduler(settings), settings.scheduleGroup(),
                        settings.flowRunnerArn(), settings.schedulerRoleArn(), settings.deadLetterQueueArn()),
                Clock.systemUTC()));
    }

    public UpdateContactHandler(UpdateContact operation) {
        this.operation = operation;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.respond("UpdateContact", event, context, request -> {
            operation.update(ContactRequests.contactKey(request), ContactRequests.contactChanges(request));
            return Response.empty();
        });
    }
}
