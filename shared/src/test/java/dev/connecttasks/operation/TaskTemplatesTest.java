package dev.connecttasks.operation;

import static dev.connecttasks.testing.ApiAssertions.assertApiError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connecttasks.contact.TaskTemplate;
import dev.connecttasks.contact.TaskTemplateRules;
import dev.connecttasks.error.ApiException;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.error.PropertyProblem;
import dev.connecttasks.instance.InstanceRequest;
import dev.connecttasks.memory.MemoryBackend;
import dev.connecttasks.operation.port.IdempotencyRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The five task template operations and every template rule, on the in-memory ports. */
class TaskTemplatesTest {
    private final MemoryBackend backend = new MemoryBackend();

    private TemplateRequestBuilder valid() {
        return new TemplateRequestBuilder(backend.instanceId, backend.flowId);
    }

    private String create(TemplateRequestBuilder request) {
        return backend.createTaskTemplate().create(request.build());
    }

    /** The PropertyList of the PropertyValidationException the request gets, as "path REASON". */
    private List<String> problems(TemplateRequestBuilder request) {
        ApiException e = assertThrows(ApiException.class, () -> create(request));
        assertEquals(ErrorType.PROPERTY_VALIDATION, e.type(), e.getMessage());
        e.propertyList().forEach(problem -> assertFalse(problem.message().isBlank(), problem.toString()));
        return e.propertyList().stream().map(problem -> problem.propertyPath() + " " + problem.reason()).toList();
    }

    private static TaskTemplate.Field field(String name, String type) {
        return new TaskTemplate.Field(name, null, type, null);
    }

    private static Arguments rule(String name, Consumer<TemplateRequestBuilder> change, String... expected) {
        return Arguments.of(name, change, List.of(expected));
    }

