package dev.connecttasks.operation;

import static dev.connecttasks.testing.ApiAssertions.assertApiError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.Reference;
import dev.connecttasks.contact.ReferenceType;
import dev.connecttasks.contact.SegmentAttributes;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.contact.TaskTemplate;
import dev.connecttasks.contact.TaskTemplateInfo;
import dev.connecttasks.error.ApiException;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.error.PropertyProblem;
import dev.connecttasks.http.ApiRequest;
import dev.connecttasks.http.ContactRequests;
import dev.connecttasks.memory.MemoryBackend;
import dev.connecttasks.operation.port.TaskTemplateStore;
import dev.connecttasks.testing.ApiEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** StartTaskContact with a TaskTemplateId, on the in-memory ports. */
class StartTaskFromTemplateTest {
    private final MemoryBackend backend = new MemoryBackend();

    /** Title (NAME, required, default), Details, Order (URL, required), Amount, Priority, Expiry, and more. */
    private String template(java.util.function.Consumer<TemplateRequestBuilder> change) {
        TemplateRequestBuilder request = new TemplateRequestBuilder(backend.instanceId, backend.flowId);
        request.fields.addAll(List.of(new TaskTemplate.Field("Mail", null, "EMAIL", null),
                new TaskTemplate.Field("Due", null, "DATE_TIME", null), new TaskTemplate.Field("Urgent", null, "BOOLEAN", null),
                new TaskTemplate.Field("Notes", null, "TEXT_AREA", null)));
        request.defaults.addAll(List.of(new TaskTemplate.Default("Details", "From the template"),
                new TaskTemplate.Default("Expiry", "90"), new TaskTemplate.Default("Mail", "ops@example.com"),
                new TaskTemplate.Default("Due", "1795694400"), new TaskTemplate.Default("Urgent", "true")));
        change.accept(request);
        return backend.createTaskTemplate().create(request.build());
    }

    private static TaskRequest task(String instanceId, String templateId, String name, Map<String, Reference> references) {
        return new TaskRequest(instanceId, null, name, null, Map.of("k", "v"), references, null, null, null, null,
                SegmentAttributes.NONE, templateId);
    }

    private Contact stored(String contactId) {
        return backend.describeContact().describe(new ContactKey(backend.instanceId, contactId));
    }

    @Test
    void defaultsFillTheAbsentFieldsAndTheRequestsOwnMembersWin() {
        String templateId = template(request -> { });
        Reference order = new Reference(ReferenceType.URL, "https://crm.example.com/orders/7");
        Reference amount = new Reference(ReferenceType.NUMBER, "7");
        String contactId = backend.startTaskContact().start(task(backend.instanceId, templateId, null,
                Map.of("Order", order, "Amount", amount)));
        Contact contact = stored(contactId);
        assertEquals(backend.flowId, contact.contactFlowId());
        assertEquals("Call back", contact.name());
        assertEquals("From the template", contact.description());
        assertEquals(Map.of("Order", order, "Amount", amount,
                "Priority", new Reference(ReferenceType.STRING, "low"),
                "Mail", new Reference(ReferenceType.EMAIL, "ops@example.com"),
                "Due", new Reference(ReferenceType.DATE, "1795694400"),
                "Urgent", new Reference(ReferenceType.STRING, "true")), contact.references());
        assertEquals(90, contact.segmentAttributes().expiryMinutes());
        assertEquals(contact.initiatedAt().plus(Duration.ofMinutes(90)), contact.expiry());
        assertEquals(new TaskTemplateInfo(templateId, "Callback"), contact.taskTemplate());
        assertEquals(Map.of("k", "v"), contact.attributes());

        String named = backend.startTaskContact().start(new TaskRequest(backend.instanceId, null, "Own name", "Own text",
                Map.of(), Map.of("Order", order), null, null, null, null,
                SegmentAttributes.checked(Map.of(SegmentAttributes.EXPIRY_KEY,
                        "{\"ValueMap\":{\"ExpiryDuration\":{\"ValueInteger\":30}}}"), 30), templateId));
        assertEquals("Own name", stored(named).name());
        assertEquals("Own text", stored(named).description());
        assertEquals(30, stored(named).segmentAttributes().expiryMinutes());
    }

    @Test
    void everyMissingRequiredFieldIsOneEntryOfOnePropertyValidationExceptionAndNothingIsWritten() {
        String templateId = template(request -> {
            request.defaults.remove(0);
            request.constraints = new TaskTemplate.Constraints(List.of("Title", "Order", "Details", "Amount", "Expiry"),
                    null, null);
            request.defaults.removeIf(value -> value.fieldName().equals("Details") || value.fieldName().equals("Expiry"));
        });
        int before = backend.contacts.size();
        ApiException e = assertApiError(ErrorType.PROPERTY_VALIDATION, "4 properties are not valid",
                () -> backend.startTaskContact().start(task(backend.instanceId, templateId, null, Map.of())));
        assertEquals(List.of("Name", "Description", "References.Order", "SegmentAttributes.connect:ContactExpiry"),
                e.propertyList().stream().map(PropertyProblem::propertyPath).toList());
        e.propertyList().forEach(problem -> {
            assertEquals(PropertyProblem.Reason.REQUIRED_PROPERTY_MISSING, problem.reason());
            assertFalse(problem.message().isBlank());
        });
        assertEquals("Field 'Order' (URL) of task template 'Callback' is required: give References 'Order' of type URL,"
                + " or give the field a default in the template.", e.propertyList().get(2).message());
        assertEquals(before, backend.contacts.size());
    }

