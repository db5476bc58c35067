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
import dev.connecttasks.instance.FlowRequest;
import dev.connecttasks.operation.CreateContactFlow;
import dev.connecttasks.store.InstanceTable;
import java.time.Clock;

/** {@code PUT /contact-flows/{InstanceId}}. */
public final class CreateContactFlowHandler extends HttpFunction {
    private final CreateContactFlow operation;
    private final Arns arns;

    public CreateContactFlowHandler() {
        this(Settings.fromEnvironment());
        // SnapStart: run the real request path once before the snapshot, against a key that does not exist
        primeWith(PrimingEvents.absent("PUT", "/contact-flows/{InstanceId}", null,
                "{\"Name\":\"priming\",\"Type\":\"CONTACT_FLOW\",\"Content\":\"{\\\"Version\\\":\\\"2019-10-30\\\",\\\"StartAction\\\":\\\"end\\\",\\\"Actions\\\":[{\\\"Identifier\\\":\\\"end\\\",\\\"Type\\\":\\\"DisconnectParticipant\\\",\\\"Parameters\\\":{},\\\"Transitions\\\":{}}]}\"}"));
    }

    private CreateContactFlowHandler(Settings settings) {
        this(createContactFlow(new InstanceTable(AwsClients.dynamoDb(settings), settings.tableName())), settings.arns());
    }

    private static CreateContactFlow createContactFlow(InstanceTable table) {
        return new CreateContactFlow(table, table, Clock.systemUTC());
    }

    public CreateContactFlowHandler(CreateContactFlow operation, Arns arns) {
        this.operation = operation;
        this.arns = arns;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.respond("CreateContactFlow", event, context, request -> {
            FlowRequest flow = InstanceRequests.createContactFlow(request);
            return Response.json(InstanceJson.createContactFlowResponse(flow.instanceId(), operation.create(flow), arns));
        });
    }
}
