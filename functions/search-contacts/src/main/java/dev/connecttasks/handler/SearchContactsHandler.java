package dev.connecttasks.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.connecttasks.config.AwsClients;
import dev.connecttasks.config.Priming;
import dev.connecttasks.config.Settings;
import dev.connecttasks.contact.Arns;
import dev.connecttasks.http.ContactJson;
import dev.connecttasks.http.HttpApi.Response;
import dev.connecttasks.http.HttpApi;
import dev.connecttasks.http.HttpFunction;
import dev.connecttasks.http.PrimingEvents;
import dev.connecttasks.http.SearchRequests;
import dev.connecttasks.operation.SearchContacts;
import dev.connecttasks.store.InstanceTable;
import dev.connecttasks.store.SearchIndexes;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code POST /search-contacts}. */
public final class SearchContactsHandler extends HttpFunction {
    private final SearchContacts operation;
    private final Arns arns;

    public SearchContactsHandler() {
        this(Settings.fromEnvironment());
        // SnapStart: run the real request path once before the snapshot, in an instance that does not exist
        primeWith(PrimingEvents.absent("POST", "/search-contacts", null,
                "{\"InstanceId\":\"" + Priming.ABSENT + "\",\"TimeRange\":{\"Type\":\"INITIATION_TIMESTAMP\","
                        + "\"StartTime\":0,\"EndTime\":3600}}"));
    }

    private SearchContactsHandler(Settings settings) {
        this(searchContacts(AwsClients.dynamoDb(settings), settings), settings.arns());
    }

    public SearchContactsHandler(SearchContacts operation, Arns arns) {
        this.operation = operation;
        this.arns = arns;
    }

    private static SearchContacts searchContacts(DynamoDbClient dynamo, Settings settings) {
        return new SearchContacts(new SearchIndexes(dynamo, settings.tableName()),
                new InstanceTable(dynamo, settings.tableName()), settings.arns().region(), Clock.systemUTC());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.respond("SearchContacts", event, context, request -> {
            SearchContacts.Page page = operation.search(SearchRequests.searchContacts(request));
            return Response.json(ContactJson.searchContactsResponse(page.contacts(), page.totalCount(), page.nextToken(), arns));
        });
    }
}
