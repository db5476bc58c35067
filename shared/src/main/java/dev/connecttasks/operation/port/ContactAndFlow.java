package dev.connecttasks.operation.port;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.instance.ContactFlow;

/**
 * A contact as read for its flow run: the contact, its revision (for the conditional write), its flow,
 * and whether it is in a chain with other contacts (whose attributes the run's must reach too).
 */
public record ContactAndFlow(Contact contact, long revision, ContactFlow flow, boolean chained) {
}
