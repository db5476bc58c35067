package dev.connecttasks.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.connecttasks.config.AwsClients;
import dev.connecttasks.config.Priming;
import dev.connecttasks.config.Settings;
import dev.connecttasks.http.ContactRequests;
import dev.connecttasks.http.HttpApi;
import dev.connecttasks.http.HttpApi.Response;
import dev.connecttasks.http.HttpFunction;
import dev.connecttasks.http.PrimingEvents;
import dev.connecttasks.operation.StopContact;
import dev.connecttasks.schedule.TaskSchedules;
import dev.connecttasks.store.ContactTable;
import java.time.Clock;

/** {@code POST /contact/stop}. */
public final class StopContactHandler extends HttpFunction {
    private final StopContact operation;

    public StopContactHandler() {
        this(Settings.fromEnvironment());
        // SnapStart: run the real request path once before the snapshot, against a key that does not exist
        primeWith(PrimingEvents.absent("POST", "/contact/stop", null,
                "{\"InstanceId\":\"" + Priming.ABSENT + "\",\"ContactId\":\"" + Priming.ABSENT + "\"}"));
    }

    private StopContactHandler(Settings settings) {
        this(new StopContact(
                new ContactTable(AwsClients.dynamoDb(settings), settings.tableName()),
                new TaskSchedules(AwsClients.scheduler(settings), settings.scheduleGroup(),
                        settings.flowRunnerArn(), settings.schedulerRoleArn(), settings.deadLetterQueueArn()),
                Clock.systemUTC()));
    }

    public StopContactHandler(StopContact operation) {
        this.operation = operation;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.respond("StopContact", event, context, request -> {
            operation.stop(ContactRequests.stopRequest(request));
            return Response.empty();
        });
    }
}
