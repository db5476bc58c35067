package dev.connecttasks.operation;

import static dev.connecttasks.error.ApiException.invalidParameter;
import static dev.connecttasks.error.ApiException.invalidRequest;
import static dev.connecttasks.error.ApiException.notFound;
import static dev.connecttasks.error.ApiException.quotaExceeded;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.contact.TaskTemplate;
import dev.connecttasks.contact.TaskTemplateInfo;
import dev.connecttasks.contact.TemplatedTask;
import dev.connecttasks.error.ApiException;
import dev.connecttasks.operation.port.ContactStore;
import dev.connecttasks.operation.port.Creation;
import dev.connecttasks.operation.port.IdempotencyRecord;
import dev.connecttasks.operation.port.NewContactStore.Refusal;
import dev.connecttasks.operation.port.NewContactStore;
import dev.connecttasks.operation.port.TaskScheduler;
import dev.connecttasks.operation.port.TaskTemplateStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * StartTaskContact. An immediate task is one transaction: the contact (with its token and its link),
 * whose arrival on the table's stream starts its flow. A scheduled task gets its schedule first, then
 * the contact; if the write fails or a retry finds its ClientToken taken, the new schedule is deleted
 * (and would fire into a no-op if not), so a contact waiting for a time always has a schedule for it.
 */
public final class StartTaskContact {
    private final ContactStore contacts;
    private final NewContactStore newContacts;
    private final TaskTemplateStore templates;
    private final TaskScheduler schedules;
    private final Clock clock;

    public StartTaskContact(ContactStore contacts, NewContactStore newContacts, TaskTemplateStore templates,
            TaskScheduler schedules, Clock clock) {
        this.contacts = contacts;
        this.newContacts = newContacts;
        this.templates = templates;
        this.schedules = schedules;
        this.clock = clock;
    }

    /**
     * Returns the ContactId: of the new contact, or of the one this ClientToken already started. A task
     * from a template reads it first (one GetItem) and is filled from it ({@link TemplatedTask}); the
     * transaction then checks that the template is still there and ACTIVE.
     */
    public String start(TaskRequest request) {
        Instant now = Clocks.now(clock);
        ContactRules.checkTask(request, now);
        TaskRequest task = request;
        TaskTemplateInfo templateInfo = null;
        if (request.taskTemplateId() != null) {
            TemplateChecks.checkIds(request.instanceId(), request.taskTemplateId());
            TaskTemplate template = templates.find(request.instanceId(), request.taskTemplateId())
                    .orElseThrow(() -> NotFound.taskTemplate(request.instanceId(), request.taskTemplateId())).template();
            task = TemplatedTask.fill(request, template);
            ContactRules.checkTask(task, now);
            templateInfo = new TaskTemplateInfo(template.id(), template.name());
        }
        Contact contact = newContact(task, templateInfo, now);
        IdempotencyRecord token = task.clientToken() == null
                ? null
                : new IdempotencyRecord(task.clientToken(), RequestFingerprint.of(request), contact.id());
        if (!task.scheduled()) {
            return earlier(contact, newContacts.create(contact, token, now)).map(held -> retried(held, token))
                    .orElse(contact.id());
        }
        if (schedules.create(contact.key(), contact.contactFlowId(), contact.scheduledAt()) == TaskScheduler.Outcome.QUOTA_REACHED) {
            throw quotaExceeded("The quota of scheduled tasks has been reached; try again later.");
        }
        Optional<IdempotencyRecord> earlier;
        try {
            earlier = earlier(contact, newContacts.create(contact, token, now));
        } catch (RuntimeException e) {
            Cleanup.quietly(() -> schedules.delete(contact.key(), contact.scheduledAt()), e);
            throw e;
        }
        if (earlier.isPresent()) {
            // the replay's own schedule names a contact that was never written: left, it fires into a no-op
            Cleanup.bestEffort(() -> schedules.delete(contact.key(), contact.scheduledAt()));
            return retried(earlier.get(), token);
        }
        return contact.id();
    }

