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
import dev.connecttasks.http.InstanceRequests;
import dev.connecttasks.http.PrimingEvents;
import dev.connecttasks.operation.CreateInstance;
import dev.connecttasks.store.InstanceTable;
import java.time.Clock;

/** {@code PUT /instance}. */
public final class CreateInstanceHandler extends HttpFunction {
    private final CreateInstance operation;
    private final Arns arns;

    public CreateInstanceHandler() {
        this(Settings.fromEnvironment());
        // SnapStart: run the real request path once before the snapshot, against a key that does not exist
        primeWith(PrimingEvents.absent("PUT", "/instance", null,
                "{\"IdentityManagementType\":\"SAML\",\"InboundCallsEnabled\":true,\"OutboundCallsEnabled\":true}"));
    }

    private CreateInstanceHandler(Settings settings) {
        this(new CreateInstance(new InstanceTable(AwsClients.dynamoDb(settings), settings.tableName()), Clock.systemUTC()),
                settings.arns());
    }

    public CreateInstanceHandler(CreateInstance operation, Arns arns) {
        this.operation = operation;
        this.arns = arns;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.respond("CreateInstance", event, context, request -> Response.json(
                InstanceJson.createInstanceResponse(operation.create(InstanceRequests.createInstance(request)), arns)));
    }
}
