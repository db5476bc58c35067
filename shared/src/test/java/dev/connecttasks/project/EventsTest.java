package dev.connecttasks.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.TagRules;
import dev.connecttasks.contact.TaskTemplate;
import dev.connecttasks.contact.TaskTemplateRequest;
import dev.connecttasks.contact.TaskTemplateRules;
import dev.connecttasks.event.ContactEvents;
import dev.connecttasks.flow.FlowDocument;
import dev.connecttasks.flow.StartMessage;
import dev.connecttasks.http.ApiRequest;
import dev.connecttasks.http.ContactRequests;
import dev.connecttasks.http.InstanceRequests;
import dev.connecttasks.http.SearchRequests;
import dev.connecttasks.instance.InstanceRules;
import dev.connecttasks.http.TemplateRequests;
import dev.connecttasks.json.Json;
import dev.connecttasks.store.ContactStreamRecords.ContactChange;
import dev.connecttasks.store.ContactStreamRecords;
import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.Template;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file in events/ is an event its function accepts, so none can rot. */
class EventsTest {
    private static final Map<String, Consumer<ApiRequest>> READERS = Map.ofEntries(
            Map.entry("PUT /instance", InstanceRequests::createInstance),
            Map.entry("GET /instance/{InstanceId}", request -> request.pathParameter("InstanceId")),
            Map.entry("PUT /contact-flows/{InstanceId}",
                    request -> FlowDocument.read(InstanceRequests.createContactFlow(request).content())),
            Map.entry("GET /contact-flows/{InstanceId}/{ContactFlowId}", request -> request.pathParameter("ContactFlowId")),
            Map.entry("PUT /contact/task", ContactRequests::startTask),
            Map.entry("GET /contacts/{InstanceId}/{ContactId}", ContactRequests::contactKey),
            Map.entry("POST /contacts/{InstanceId}/{ContactId}", request -> {
                ContactRequests.contactKey(request);
                assertFalse(ContactRequests.contactChanges(request).isEmpty());
            }),
            Map.entry("POST /contact/schedule", ContactRequests::scheduleChange),
            Map.entry("POST /contact/stop", ContactRequests::stopRequest),
            Map.entry("POST /contact/transfer", request -> ContactRequests.transferRequest(request).check()),
            Map.entry("POST /contact/attributes",
                    request -> ContactRules.checkAttributes(ContactRequests.attributeUpdate(request).attributes())),
            Map.entry("GET /contact/attributes/{InstanceId}/{InitialContactId}", ContactRequests::initialContactKey),
            Map.entry("POST /contact/tags", request -> TagRules.checkTags(ContactRequests.tagChange(request).tags())),
            Map.entry("DELETE /contact/tags/{InstanceId}/{ContactId}",
                    request -> TagRules.checkKeys(ContactRequests.untagChange(request).removedKeys())),
            Map.entry("GET /contact/references/{InstanceId}/{ContactId}", request -> {
                ContactRequests.contactKey(request);
                ContactRequests.referenceTypes(request);
            }),
            Map.entry("POST /search-contacts", SearchRequests::searchContacts),
            Map.entry("PUT /queues/{InstanceId}", request -> InstanceRules.checkQueue(InstanceRequests.createQueue(request))),
            Map.entry("GET /queues/{InstanceId}/{QueueId}", request -> request.pathParameter("QueueId")),
            Map.entry("GET /queues-summary/{InstanceId}", request -> assertEquals(Set.of("STANDARD"),
                    InstanceRequests.listInInstance(request, "queueTypes", InstanceRules.QUEUE_TYPES, 2).types())),
            Map.entry("GET /contact-flows-summary/{InstanceId}", request -> assertEquals(Set.of("CONTACT_FLOW"),
                    InstanceRequests.listInInstance(request, "contactFlowTypes", InstanceRules.FLOW_TYPES, 10).types())),
            Map.entry("GET /instance", request -> assertEquals(10, InstanceRequests.listInstances(request).maxResults())),

            Map.entry("PUT /instance/{InstanceId}/task/template", request -> {
                TaskTemplateRequest template = TemplateRequests.createTaskTemplate(request);
                TaskTemplate candidate = new TaskTemplate(template.instanceId(), "t", template.name(), template.description(),
                        template.contactFlowId(), template.fields(), template.constraints(), template.defaults(),
                        template.status(), null, null);
                assertEquals(List.of(), TaskTemplateRules.problems(candidate, template.clientToken(), false,
                        template.wireProblems()));
            }),
            Map.entry("GET /instance/{InstanceId}/task/template/{TaskTemplateId}", TemplateRequests::templateKey),
            Map.entry("POST /instance/{InstanceId}/task/template/{TaskTemplateId}",
                    request -> assertEquals(List.of(), TemplateRequests.updateTaskTemplate(request).wireProblems())),
            Map.entry("GET /instance/{InstanceId}/task/template", TemplateRequests::listQuery),
            Map.entry("DELETE /instance/{InstanceId}/task/template/{TaskTemplateId}", TemplateRequests::templateKey));

