package dev.connecttasks.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.connecttasks.config.AwsClients;
import dev.connecttasks.config.Priming;
import dev.connecttasks.config.Settings;
import dev.connecttasks.http.ContactRequests;
import dev.connecttasks.http.HttpApi.Response;
import dev.connecttasks.http.HttpApi;
import dev.connecttasks.http.HttpFunction;
import dev.connecttasks.http.PrimingEvents;
import dev.connecttasks.json.Json;
import dev.connecttasks.operation.StartTaskContact;
import dev.connecttasks.schedule.TaskSchedules;
import dev.connecttasks.store.ContactTable;
import dev.connecttasks.store.NewContacts;
import dev.connecttasks.store.TaskTemplateTable;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code PUT /contact/task}. */
public final class StartTaskContactHandler extends HttpFunction {
    private final StartTaskContact operation;

    public StartTaskContactHandler() {
        this(Settings.fromEnvironment());
        // SnapStart: run the real request path once before the snapshot, against a key that does not exist
        primeWith(PrimingEvents.absent("PUT", "/contact/task", null,
                "{\"InstanceId\":\"" + Priming.ABSENT + "\",\"ContactFlowId\":\"" + Priming.ABSENT
                        + "\",\"Name\":\"priming\"}"));
    }

    private StartTaskContactHandler(Settings settings) {
        this(settings, AwsClients.dynamoDb(settings));
    }

    private StartTaskContactHandler(Settings settings, DynamoDbClient dynamo) {
        this(new StartTaskContact(
                new ContactTable(dynamo, settings.tableName()),
                new NewContacts(dynamo, settings.tableName()),
                new TaskTemplateTable(dynamo, settings.tableName()),
                new TaskSchedules(AwsClients.scheduler(settings), settings.scheduleGroup(),
                        settings.flowRunnerArn(), settings.schedulerRoleArn(),
                        settings.deadLetterQueueArn()),
                Clock.systemUTC()));
    }

    public StartTaskContactHandler(StartTaskContact operation) {
        this.operation = operation;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.respond("StartTaskContact", event, context, request -> {
            String contactId = operation.start(ContactRequests.startTask(request));
            return Response.json(Json.object().put("ContactId", contactId));
        });
    }
}
