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
import dev.connecttasks.operation.TagContact;
import dev.connecttasks.store.ContactTable;
import java.time.Clock;

/** {@code POST /contact/tags}. */
public final class TagContactHandler extends HttpFunction {
    private final TagContact operation;

    public TagContactHandler() {
        this(Settings.fromEnvironment());
        // SnapStart: run the real request path once before the snapshot, against a key that does not exist
        primeWith(PrimingEvents.absent("POST", "/contact/tags", null, "{\"InstanceId\":\"" + Priming.ABSENT
                + "\",\"ContactId\":\"" + Priming.ABSENT + "\",\"Tags\":{\"priming\":\"priming\"}}"));
    }

    private TagContactHandler(Settings settings) {
        this(new TagContact(new ContactTable(AwsClients.dynamoDb(settings), settings.tableName()), Clock.systemUTC()));
    }

    public TagContactHandler(TagContact operation) {
        this.operation = operation;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.respond("TagContact", event, context, request -> {
            operation.tag(ContactRequests.tagChange(request));
            return Response.empty();
        });
    }
}