    static List<String> eventFiles() throws IOException {
        try (Stream<Path> files = Files.list(ApiEvents.repositoryRoot().resolve("events"))) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".json")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("eventFiles")
    void eachEventIsAcceptedByItsFunction(String name) throws IOException {
        if (name.equals("flow-runner-stream.json")) {
            List<ContactChange> changes = ContactStreamRecords.read(Json.MAPPER.readTree(ApiEvents.read(name)));
            assertEquals(1, changes.size());
            assertEquals("INSERT", changes.get(0).eventName());
            assertEquals(FlowStatus.PENDING, changes.get(0).after().flowStatus());
            return;
        }
        if (name.startsWith("flow-runner")) {
            try (InputStream input = Files.newInputStream(ApiEvents.eventFile(name))) {
                assertNotNull(StartMessage.fromJson(input).key());
            }
            return;
        }
        if (name.startsWith("contact-events")) {
            // a task created, then started by the demo flow, which queued it
            List<String> types = new ArrayList<>();
            for (ContactChange change : ContactStreamRecords.read(Json.MAPPER.readTree(ApiEvents.read(name)))) {
                ContactEvents.of(change.before(), change.after()).forEach(event -> types.add(event.type().name()));
            }
            assertEquals(List.of("INITIATED", "CONNECTED_TO_SYSTEM", "CONTACT_DATA_UPDATED", "QUEUED"), types);
            return;
        }
        if (name.startsWith("reconciler")) {
            // Scheduler's input when a schedule's target sets none; the reconciler reads nothing of it
            assertTrue(Json.MAPPER.readTree(ApiEvents.read(name)).isObject());
            return;
        }
        APIGatewayV2HTTPEvent event = ApiEvents.load(name);
        String route = event.getRouteKey();
        assertTrue(Template.load().routes().contains(route), name + ": " + route);
        assertEquals(route, event.getRequestContext().getRouteKey());
        assertEquals(route.split(" ")[0], event.getRequestContext().getHttp().getMethod());
        String path = route.split(" ")[1];
        if (event.getPathParameters() != null) {
            for (Map.Entry<String, String> parameter : event.getPathParameters().entrySet()) {
                path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
            }
        }
        assertEquals(path, event.getRawPath(), name);
        assertEquals(path, event.getRequestContext().getHttp().getPath(), name);
        READERS.get(route).accept(new ApiRequest(event));
    }

    @Test
    void everyFunctionHasAnEvent() throws IOException {
        Set<String> modules = new TreeSet<>();
        Template.load().functions().values().forEach(function ->
                modules.add(Path.of(function.path("Properties").path("CodeUri").asText()).getFileName().toString()));
        for (String module : modules) {
            assertTrue(eventFiles().stream().anyMatch(name -> name.startsWith(module)), module);
        }
    }
}
