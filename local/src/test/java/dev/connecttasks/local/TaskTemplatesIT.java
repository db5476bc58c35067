package dev.connecttasks.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connecttasks.testing.Flows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.Contact;
import software.amazon.awssdk.services.connect.model.ContactFlowType;
import software.amazon.awssdk.services.connect.model.DirectoryType;
import software.amazon.awssdk.services.connect.model.GetTaskTemplateResponse;
import software.amazon.awssdk.services.connect.model.InvalidParameterException;
import software.amazon.awssdk.services.connect.model.InvalidRequestException;
import software.amazon.awssdk.services.connect.model.PropertyValidationException;
import software.amazon.awssdk.services.connect.model.PropertyValidationExceptionProperty;
import software.amazon.awssdk.services.connect.model.PropertyValidationExceptionReason;
import software.amazon.awssdk.services.connect.model.Reference;
import software.amazon.awssdk.services.connect.model.ReferenceSummary;
import software.amazon.awssdk.services.connect.model.ReferenceType;
import software.amazon.awssdk.services.connect.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.connect.model.TaskTemplateConstraints;
import software.amazon.awssdk.services.connect.model.TaskTemplateDefaultFieldValue;
import software.amazon.awssdk.services.connect.model.TaskTemplateField;
import software.amazon.awssdk.services.connect.model.TaskTemplateFieldType;
import software.amazon.awssdk.services.connect.model.TaskTemplateMetadata;
import software.amazon.awssdk.services.connect.model.TaskTemplateStatus;

/**
 * Task templates through the real AWS SDK for Java v2 {@code ConnectClient}, on the local backend (each
 * function in its Lambda runtime): create, start a task from a template, the PropertyValidationException
 * the SDK parses, and the paginator over an instance's templates.
 */
class TaskTemplatesIT {
    private static ConnectClient connect;
    private static String instanceId;
    private static String flowId;
    private static String queueId;

    @BeforeAll
    static void createInstanceAndFlow() throws Exception {
        connect = RunningBackend.connectClient();
        instanceId = connect.createInstance(create -> create.identityManagementType(DirectoryType.CONNECT_MANAGED)
                .instanceAlias("templates-" + UUID.randomUUID().toString().substring(0, 8))
                .inboundCallsEnabled(true).outboundCallsEnabled(false)).id();
        queueId = connect.createQueue(create -> create.instanceId(instanceId).name("Support")
                .hoursOfOperationId("hours")).queueId();
        flowId = connect.createContactFlow(create -> create.instanceId(instanceId).name("Demo")
                .type(ContactFlowType.CONTACT_FLOW).content(Flows.demoTaskInQueue(queueId))).contactFlowId();
    }

    private static TaskTemplateField field(String name, TaskTemplateFieldType type) {
        return TaskTemplateField.builder().id(id -> id.name(name)).type(type).build();
    }

    private static TaskTemplateDefaultFieldValue defaultValue(String name, String value) {
        return TaskTemplateDefaultFieldValue.builder().id(id -> id.name(name)).defaultValue(value).build();
    }

    /** Title (NAME) and Order (URL) required; defaults for Title, Details, Priority, Amount and Due. */
    private static String callbackTemplate(String name) {
        return connect.createTaskTemplate(create -> create.instanceId(instanceId).name(name).contactFlowId(flowId)
                .fields(field("Title", TaskTemplateFieldType.NAME), field("Details", TaskTemplateFieldType.DESCRIPTION),
                        field("Order", TaskTemplateFieldType.URL), field("Ticket", TaskTemplateFieldType.TEXT),
                        field("Amount", TaskTemplateFieldType.NUMBER), field("Due", TaskTemplateFieldType.DATE_TIME),
                        TaskTemplateField.builder().id(id -> id.name("Priority")).type(TaskTemplateFieldType.SINGLE_SELECT)
                                .singleSelectOptions("low", "high").build())
                .constraints(TaskTemplateConstraints.builder()
                        .requiredFields(required -> required.id(id -> id.name("Title")),
                                required -> required.id(id -> id.name("Order")),
                                required -> required.id(id -> id.name("Ticket"))).build())
                .defaults(defaults -> defaults.defaultFieldValues(defaultValue("Title", "Call back customer"),
                        defaultValue("Details", "Made from the template"), defaultValue("Priority", "high"),
                        defaultValue("Amount", "42.50"), defaultValue("Due", "1795694400")))).id();
    }