    /** The earlier request that holds the ClientToken, if any; a refused creation is the caller's error. */
    private static Optional<IdempotencyRecord> earlier(Contact contact, Creation<Refusal> creation) {
        if (creation instanceof Creation.TokenHeld<Refusal> held) {
            return Optional.of(held.earlier());
        }
        if (creation instanceof Creation.Refused<Refusal> refused) {
            throw switch (refused.reason()) {
                case INSTANCE_MISSING -> NotFound.instance(contact.instanceId());
                case FLOW_MISSING -> NotFound.flow(contact.instanceId(), contact.contactFlowId());
                case FLOW_NOT_PUBLISHED -> invalidParameter("ContactFlowId " + contact.contactFlowId()
                        + " is saved but not published.");
                case PREVIOUS_MISSING -> linkedNotFound("PreviousContactId", contact.previousContactId());
                case PREVIOUS_AT_CAPACITY -> quotaExceeded("PreviousContactId " + contact.previousContactId()
                        + " already has " + ContactRules.MAX_TASKS_PER_PREVIOUS_CONTACT + " tasks linked to it.");
                case TEMPLATE_MISSING -> NotFound.taskTemplate(contact.instanceId(), contact.taskTemplate().id());
                case TEMPLATE_INACTIVE -> invalidRequest("TaskTemplateId " + contact.taskTemplate().id()
                        + " became INACTIVE while the task was being started; tasks start only from an ACTIVE template.");
            };
        }
        return Optional.empty();
    }

    private static String retried(IdempotencyRecord earlier, IdempotencyRecord token) {
        if (!earlier.requestHash().equals(token.requestHash())) {
            throw invalidRequest("ClientToken " + token.clientToken()
                    + " was already used with different parameters in this instance.");
        }
        return earlier.createdId();
    }

    private Contact newContact(TaskRequest task, TaskTemplateInfo templateInfo, Instant now) {
        Map<String, String> attributes = task.attributes();
        String initialContactId = null;
        List<String> linked = new ArrayList<>();
        if (task.previousContactId() != null) {
            linked.add(task.previousContactId());
        }
        if (task.relatedContactId() != null) {
            linked.add(task.relatedContactId());
        }
        if (!linked.isEmpty()) {
            Map<String, Contact> found = contacts.findAll(task.instanceId(), linked, now);
            if (task.previousContactId() != null) {
                Contact previous = linkedContact(found, "PreviousContactId", task.previousContactId());
                initialContactId = previous.initialContactId() != null ? previous.initialContactId() : previous.id();
            }
            if (task.relatedContactId() != null) {
                Contact related = linkedContact(found, "RelatedContactId", task.relatedContactId());
                Map<String, String> merged = new HashMap<>(related.attributes());
                merged.putAll(task.attributes());
                ContactRules.checkAttributeCap(merged);
                attributes = merged;
            }
        }
        return new Contact(
                new ContactKey(task.instanceId(), UUID.randomUUID().toString()),
                task.contactFlowId(),
                task.name(),
                task.description(),
                attributes,
                task.references(),
                task.previousContactId(),
                initialContactId,
                task.relatedContactId(),
                now,
                now,
                task.scheduledTime(),
                task.scheduled() ? FlowStatus.SCHEDULED : FlowStatus.PENDING,
                null,
                null,
                null,
                null,
                Map.of(),
                task.segmentAttributes(),
                Contact.API,
                null,
                templateInfo);
    }

    private static Contact linkedContact(Map<String, Contact> found, String member, String contactId) {
        Contact contact = found.get(contactId);
        if (contact == null) {
            throw linkedNotFound(member, contactId);
        }
        return contact;
    }

    private static ApiException linkedNotFound(String member, String contactId) {
        return notFound(member + " " + contactId + " was not found in this instance.");
    }
}
