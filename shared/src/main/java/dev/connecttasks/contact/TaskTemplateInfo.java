package dev.connecttasks.contact;

/** The task template a contact was started from: its id (for its ARN) and its name at the time. */
public record TaskTemplateInfo(String id, String name) {
}
