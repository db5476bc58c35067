package dev.connecttasks.contact;

/** The members of a StopContact request: the contact, and whether a DisconnectReason came with it. */
public record StopRequest(ContactKey key, boolean disconnectReasonGiven) {
}
