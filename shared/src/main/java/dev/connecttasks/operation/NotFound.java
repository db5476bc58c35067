package dev.connecttasks.operation;

import static dev.connecttasks.error.ApiException.notFound;

import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.error.ApiException;

/** The ResourceNotFoundException messages the operations share. */
final class NotFound {
    private NotFound() {
    }

    static ApiException contact(ContactKey key) {
        return notFound("Contact " + key.contactId() + " was not found in instance " + key.instanceId() + ".");
    }

    static ApiException instance(String instanceId) {
        return notFound("Instance " + instanceId + " was not found.");
    }

    static ApiException taskTemplate(String instanceId, String templateId) {
        return notFound("TaskTemplateId " + templateId + " was not found in instance " + instanceId + ".");
    }

    static ApiException flow(String instanceId, String contactFlowId) {
        return notFound("ContactFlowId " + contactFlowId + " was not found in instance " + instanceId + ".");
    }

    static ApiException queue(String instanceId, String queueId) {
        return notFound("QueueId " + queueId + " was not found in instance " + instanceId + ".");
    }
}