    @Test
    void aTaskStartedFromATemplateTakesItsFlowItsDefaultsAndShowsTheTemplate() {
        String templateId = callbackTemplate("Callback " + UUID.randomUUID());
        GetTaskTemplateResponse template = connect.getTaskTemplate(get -> get.instanceId(instanceId).taskTemplateId(templateId));
        assertEquals(TaskTemplateStatus.ACTIVE, template.status());
        assertEquals(7, template.fields().size());
        assertEquals(List.of("low", "high"), template.fields().get(6).singleSelectOptions());
        assertEquals("arn:aws:connect:us-east-1:000000000000:instance/" + instanceId + "/task-template/" + templateId,
                template.arn());

        String contactId = connect.startTaskContact(start -> start.instanceId(instanceId).taskTemplateId(templateId)
                .references(Map.of("Order", Reference.builder().type(ReferenceType.URL).value("https://crm.example.com/orders/7").build(),
                        "Ticket", Reference.builder().type(ReferenceType.STRING).value("T-7").build()))).contactId();
        Contact contact = connect.describeContact(describe -> describe.instanceId(instanceId).contactId(contactId)).contact();
        assertEquals("Call back customer", contact.name());
        assertEquals("Made from the template", contact.description());
        assertEquals(template.arn(), contact.taskTemplateInfo().arn());
        assertEquals(template.name(), contact.taskTemplateInfo().name());
        Map<String, String> references = connect.listContactReferences(list -> list.instanceId(instanceId).contactId(contactId)
                .referenceTypes(ReferenceType.URL, ReferenceType.STRING, ReferenceType.NUMBER, ReferenceType.DATE))
                .referenceSummaryList().stream().collect(Collectors.toMap(TaskTemplatesIT::name, TaskTemplatesIT::value));
        assertEquals(Map.of("Order", "https://crm.example.com/orders/7", "Ticket", "T-7", "Priority", "high",
                "Amount", "42.50", "Due", "1795694400"), references);
        // the template's flow (the demo flow) runs the task and queues it
        Contact queued = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> connect.describeContact(d -> d.instanceId(instanceId).contactId(contactId)).contact(),
                        described -> described.queueInfo() != null);
        assertEquals(queueId, queued.queueInfo().id());
    }

    private static String name(ReferenceSummary summary) {
        return switch (summary.type()) {
            case URL -> summary.url().name();
            case STRING -> summary.string().name();
            case NUMBER -> summary.number().name();
            default -> summary.date().name();
        };
    }

    private static String value(ReferenceSummary summary) {
        return switch (summary.type()) {
            case URL -> summary.url().value();
            case STRING -> summary.string().value();
            case NUMBER -> summary.number().value();
            default -> summary.date().value();
        };
    }

    @Test
    void aTaskMissingRequiredFieldsGetsOnePropertyValidationExceptionListingEach() {
        String templateId = callbackTemplate("Strict " + UUID.randomUUID());
        PropertyValidationException e = assertThrows(PropertyValidationException.class,
                () -> connect.startTaskContact(start -> start.instanceId(instanceId).taskTemplateId(templateId)));
        assertEquals(400, e.statusCode());
        assertTrue(e.awsErrorDetails().errorMessage().startsWith("2 properties are not valid: References.Order: "),
                e.awsErrorDetails().errorMessage());
        assertEquals(List.of("References.Order", "References.Ticket"),
                e.propertyList().stream().map(PropertyValidationExceptionProperty::propertyPath).toList());
        for (PropertyValidationExceptionProperty property : e.propertyList()) {
            assertEquals(PropertyValidationExceptionReason.REQUIRED_PROPERTY_MISSING, property.reason());
            assertFalse(property.message().isBlank());
        }
        assertThrows(InvalidRequestException.class, () -> connect.startTaskContact(start -> start.instanceId(instanceId)
                .taskTemplateId(templateId).contactFlowId(flowId).name("Both")));
    }

    @Test
    void aTemplateBreakingSeveralRulesGetsEveryProblemInOneException() {
        PropertyValidationException e = assertThrows(PropertyValidationException.class,
                () -> connect.createTaskTemplate(create -> create.instanceId(instanceId).name("Broken")
                        .fields(field("Title", TaskTemplateFieldType.TEXT), field("Amount", TaskTemplateFieldType.NUMBER))
                        .defaults(defaults -> defaults.defaultFieldValues(defaultValue("Amount", "many")))));
        assertEquals(Set.of("Fields REQUIRED_PROPERTY_MISSING", "Constraints REQUIRED_PROPERTY_MISSING",
                        "Defaults.DefaultFieldValues[0].DefaultValue INVALID_FORMAT"),
                e.propertyList().stream().map(p -> p.propertyPath() + " " + p.reasonAsString()).collect(Collectors.toSet()));
    }

    @Test
    void thePaginatorWalksEveryTemplateOfAnInstanceExactlyOnce() throws Exception {
        ConnectClient client = RunningBackend.connectClient();
        String instance = client.createInstance(create -> create.identityManagementType(DirectoryType.CONNECT_MANAGED)
                .instanceAlias("paging-" + UUID.randomUUID().toString().substring(0, 8))
                .inboundCallsEnabled(true).outboundCallsEnabled(false)).id();
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String name = "Template " + i;
            created.add(client.createTaskTemplate(create -> create.instanceId(instance).name(name)
                    .fields(field("Title", TaskTemplateFieldType.NAME))
                    .constraints(constraints -> constraints.requiredFields(required -> required.id(id -> id.name("Title")))))
                    .id());
        }
        assertThrows(ServiceQuotaExceededException.class, () -> client.createTaskTemplate(create -> create.instanceId(instance)
                .name("One too many").fields(field("Title", TaskTemplateFieldType.NAME))
                .constraints(constraints -> constraints.requiredFields(required -> required.id(id -> id.name("Title"))))));
        List<String> walked = new ArrayList<>();
        int pages = 0;
        for (var page : client.listTaskTemplatesPaginator(list -> list.instanceId(instance).maxResults(7))) {
            page.taskTemplates().stream().map(TaskTemplateMetadata::id).forEach(walked::add);
            pages++;
        }
        assertEquals(50, walked.size());
        assertEquals(created, new HashSet<>(walked));
        assertTrue(pages >= 8, "pages: " + pages);
        String token = client.listTaskTemplates(list -> list.instanceId(instance).maxResults(7)).nextToken();
        assertNotNull(token);
        assertThrows(InvalidParameterException.class,
                () -> client.listTaskTemplates(list -> list.instanceId(instanceId).nextToken(token)));
    }
}
