package dev.connecttasks.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.connecttasks.config.AwsClients;
import dev.connecttasks.config.Priming;
import dev.connecttasks.config.Settings;
import dev.connecttasks.contact.Arns;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.TransferRequest;
import dev.connecttasks.http.ContactRequests;
import dev.connecttasks.http.HttpApi.Response;
import dev.connecttasks.http.HttpApi;
import dev.connecttasks.http.HttpFunction;
import dev.connecttasks.http.PrimingEvents;
import dev.connecttasks.json.Json;
import dev.connecttasks.operation.TransferContact;
import dev.connecttasks.store.NewContacts;
import java.time.Clock;

/** {@code POST /contact/transfer}. */
public final class TransferContactHandler extends HttpFunction {
    private final TransferContact operation;
    private final Arns arns;

    public TransferContactHandler() {
        this(Settings.fromEnvironment());
        // SnapStart: run the real request path once before the snapshot, against a key that does not exist
        primeWith(PrimingEvents.absent("POST", "/contact/transfer", null,
                "{\"InstanceId\":\"" + Priming.ABSENT + "\",\"ContactId\":\"" + Priming.ABSENT
                        + "\",\"ContactFlowId\":\"" + Priming.ABSENT + "\"}"));
    }

    private TransferContactHandler(Settings settings) {
        this(new TransferContact(new NewContacts(AwsClients.dynamoDb(settings), settings.tableName()), Clock.systemUTC()),
                settings.arns());
    }

    public TransferContactHandler(TransferContact operation, Arns arns) {
        this.operation = operation;
        this.arns = arns;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpApi.respond("TransferContact", event, context, request -> {
            TransferRequest transfer = ContactRequests.transferRequest(request);
            String contactId = operation.transfer(transfer);
            return Response.json(Json.object().put("ContactId", contactId)
                    .put("ContactArn", arns.contact(new ContactKey(transfer.key().instanceId(), contactId))));
        });
    }
}
