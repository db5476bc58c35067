package dev.connecttasks.operation;

import static dev.connecttasks.error.ApiException.invalidRequest;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.StopRequest;
import dev.connecttasks.error.ApiException;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.operation.port.Change;
import dev.connecttasks.operation.port.ContactStore;
import dev.connecttasks.operation.port.ContactStore.Stopping;
import dev.connecttasks.operation.port.TaskScheduler;
import java.time.Clock;

/**
 * StopContact. A task in any state ends ({@code DisconnectReason} {@code API}, {@code DisconnectTimestamp}
 * now) in one conditional write. A task whose flow has not started is cancelled: the flow-runner refuses
 * an ended contact, so its flow never runs, and a scheduled task's schedule is deleted (best effort: a
 * firing left behind starts nothing). Against its schedule firing, exactly one wins: the write that
 * ends it, or the start, conditional on the revision the runner read.
 */
public final class StopContact {
    private final ContactStore contacts;
    private final TaskScheduler schedules;
    private final Clock clock;

    public StopContact(ContactStore contacts, TaskScheduler schedules, Clock clock) {
        this.contacts = contacts;
        this.schedules = schedules;
        this.clock = clock;
    }

    public void stop(StopRequest request) {
        ContactKey key = request.key();
        ContactRules.checkKey(key);
        if (request.disconnectReasonGiven()) {
            throw invalidRequest("DisconnectReason applies to outbound campaign contacts; a task takes none.");
        }
        Stopping stopping = contacts.stop(key, Clocks.now(clock));
        if (stopping.change() == Change.NO_SUCH_CONTACT) {
            throw NotFound.contact(key);
        }
        if (stopping.change() == Change.ALREADY_ENDED) {
            throw new ApiException(ErrorType.CONTACT_NOT_FOUND, "Contact " + key.contactId() + " has already ended.");
        }
        Contact before = stopping.before();
        if (before.flowStatus() == FlowStatus.SCHEDULED) {
            Cleanup.bestEffort(() -> schedules.delete(key, before.scheduledAt()));
        }
    }
}
