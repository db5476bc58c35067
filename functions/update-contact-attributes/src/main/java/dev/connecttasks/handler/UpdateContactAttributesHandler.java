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
import dev.connecttasks.operation.UpdateContactAttributes;
import dev.connecttasks.store.ContactTable;
import java.time.Clock;

/** {@code POST /contact/attributes}. */
public final class UpdateContactAttributesHandler extends HttpFunction {
    private final UpdateContactAttributes operation;

    public UpdateContactAttributesHandler() {
        this(Settings.fromEnvironment());
        // SnapStart: run the real request path once before the snapshot, against a key that does not exist
        primeWith(PrimingEvents.absent("POST", "/contact/attributes", null, "{\"InstanceId\":\"" + Priming.ABSENT
                + "\",\"InitialContactId\":\"" + Priming.ABSENT + "\",\"Attributes\":{\"priming\":\"priming\"}}"));
    }

    private UpdateContactAttributesHandler(Settings settings) {
        this(new UpdateContactAttributes(new ContactTable(AwsClients.dynamoDb(settings), settings.tableName()),
                Clock.systemUTC()));
    }

    public UpdateContactAttributesHandler(UpdateContactAttributes operation) {
        this.operation = operation;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.respond("UpdateContactAttributes", event, context, request -> {
            operation.update(ContactRequests.attributeUpdate(request));
            return Response.empty();
        });
    }
}
