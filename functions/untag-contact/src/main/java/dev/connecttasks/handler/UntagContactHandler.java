package dev.connecttasks.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.connecttasks.config.AwsClients;
import dev.connecttasks.config.Settings;
import dev.connecttasks.http.ContactRequests;
import dev.connecttasks.http.HttpApi;
import dev.connecttasks.http.HttpApi.Response;
import dev.connecttasks.http.HttpFunction;
import dev.connecttasks.http.PrimingEvents;
import dev.connecttasks.operation.UntagContact;
import dev.connecttasks.store.ContactTable;
import java.time.Clock;
import java.util.Map;

/** {@code DELETE /contact/tags/{InstanceId}/{ContactId}?TagKeys=...}. */
public final class UntagContactHandler extends HttpFunction {
    private final UntagContact operation;

    public UntagContactHandler() {
        this(Settings.fromEnvironment());
        // SnapStart: run the real request path once before the snapshot, against a key that does not exist
        primeWith(PrimingEvents.absent("DELETE", "/contact/tags/{InstanceId}/{ContactId}", Map.of("TagKeys", "priming"),
                null));
    }

    private UntagContactHandler(Settings settings) {
        this(new UntagContact(new ContactTable(AwsClients.dynamoDb(settings), settings.tableName()), Clock.systemUTC()));
    }

    public UntagContactHandler(UntagContact operation) {
        this.operation = operation;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.respond("UntagContact", event, context, request -> {
            operation.untag(ContactRequests.untagChange(request));
            return Response.empty();
        });
    }
}
