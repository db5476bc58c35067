package dev.connecttasks.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.connecttasks.config.AwsClients;
import dev.connecttasks.config.Settings;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.ReferenceType;
import dev.connecttasks.http.ContactJson;
import dev.connecttasks.http.ContactRequests;
import dev.connecttasks.http.HttpApi;
import dev.connecttasks.http.HttpFunction;
import dev.connecttasks.http.HttpApi.Response;
import dev.connecttasks.http.PrimingEvents;
import dev.connecttasks.operation.DescribeContact;
import dev.connecttasks.operation.ListContactReferences;
import dev.connecttasks.store.ContactTable;
import java.time.Clock;
import java.util.Set;
import java.util.Map;

/** {@code GET /contact/references/{InstanceId}/{ContactId}?referenceTypes=...}. */
public final class ListContactReferencesHandler extends HttpFunction {
    private final ListContactReferences operation;

    public ListContactReferencesHandler() {
        this(Settings.fromEnvironment());
        // SnapStart: run the real request path once before the snapshot, against a key that does not exist
        primeWith(PrimingEvents.absent("GET", "/contact/references/{InstanceId}/{ContactId}",
                Map.of("referenceTypes", "URL"), null));
    }

    private ListContactReferencesHandler(Settings settings) {
        this(new ListContactReferences(new DescribeContact(
                new ContactTable(AwsClients.dynamoDb(settings), settings.tableName()), Clock.systemUTC())));
    }

    public ListContactReferencesHandler(ListContactReferences operation) {
        this.operation = operation;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.respond("ListContactReferences", event, context, request -> {
            ContactKey key = ContactRequests.contactKey(request);
            Set<ReferenceType> types = ContactRequests.referenceTypes(request);
            return Response.json(ContactJson.referenceSummaryList(operation.references(key), types));
        });
    }
}
