package dev.connecttasks.contact;

/** A contact is addressed by its instance and its id; the same id in another instance is another contact. */
public record ContactKey(String instanceId, String contactId) {
}
