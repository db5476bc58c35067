package dev.connecttasks.contact;

import static dev.connecttasks.error.ApiException.invalidRequest;

/**
 * The members of a TransferContact request; optional members are null when absent. Its model has no
 * InvalidParameterException, so every broken rule is an InvalidRequestException naming the member.
 */
public record TransferRequest(ContactKey key, String contactFlowId, String queueId, String userId, String clientToken) {

    public void check() {
        checkLength("InstanceId", key.instanceId(), 100);
        checkLength("ContactId", key.contactId(), 256);
        checkLength("ContactFlowId", contactFlowId, 500);
        checkLength("QueueId", queueId, 500);
        checkLength("ClientToken", clientToken, 500);
        if (userId != null) {
            throw invalidRequest("UserId is not supported by this service (it has no agents); transfer to a queue with QueueId.");
        }
    }

    private static void checkLength(String member, String value, int max) {
        if (value != null && (value.isEmpty() || value.codePointCount(0, value.length()) > max)) {
            throw invalidRequest(member + " must have a length between 1 and " + max + " characters.");
        }
    }
}