    static Stream<Arguments> rules() {
        String long101 = "n".repeat(101);
        return Stream.of(
                rule("Name missing", r -> r.name = null, "Name REQUIRED_PROPERTY_MISSING"),
                rule("Name too long", r -> r.name = long101, "Name INVALID_FORMAT"),
                rule("Description empty", r -> r.description = "", "Description INVALID_FORMAT"),
                rule("Description too long", r -> r.description = "d".repeat(256), "Description INVALID_FORMAT"),
                rule("flow of no instance", r -> r.contactFlowId = "no-such-flow", "ContactFlowId REFERENCED_RESOURCE_NOT_FOUND"),
                rule("Status unknown", r -> r.status = "DRAFT", "Status INVALID_FORMAT"),
                rule("SelfAssignFlowId", r -> r.selfAssignFlowId = true, "SelfAssignFlowId NOT_SUPPORTED"),
                rule("ClientToken too long", r -> r.clientToken = "t".repeat(501), "ClientToken INVALID_FORMAT"),
                rule("Fields missing", r -> r.fields = null, "Fields REQUIRED_PROPERTY_MISSING",
                        "Constraints.RequiredFields[0].Id.Name REFERENCED_RESOURCE_NOT_FOUND",
                        "Constraints.RequiredFields[1].Id.Name REFERENCED_RESOURCE_NOT_FOUND",
                        "Constraints.ReadOnlyFields[0].Id.Name REFERENCED_RESOURCE_NOT_FOUND",
                        "Defaults.DefaultFieldValues[0].Id.Name REFERENCED_RESOURCE_NOT_FOUND",
                        "Defaults.DefaultFieldValues[1].Id.Name REFERENCED_RESOURCE_NOT_FOUND",
                        "Defaults.DefaultFieldValues[2].Id.Name REFERENCED_RESOURCE_NOT_FOUND"),
                rule("51 fields", r -> {
                    for (int i = 0; i < 45; i++) {
                        r.fields.add(field("Extra " + i, "TEXT"));
                    }
                }, "Fields INVALID_FORMAT"),
                rule("no NAME field", r -> r.field(0, field("Title", "TEXT")), "Fields REQUIRED_PROPERTY_MISSING"),
                rule("two NAME fields", r -> r.fields.add(field("Other title", "NAME")), "Fields[6].Type UNIQUE_CONSTRAINT_VIOLATED",
                        "Constraints.RequiredFields REQUIRED_PROPERTY_MISSING"),
                rule("two DESCRIPTION fields", r -> r.fields.add(field("More", "DESCRIPTION")), "Fields[6].Type UNIQUE_CONSTRAINT_VIOLATED"),
                rule("two EXPIRY_DURATION fields", r -> r.fields.add(field("Later", "EXPIRY_DURATION")),
                        "Fields[6].Type UNIQUE_CONSTRAINT_VIOLATED"),
                rule("field name twice", r -> r.fields.add(field("Amount", "TEXT")), "Fields[6].Id.Name UNIQUE_CONSTRAINT_VIOLATED"),
                rule("field name missing", r -> r.fields.add(field(null, "TEXT")), "Fields[6].Id.Name REQUIRED_PROPERTY_MISSING"),
                rule("field name too long", r -> r.fields.add(field(long101, "TEXT")), "Fields[6].Id.Name INVALID_FORMAT"),
                rule("field description too long", r -> r.fields.add(new TaskTemplate.Field("Note", "d".repeat(256), "TEXT", null)),
                        "Fields[6].Description INVALID_FORMAT"),
                rule("field type missing", r -> r.fields.add(field("Note", null)), "Fields[6].Type REQUIRED_PROPERTY_MISSING"),
                rule("field type unknown", r -> r.fields.add(field("Note", "COLOR")), "Fields[6].Type INVALID_FORMAT"),
                rule("options on a TEXT field", r -> r.fields.add(new TaskTemplate.Field("Note", null, "TEXT", List.of("a"))),
                        "Fields[6].SingleSelectOptions INVALID_FORMAT"),
                rule("SINGLE_SELECT without options", r -> r.fields.add(field("Pick", "SINGLE_SELECT")),
                        "Fields[6].SingleSelectOptions REQUIRED_PROPERTY_MISSING"),
                rule("option twice", r -> r.fields.add(new TaskTemplate.Field("Pick", null, "SINGLE_SELECT", List.of("a", "a"))),
                        "Fields[6].SingleSelectOptions[1] UNIQUE_CONSTRAINT_VIOLATED"),
                rule("option empty", r -> r.fields.add(new TaskTemplate.Field("Pick", null, "SINGLE_SELECT", List.of(""))),
                        "Fields[6].SingleSelectOptions[0] INVALID_FORMAT"),
                rule("Constraints missing", r -> r.constraints = null, "Constraints REQUIRED_PROPERTY_MISSING"),
                rule("NAME field not required", r -> r.constraints = new TaskTemplate.Constraints(List.of("Order"), null, null),
                        "Constraints.RequiredFields REQUIRED_PROPERTY_MISSING"),
                rule("required field unknown", r -> r.constraints = new TaskTemplate.Constraints(List.of("Title", "Nope"), null, null),
                        "Constraints.RequiredFields[1].Id.Name REFERENCED_RESOURCE_NOT_FOUND"),
                rule("read-only field twice", r -> r.constraints = new TaskTemplate.Constraints(List.of("Title"), List.of("Amount", "Amount"), null),
                        "Constraints.ReadOnlyFields[1].Id.Name UNIQUE_CONSTRAINT_VIOLATED"),
                rule("invisible field unnamed", r -> r.constraints = new TaskTemplate.Constraints(List.of("Title"), null,
                        new ArrayList<>(java.util.Collections.singletonList(null))),
                        "Constraints.InvisibleFields[0].Id.Name REQUIRED_PROPERTY_MISSING"),
                rule("a QUICK_CONNECT field required", r -> {
                    r.fields.add(field("Transfer", "QUICK_CONNECT"));
                    r.constraints = new TaskTemplate.Constraints(List.of("Title", "Transfer"), null, null);
                }, "Constraints.RequiredFields[1].Id.Name NOT_SUPPORTED"),
                rule("default of an unknown field", r -> r.defaults.add(new TaskTemplate.Default("Nope", "x")),
                        "Defaults.DefaultFieldValues[3].Id.Name REFERENCED_RESOURCE_NOT_FOUND"),
                rule("two defaults of a field", r -> r.defaults.add(new TaskTemplate.Default("Amount", "7")),
                        "Defaults.DefaultFieldValues[3].Id.Name UNIQUE_CONSTRAINT_VIOLATED"),
                rule("default too long", r -> r.defaults.add(new TaskTemplate.Default("Details", "d".repeat(4097))),
                        "Defaults.DefaultFieldValues[3].DefaultValue INVALID_FORMAT"),
                rule("default value missing", r -> r.defaults.add(new TaskTemplate.Default("Details", null)),
                        "Defaults.DefaultFieldValues[3].DefaultValue REQUIRED_PROPERTY_MISSING"),
                rule("NUMBER default", r -> r.defaults.set(2, new TaskTemplate.Default("Amount", "forty")),
                        "Defaults.DefaultFieldValues[2].DefaultValue INVALID_FORMAT"),
                rule("URL default", r -> r.defaults.add(new TaskTemplate.Default("Order", "orders/42")),
                        "Defaults.DefaultFieldValues[3].DefaultValue INVALID_FORMAT"),
                rule("SINGLE_SELECT default", r -> r.defaults.set(1, new TaskTemplate.Default("Priority", "urgent")),
                        "Defaults.DefaultFieldValues[1].DefaultValue INVALID_FORMAT"),
                rule("NAME default too long", r -> r.defaults.set(0, new TaskTemplate.Default("Title", "t".repeat(1025))),
                        "Defaults.DefaultFieldValues[0].DefaultValue INVALID_FORMAT"),
                rule("EXPIRY_DURATION default zero", r -> r.defaults.add(new TaskTemplate.Default("Expiry", "0")),
                        "Defaults.DefaultFieldValues[3].DefaultValue INVALID_FORMAT"),
                rule("EXPIRY_DURATION default past 90 days", r -> r.defaults.add(new TaskTemplate.Default("Expiry", "129601")),
                        "Defaults.DefaultFieldValues[3].DefaultValue INVALID_FORMAT"),
                rule("EXPIRY_DURATION default not whole", r -> r.defaults.add(new TaskTemplate.Default("Expiry", "1.5")),
                        "Defaults.DefaultFieldValues[3].DefaultValue INVALID_FORMAT"),
                rule("EMAIL default", r -> {
                    r.fields.add(field("Mail", "EMAIL"));
                    r.defaults.add(new TaskTemplate.Default("Mail", "someone"));
                }, "Defaults.DefaultFieldValues[3].DefaultValue INVALID_FORMAT"),
                rule("DATE_TIME default", r -> {
                    r.fields.add(field("Due", "DATE_TIME"));
                    r.defaults.add(new TaskTemplate.Default("Due", "tomorrow"));
                }, "Defaults.DefaultFieldValues[3].DefaultValue INVALID_FORMAT"),
                rule("BOOLEAN default", r -> {
                    r.fields.add(field("Urgent", "BOOLEAN"));
                    r.defaults.add(new TaskTemplate.Default("Urgent", "yes"));
                }, "Defaults.DefaultFieldValues[3].DefaultValue INVALID_FORMAT"),
                rule("SCHEDULED_TIME default", r -> {
                    r.fields.add(field("When", "SCHEDULED_TIME"));
                    r.defaults.add(new TaskTemplate.Default("When", "1795694400"));
                }, "Defaults.DefaultFieldValues[3].DefaultValue NOT_SUPPORTED"),
                rule("QUICK_CONNECT default", r -> {
                    r.fields.add(field("Transfer", "QUICK_CONNECT"));
                    r.defaults.add(new TaskTemplate.Default("Transfer", "qc-1"));
                }, "Defaults.DefaultFieldValues[3].DefaultValue NOT_SUPPORTED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachBrokenRuleIsAPropertyListEntryAndNothingIsWritten(String name, Consumer<TemplateRequestBuilder> change,
            List<String> expected) {
        TemplateRequestBuilder request = valid();
        change.accept(request);
        assertEquals(expected, problems(request));
        assertEquals(0, backend.instances.templateCount(backend.instanceId));
    }

    @Test
    void theValidRequestOfTheRuleTestsIsCreatedAndTypedDefaultsInFormAreAccepted() {
        TemplateRequestBuilder request = valid();
        request.fields.addAll(List.of(field("Mail", "EMAIL"), field("Due", "DATE_TIME"), field("Urgent", "BOOLEAN"),
                field("Notes", "TEXT_AREA"), field("Self", "SELF_ASSIGN"), field("When", "SCHEDULED_TIME")));
        request.defaults.addAll(List.of(new TaskTemplate.Default("Mail", "ops@example.com"),
                new TaskTemplate.Default("Due", "1795694400"), new TaskTemplate.Default("Urgent", "false"),
                new TaskTemplate.Default("Notes", ""), new TaskTemplate.Default("Expiry", "129600"),
                new TaskTemplate.Default("Order", "https://crm.example.com/orders/42")));
        String id = create(request);
        assertEquals(1, backend.instances.templateCount(backend.instanceId));
        assertEquals(12, backend.getTaskTemplate().get(backend.instanceId, id).fields().size());
    }

    @Test
    void everyProblemOfOneRequestIsInOnePropertyValidationExceptionWhoseMessageSaysWhatToFix() {
        TemplateRequestBuilder request = valid();
        request.name = "n".repeat(101);
        request.fields.add(field("Pick", "SINGLE_SELECT"));
        request.defaults.add(new TaskTemplate.Default("Nope", "x"));
        request.contactFlowId = "no-such-flow";
        ApiException e = assertApiError(ErrorType.PROPERTY_VALIDATION, "4 properties are not valid: Name: Name must have a"
                + " length between 1 and 100 characters.", () -> create(request));
        assertEquals(List.of(
                new PropertyProblem("Name", PropertyProblem.Reason.INVALID_FORMAT, "Name must have a length between 1 and 100 characters."),
                new PropertyProblem("Fields[6].SingleSelectOptions", PropertyProblem.Reason.REQUIRED_PROPERTY_MISSING,
                        "A SINGLE_SELECT field needs SingleSelectOptions: at least one."),
                new PropertyProblem("Defaults.DefaultFieldValues[3].Id.Name", PropertyProblem.Reason.REFERENCED_RESOURCE_NOT_FOUND,
                        "'Nope' is not a field of this template; name one of its Fields."),
                new PropertyProblem("ContactFlowId", PropertyProblem.Reason.REFERENCED_RESOURCE_NOT_FOUND,
                        "ContactFlowId no-such-flow is not a flow of instance " + backend.instanceId + ".")), e.propertyList());
        assertTrue(e.getMessage().contains("ContactFlowId: ContactFlowId no-such-flow is not a flow"), e.getMessage());
    }

    @Test
    void aTemplateReadsBackAsCreatedActiveByDefault() {
        TemplateRequestBuilder request = valid();
        String id = create(request);
        TaskTemplate template = backend.getTaskTemplate().get(backend.instanceId, id);
        assertEquals(new TaskTemplate(backend.instanceId, id, "Callback", "Call the customer back", backend.flowId,
                request.fields, request.constraints, request.defaults, TaskTemplate.ACTIVE, backend.now(), backend.now()), template);
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "TaskTemplateId nope was not found",
                () -> backend.getTaskTemplate().get(backend.instanceId, "nope"));
        assertApiError(ErrorType.INVALID_PARAMETER, "TaskTemplateId must have a length between 1 and 500",
                () -> backend.getTaskTemplate().get(backend.instanceId, "t".repeat(501)));
    }

    @Test
    void aTemplateInAnInstanceThatDoesNotExistIsNotFoundWithOrWithoutAFlow() {
        TemplateRequestBuilder withFlow = valid();
        withFlow.instanceId = "no-such-instance";
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "Instance no-such-instance was not found", () -> create(withFlow));
        TemplateRequestBuilder withoutFlow = valid();
        withoutFlow.instanceId = "no-such-instance";
        withoutFlow.contactFlowId = null;
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "Instance no-such-instance was not found", () -> create(withoutFlow));
    }

    @Test
    void anInstanceHoldsFiftyTemplatesAndADeleteMakesRoom() {
        String instance = backend.createInstance().create(new InstanceRequest(null, "CONNECT_MANAGED", "fifty", null, true, true, Map.of()));
        TemplateRequestBuilder request = new TemplateRequestBuilder(instance, null);
        String first = create(request);
        for (int i = 1; i < TaskTemplateRules.MAX_TEMPLATES_PER_INSTANCE; i++) {
            create(request);
        }
        assertApiError(ErrorType.SERVICE_QUOTA_EXCEEDED, "already has 50 task templates", () -> create(request));
        backend.deleteTaskTemplate().delete(instance, first);
        create(request);
        assertEquals(TaskTemplateRules.MAX_TEMPLATES_PER_INSTANCE, backend.instances.templateCount(instance));
    }

    @Test
    void aTokenReturnsItsTemplateRefusesOtherParametersAndExpiresAfter24Hours() {
        TemplateRequestBuilder request = valid();
        request.clientToken = "token-1";
        String first = create(request);
        assertEquals(first, create(request));
        request.name = "Other";
        assertApiError(ErrorType.INVALID_PARAMETER, "ClientToken token-1 was already used with different parameters",
                () -> create(request));
        backend.clock.advance(IdempotencyRecord.LIFETIME.plus(Duration.ofMinutes(1)));
        assertNotEquals(first, create(request));
        assertEquals(2, backend.instances.templateCount(backend.instanceId));
    }

    @Test
    void anUpdateReplacesTheMembersItGivesAndKeepsTheRest() {
        String id = create(valid());
        backend.clock.advance(Duration.ofMinutes(5));
        TemplateRequestBuilder update = TemplateRequestBuilder.update(backend.instanceId, id);
        update.fields = List.of(field("Title", "NAME"), field("Notes", "TEXT"));
        update.constraints = new TaskTemplate.Constraints(List.of("Title"), null, List.of("Notes"));
        update.defaults = List.of(new TaskTemplate.Default("Notes", "none"));
        update.status = TaskTemplate.INACTIVE;
        TaskTemplate updated = backend.updateTaskTemplate().update(update.build());
        assertEquals(updated, backend.getTaskTemplate().get(backend.instanceId, id));
        assertEquals("Callback", updated.name());
        assertEquals("Call the customer back", updated.description());
        assertEquals(backend.flowId, updated.contactFlowId());
        assertEquals(List.of("Title", "Notes"), updated.fields().stream().map(TaskTemplate.Field::name).toList());
        assertEquals(List.of(new TaskTemplate.Default("Notes", "none")), updated.defaults());
        assertEquals(TaskTemplate.INACTIVE, updated.status());
        assertEquals(backend.now().minus(Duration.ofMinutes(5)), updated.createdAt());
        assertEquals(backend.now(), updated.lastModifiedAt());
    }

    @Test
    void anUpdateIsCheckedAsTheWholeTemplateItWouldMake() {
        String id = create(valid());
        TemplateRequestBuilder update = TemplateRequestBuilder.update(backend.instanceId, id);
        update.fields = List.of(field("Title", "NAME"));
        update.contactFlowId = "no-such-flow";
        ApiException e = assertApiError(ErrorType.PROPERTY_VALIDATION, "properties are not valid",
                () -> backend.updateTaskTemplate().update(update.build()));
        assertEquals(List.of("Constraints.RequiredFields[1].Id.Name", "Constraints.ReadOnlyFields[0].Id.Name",
                        "Defaults.DefaultFieldValues[1].Id.Name", "Defaults.DefaultFieldValues[2].Id.Name", "ContactFlowId"),
                e.propertyList().stream().map(PropertyProblem::propertyPath).toList());
        assertEquals(6, backend.getTaskTemplate().get(backend.instanceId, id).fields().size());
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "TaskTemplateId nope was not found",
                () -> backend.updateTaskTemplate().update(TemplateRequestBuilder.update(backend.instanceId, "nope").build()));
    }

    @Test
    void aDeletedTemplateIsGoneAndASecondDeleteIsNotFound() {
        String id = create(valid());
        backend.deleteTaskTemplate().delete(backend.instanceId, id);
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "was not found", () -> backend.getTaskTemplate().get(backend.instanceId, id));
        assertApiError(ErrorType.RESOURCE_NOT_FOUND, "TaskTemplateId " + id + " was not found",
                () -> backend.deleteTaskTemplate().delete(backend.instanceId, id));
        assertEquals(0, backend.instances.templateCount(backend.instanceId));
    }

    @Test
    void pagesWalkEveryTemplateExactlyOnceAndFilters() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 23; i++) {
            TemplateRequestBuilder request = valid();
            request.name = i % 3 == 0 ? "Third" : "Other";
            request.status = i < 20 ? TaskTemplate.ACTIVE : TaskTemplate.INACTIVE;
            created.add(create(request));
        }
        List<String> walked = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ListTaskTemplates.Page page = backend.listTaskTemplates().list(backend.instanceId, null, null, token, 5);
            page.templates().forEach(template -> walked.add(template.id()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertEquals(23, walked.size());
        assertEquals(created, new HashSet<>(walked));
        assertEquals(5, pages);
        assertEquals(3, backend.listTaskTemplates().list(backend.instanceId, TaskTemplate.INACTIVE, null, null, null).templates().size());
        List<TaskTemplate.Summary> third = backend.listTaskTemplates().list(backend.instanceId, TaskTemplate.ACTIVE, "Third", null, null)
                .templates();
        assertEquals(7, third.size());
        assertNull(backend.listTaskTemplates().list(backend.instanceId, null, null, null, null).nextToken());
    }

    @Test
    void aNextTokenOfAnotherInstanceOrOtherFiltersOrEditedByHandIsRefused() {
        for (int i = 0; i < 3; i++) {
            create(valid());
        }
        String token = backend.listTaskTemplates().list(backend.instanceId, null, null, null, 1).nextToken();
        String other = backend.createInstance().create(new InstanceRequest(null, "CONNECT_MANAGED", "other", null, true, true, Map.of()));
        assertApiError(ErrorType.INVALID_PARAMETER, "nextToken is not valid",
                () -> backend.listTaskTemplates().list(other, null, null, token, 1));
        assertApiError(ErrorType.INVALID_PARAMETER, "nextToken is not valid",
                () -> backend.listTaskTemplates().list(backend.instanceId, TaskTemplate.ACTIVE, null, token, 1));
        String[] parts = token.split("\\.");
        String resumeAfter = new String(Base64.getUrlDecoder().decode(parts[0]));
        String edited = Base64.getUrlEncoder().withoutPadding().encodeToString((resumeAfter + "0").getBytes()) + "." + parts[1];
        assertApiError(ErrorType.INVALID_PARAMETER, "nextToken is not valid",
                () -> backend.listTaskTemplates().list(backend.instanceId, null, null, edited, 1));
        for (String junk : List.of("x", "e30", token.substring(1), "%%%")) {
            assertApiError(ErrorType.INVALID_PARAMETER, "nextToken is not valid",
                    () -> backend.listTaskTemplates().list(backend.instanceId, null, null, junk, 1));
        }
        assertEquals(1, backend.listTaskTemplates().list(backend.instanceId, null, null, token, 1).templates().size());
    }

    @Test
    void listParametersOutOfRangeAreInvalid() {
        assertApiError(ErrorType.INVALID_PARAMETER, "maxResults must be between 1 and 100",
                () -> backend.listTaskTemplates().list(backend.instanceId, null, null, null, 0));
        assertApiError(ErrorType.INVALID_PARAMETER, "maxResults must be between 1 and 100",
                () -> backend.listTaskTemplates().list(backend.instanceId, null, null, null, 101));
        assertApiError(ErrorType.INVALID_PARAMETER, "status must be ACTIVE or INACTIVE",
                () -> backend.listTaskTemplates().list(backend.instanceId, "DRAFT", null, null, null));
        assertApiError(ErrorType.INVALID_PARAMETER, "name must have a length between 1 and 100",
                () -> backend.listTaskTemplates().list(backend.instanceId, null, "", null, null));
    }
}
