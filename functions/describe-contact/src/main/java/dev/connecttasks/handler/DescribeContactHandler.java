package dev.connecttasks.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.connecttasks.config.AwsClients;
import dev.connecttasks.config.Settings;
import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.Arns;
import dev.connecttasks.http.ContactJson;
import dev.connecttasks.http.ContactRequests;
import dev.connecttasks.http.HttpApi;
import dev.connecttasks.http.HttpFunction;
import dev.connecttasks.http.HttpApi.Response;
import dev.connecttasks.http.PrimingEvents;
import dev.connecttasks.operation.DescribeContact;
import dev.connecttasks.store.ContactTable;
import java.time.Clock;

/** {@code GET /contacts/{InstanceId}/{ContactId}}. */
public final class DescribeContactHandler extends HttpFunction {
    private final DescribeContact operation;
    private final Arns arns;

    public DescribeContactHandler() {
        this(Settings.fromEnvironment());
        // SnapStart: run the real request path once before the snapshot, against a key that does not exist
        primeWith(PrimingEvents.absent("GET", "/contacts/{InstanceId}/{ContactId}", null, null));
    }

    private DescribeContactHandler(Settings settings) {
        this(new DescribeContact(new ContactTable(AwsClients.dynamoDb(settings), settings.tableName()), Clock.systemUTC()),
                settings.arns());
    }

    public DescribeContactHandler(DescribeContact operation, Arns arns) {
        this.operation = operation;
        this.arns = arns;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.respond("DescribeContact", event, context, request -> {
            Contact contact = operation.describe(ContactRequests.contactKey(request));
            return Response.json(ContactJson.describeContactResponse(contact, arns));
        });
    }
}
