package dev.connecttasks.operation.port;

import dev.connecttasks.contact.ContactKey;

/** Starts an immediate task's flow without waiting for it; a start that fails throws. */
public interface FlowStarter {

    void startNow(ContactKey key, String contactFlowId);
}
