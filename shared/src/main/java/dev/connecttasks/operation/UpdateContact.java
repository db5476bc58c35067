package dev.connecttasks.operation;

import static dev.connecttasks.error.ApiException.invalidRequest;

import dev.connecttasks.contact.ContactChanges;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.operation.port.Change;
import dev.connecttasks.operation.port.ContactStore;
import dev.connecttasks.operation.port.TaskScheduler;
import java.time.Clock;
import java.time.Instant;

/**
 * UpdateContact: name and description replace, references merge under the 4,096-byte cap, segment
 * attributes merge by key; a new expiry moves a started contact's expiry schedule.
 */
public final class UpdateContact {
    private final ContactStore contacts;
    private final TaskScheduler schedules;
    private final Clock clock;

    public UpdateContact(ContactStore contacts, TaskScheduler schedules, Clock clock) {
        this.contacts = contacts;
        this.schedules = schedules;
        this.clock = clock;
    }

    public void update(ContactKey key, ContactChanges changes) {
        ContactRules.checkKey(key);
        if (changes.isEmpty()) {
            throw invalidRequest("At least one of Name, Description, References or SegmentAttributes must be present.");
        }
        ContactRules.checkChanges(changes);
        Instant now = Clocks.now(clock);
        if (contacts.update(key, changes, now) == Change.NO_SUCH_CONTACT) {
            throw NotFound.contact(key);
        }
        if (changes.movesExpiry()) {
            scheduleMovedExpiry(key, now);
        }
    }

    /**
     * A contact whose flow has started is due at its new expiry: it gets a schedule for it (the old one
     * fires into a no-op). Read after the write, so of concurrent moves the last one read is scheduled;
     * a schedule not created leaves the contact to the reconciler, which finds it in the due index.
     */
    private void scheduleMovedExpiry(ContactKey key, Instant now) {
        contacts.find(key, now)
                .filter(contact -> contact.flowStatus() == FlowStatus.STARTED && !contact.ended())
                .ifPresent(contact -> schedules.createExpiry(key, contact.expiry()));
    }
}
