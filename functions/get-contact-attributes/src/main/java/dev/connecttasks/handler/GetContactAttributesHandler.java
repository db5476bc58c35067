package dev.connecttasks.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.config.AwsClients;
import dev.connecttasks.config.Settings;
import dev.connecttasks.http.ContactRequests;
import dev.connecttasks.http.HttpApi.Response;
import dev.connecttasks.http.HttpApi;
import dev.connecttasks.http.HttpFunction;
import dev.connecttasks.http.PrimingEvents;
import dev.connecttasks.json.Json;
import dev.connecttasks.operation.GetContactAttributes;
import dev.connecttasks.store.ContactTable;
import java.time.Clock;
import java.util.TreeMap;

/** {@code GET /contact/attributes/{InstanceId}/{InitialContactId}}. */
public final class GetContactAttributesHandler extends HttpFunction {
    private final GetContactAttributes operation;

    public GetContactAttributesHandler() {
        this(Settings.fromEnvironment());
        // SnapStart: run the real request path once before the snapshot, against a key that does not exist
        primeWith(PrimingEvents.absent("GET", "/contact/attributes/{InstanceId}/{InitialContactId}", null, null));
    }

    private GetContactAttributesHandler(Settings settings) {
        this(new GetContactAttributes(new ContactTable(AwsClients.dynamoDb(settings), settings.tableName()), Clock.systemUTC()));
    }

    public GetContactAttributesHandler(GetContactAttributes operation) {
        this.operation = operation;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.respond("GetContactAttributes", event, context, request -> {
            ObjectNode body = Json.object();
            ObjectNode attributes = body.putObject("Attributes");
            new TreeMap<>(operation.get(ContactRequests.initialContactKey(request))).forEach(attributes::put);
            return Response.json(body);
        });
    }
}