    @Test
    void anInactiveTemplateOrOneWithoutAFlowStartsNothing() {
        String inactive = template(request -> request.status = TaskTemplate.INACTIVE);
        Map<String, Reference> order = Map.of("Order", new Reference(ReferenceType.URL, "https://crm.example.com/1"));
        assertApiError(ErrorType.INVALID_REQUEST, "is INACTIVE",
                () -> backend.startTaskContact().start(task(backend.instanceId, inactive, null, order)));
        String flowless = template(request -> request.contactFlowId = null);
        assertApiError(ErrorType.INVALID_REQUEST, "names no ContactFlowId",
                () -> backend.startTaskContact().start(task(backend.instanceId, flowless, null, order)));
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "TaskTemplateId nope was not found",
                () -> backend.startTaskContact().start(task(backend.instanceId, "nope", null, order)));
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "TaskTemplateId " + inactive + " was not found",
                () -> backend.startTaskContact().start(task("other-instance", inactive, null, order)));
        assertEquals(0, backend.contacts.size());
    }

    /** A template store that answers with the template as it was, whatever has happened to it since. */
    private TaskTemplateStore readingStale(TaskTemplate stale) {
        return new TaskTemplateStore() {
            public dev.connecttasks.operation.port.Creation<Refusal> create(TaskTemplate template,
                    dev.connecttasks.operation.port.IdempotencyRecord token, Instant now) {
                throw new UnsupportedOperationException();
            }

            public Optional<Versioned> find(String instanceId, String templateId) {
                return Optional.of(new Versioned(stale, 1));
            }

            public boolean replace(TaskTemplate template, long revision) {
                throw new UnsupportedOperationException();
            }

            public boolean delete(String instanceId, String templateId) {
                throw new UnsupportedOperationException();
            }

            public Page list(String instanceId, String status, String name, String afterId, int limit) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void theTransactionRefusesATemplateMadeInactiveOrDeletedAfterItWasRead() {
        String templateId = template(request -> { });
        TaskTemplate read = backend.getTaskTemplate().get(backend.instanceId, templateId);
        StartTaskContact racing = new StartTaskContact(backend.contacts, backend.contacts, readingStale(read), backend.scheduler,
                backend.clock);
        Map<String, Reference> order = Map.of("Order", new Reference(ReferenceType.URL, "https://crm.example.com/1"));
        TemplateRequestBuilder deactivate = TemplateRequestBuilder.update(backend.instanceId, templateId);
        deactivate.status = TaskTemplate.INACTIVE;
        backend.updateTaskTemplate().update(deactivate.build());
        assertApiError(ErrorType.INVALID_REQUEST, "became INACTIVE",
                () -> racing.start(task(backend.instanceId, templateId, null, order)));
        backend.deleteTaskTemplate().delete(backend.instanceId, templateId);
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "TaskTemplateId " + templateId + " was not found",
                () -> racing.start(task(backend.instanceId, templateId, null, order)));
        assertEquals(0, backend.contacts.size());
    }

    @Test
    void aClientTokenReplayReturnsTheSameTask() {
        String templateId = template(request -> { });
        TaskRequest request = new TaskRequest(backend.instanceId, null, null, null, Map.of(),
                Map.of("Order", new Reference(ReferenceType.URL, "https://crm.example.com/1")), null, null, "token-t", null,
                SegmentAttributes.NONE, templateId);
        String first = backend.startTaskContact().start(request);
        assertEquals(first, backend.startTaskContact().start(request));
        assertEquals(1, backend.contacts.size());
    }

    private static TaskRequest parsed(String body) {
        return ContactRequests.startTask(new ApiRequest(ApiEvents.request("PUT", "/contact/task").body(body).build()));
    }

    @Test
    void aRequestNamesAtMostOneOfFlowQuickConnectAndTemplate() {
        assertApiError(ErrorType.INVALID_REQUEST, "only one of ContactFlowId, QuickConnectId and TaskTemplateId",
                () -> parsed("{\"InstanceId\":\"i\",\"ContactFlowId\":\"f\",\"TaskTemplateId\":\"t\",\"Name\":\"n\"}"));
        assertApiError(ErrorType.INVALID_REQUEST, "only one of",
                () -> parsed("{\"InstanceId\":\"i\",\"QuickConnectId\":\"q\",\"TaskTemplateId\":\"t\"}"));
        assertApiError(ErrorType.INVALID_PARAMETER, "QuickConnectId is not supported",
                () -> parsed("{\"InstanceId\":\"i\",\"QuickConnectId\":\"q\",\"Name\":\"n\"}"));
        assertApiError(ErrorType.INVALID_REQUEST, "ContactFlowId is required", () -> parsed("{\"InstanceId\":\"i\",\"Name\":\"n\"}"));
        TaskRequest templated = parsed("{\"InstanceId\":\"i\",\"TaskTemplateId\":\"t\"}");
        assertEquals("t", templated.taskTemplateId());
        assertEquals(null, templated.name());
    }
}
