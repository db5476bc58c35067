package dev.connecttasks.contact;

import static dev.connecttasks.error.ApiException.invalidRequest;

/**
 * The members of a TransferContact request; optional members are null when absent. Its model has no
 * InvalidParameterException, so every broken rule is an InvalidRequestException naming the member.
 */
public record TransferRequest(ContactKey key, String contactFlowId, String queueId, String userId, String clientToken) {

    public void check() {
        ContactRules.checkRequestLength("InstanceId", key.instanceId(), 100);
        ContactRules.checkRequestLength("ContactId", key.contactId(), 256);
        ContactRules.checkRequestLength("ContactFlowId", contactFlowId, 500);
        ContactRules.checkRequestLength("QueueId", queueId, 500);
        ContactRules.checkRequestLength("ClientToken", clientToken, 500);
        if (userId != null) {
            throw invalidRequest("UserId is not supported by this service (it has no agents); transfer to a queue with QueueId.");
        }
    }
}
