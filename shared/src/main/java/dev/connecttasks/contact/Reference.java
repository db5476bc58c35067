package dev.connecttasks.contact;

/** One reference of a contact: a typed value shown to the agent, stored under its name. */
public record Reference(ReferenceType type, String value) {
}
