package dev.connecttasks.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.config.AwsClients;
import dev.connecttasks.config.Settings;
import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.QueueInfo;
import dev.connecttasks.contact.Reference;
import dev.connecttasks.contact.ReferenceType;
import dev.connecttasks.flow.FlowResult;
import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.instance.Instance;
import dev.connecttasks.instance.Queue;
import dev.connecttasks.json.Json;
import dev.connecttasks.local.EmulatorSetup;
import dev.connecttasks.offline.DemoInstance;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.connecttasks.http.ApiRequest;
import dev.connecttasks.http.HttpEvents;
import dev.connecttasks.http.TemplateRequests;
import dev.connecttasks.instance.ContactFlow;
import dev.connecttasks.instance.Instance;
import dev.connecttasks.operation.CreateTaskTemplate;
import dev.connecttasks.store.ContactTable;
import dev.connecttasks.store.InstanceTable;
import dev.connecttasks.store.TaskTemplateTable;
import dev.connecttasks.store.ContactTableSchema;
import dev.connecttasks.store.FlowRuns;
import dev.connecttasks.store.InstanceTable;
import dev.connecttasks.store.NewContacts;
import dev.connecttasks.testing.Emulator;
import dev.connecttasks.testing.Flows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The data the benchmark runs against, and the events it sends, prepared from events/. */
final class Fixture {
    static final String INSTANCE = DemoInstance.INSTANCE_ID;
    static final String FLOW = DemoInstance.FLOW_ID;
    /** How many contacts the search day holds: what a search of it matches. */
    static final int SEARCH_MATCHES = 100;
    /** The contact the sample events name. */
    static final String CONTACT = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

    final Path root;
    final Settings settings;
    final DynamoDbClient dynamo;
    final ContactTable table;
    private final NewContacts newContacts;
    private final FlowRuns flowRuns;
    private int fillers;
    private final InstanceTable instances;
    private final CreateTaskTemplate createTaskTemplate;
    private String templateInstance;
    private int templatesInInstance;

    Fixture(Path root, Settings settings) throws IOException {
        this.root = root;
        this.settings = settings;
        EmulatorSetup.prepare(settings, root);
        Emulator.flowRunnerArn();
        this.dynamo = AwsClients.dynamoDb(settings);
        this.table = new ContactTable(dynamo, settings.tableName());
        this.newContacts = new NewContacts(dynamo, settings.tableName());
        this.flowRuns = new FlowRuns(dynamo, settings.tableName());
        this.instances = new InstanceTable(dynamo, settings.tableName());
        this.createTaskTemplate = new CreateTaskTemplate(new TaskTemplateTable(dynamo, settings.tableName()), instances,
                Clock.systemUTC());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (table.find(new ContactKey(INSTANCE, CONTACT), now).isEmpty()) {
            newContacts.create(contact(CONTACT, FlowStatus.SCHEDULED, now.plus(Duration.ofDays(1)), now), null, now);
        }
    }

    /** When the contact's flow started, once it has (read consistently every 5 ms, up to {@code limit}). */
    Instant awaitFlowStart(String contactId, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            var contact = table.find(new ContactKey(INSTANCE, contactId), Instant.now());
            if (contact.isPresent() && contact.get().flowStartedAt() != null) {
                return contact.get().flowStartedAt();
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("the flow of contact " + contactId + " did not start within " + limit);
    }

    /** A contact waiting for its flow, as StartTaskContact writes it. */
    static Contact contact(String contactId, FlowStatus status, Instant scheduledAt, Instant now) {
        return new Contact(new ContactKey(INSTANCE, contactId), FLOW, "Call back customer", "Re: order 42",
                Map.of("orderId", "42"), Map.of("Order", new Reference(ReferenceType.URL, "https://crm.example.com/orders/42")),
                null, null, null, now, now, scheduledAt, status, null, null, null);
    }

    /** Writes a new contact that waits for its immediate start, and returns its id. */
    String pendingContact() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String contactId = UUID.randomUUID().toString();
        newContacts.create(contact(contactId, FlowStatus.PENDING, null, now), null, now);
        return contactId;
    }

    /** Writes a new contact whose flow has started and queued it (an active task), and returns its id. */
    String startedContact() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String contactId = UUID.randomUUID().toString();
        Contact contact = contact(contactId, FlowStatus.PENDING, null, now);
        newContacts.create(contact, null, now);
        flowRuns.recordFlowRun(contact, 1, new FlowResult(contact.attributes(), new QueueInfo("support", now), null, 1,
                FlowResult.End.QUEUED), now);
        return contactId;
    }

    /**
     * Fills the table up to {@code total} contacts of other callers (BatchWriteItem, 25 at a time):
     * only their keys matter, for a table of that size.
     */
    void fillTo(int total) {
        long expiresAt = Instant.now().plus(Duration.ofDays(700)).getEpochSecond();
        List<WriteRequest> batch = new ArrayList<>();
        while (fillers < total) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put(ContactTableSchema.PARTITION_KEY, AttributeValue.fromS("C#" + UUID.randomUUID()));
            item.put(ContactTableSchema.SORT_KEY, AttributeValue.fromS("instance-" + (fillers % 100)));
            item.put(ContactTableSchema.TTL_ATTRIBUTE, AttributeValue.fromN(Long.toString(expiresAt)));
            item.put("name", AttributeValue.fromS("filler"));
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            fillers++;
            if (batch.size() == 25 || fillers == total) {
                Map<String, List<WriteRequest>> pending = Map.of(settings.tableName(), List.copyOf(batch));
                while (!pending.isEmpty()) {
                    Map<String, List<WriteRequest>> request = pending;
                    pending = dynamo.batchWriteItem(write -> write.requestItems(request)).unprocessedItems();
                }
                batch.clear();
            }
        }
    }

    int fillers() {
        return fillers;
    }

    /** The day the search workloads search: yesterday, UTC. */
    static Instant searchDay() {
        return Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
    }

    /**
     * Writes {@link #SEARCH_MATCHES} contacts initiated across the search day into {@code instanceId} of
     * {@code tableName} (as StartTaskContact writes them, tagged {@code search=bench}), once per table.
     */
    void seedSearchDay(String tableName, String instanceId) {
        Instant day = searchDay();
        InstanceTable instances = new InstanceTable(dynamo, tableName);
        if (instances.findInstance(instanceId).isPresent()) {
            return;
        }
        instances.create(new Instance(instanceId, "CONNECT_MANAGED", null, null, true, false, Map.of(), day),
                Queue.basic(instanceId, "basic-" + instanceId, "hours", day), null, day);
        instances.create(new ContactFlow(instanceId, FLOW, "Bench search", "CONTACT_FLOW", null,
                Flows.read("demo-task.json"), ContactFlow.PUBLISHED, Map.of(), day));
        NewContacts writer = new NewContacts(dynamo, tableName);
        for (int i = 0; i < SEARCH_MATCHES; i++) {
            Instant at = day.plus(Duration.ofMinutes(14L * i));
            Contact contact = new Contact(new ContactKey(instanceId, UUID.randomUUID().toString()), FLOW, "Bench search " + i,
                    "Re: order " + i, Map.of("orderId", Integer.toString(i)), Map.of(), null, null, null, at, at, null,
                    FlowStatus.PENDING, null, null, null);
            writer.create(contact, null, at);
        }
    }

    /**
     * Fills {@code tableName} up to {@code total} contacts of 1,000 other instances, initiated over the past
     * year (BatchWriteItem, 25 at a time): each carries the search indexes' keys, so the indexes grow
     * with the table.
     */
    void fillSearchTable(String tableName, int total, int already) {
        long expiresAt = Instant.now().plus(Duration.ofDays(700)).getEpochSecond();
        long yearMillis = Duration.ofDays(365).toMillis();
        long now = Instant.now().toEpochMilli();
        Random random = new Random(already);
        List<WriteRequest> batch = new ArrayList<>();
        for (int written = already; written < total; written++) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put(ContactTableSchema.PARTITION_KEY, AttributeValue.fromS("C#" + UUID.randomUUID()));
            String instanceId = "filler-" + written % 1_000;
            item.put(ContactTableSchema.SORT_KEY, AttributeValue.fromS(instanceId));
            item.put(ContactTableSchema.TTL_ATTRIBUTE, AttributeValue.fromN(Long.toString(expiresAt)));
            item.put(ContactTableSchema.SEARCH_KEY, AttributeValue.fromS(instanceId + "#" + written % 4));
            item.put("initiatedAt", AttributeValue.fromN(Long.toString(now - (long) (random.nextDouble() * yearMillis))));
            item.put("name", AttributeValue.fromS("filler"));
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            if (batch.size() == 25 || written == total - 1) {
                Map<String, List<WriteRequest>> pending = Map.of(tableName, List.copyOf(batch));
                while (!pending.isEmpty()) {
                    Map<String, List<WriteRequest>> request = pending;
                    pending = dynamo.batchWriteItem(write -> write.requestItems(request)).unprocessedItems();
                }
                batch.clear();
            }
        }
    }

    /** The sample event of a function, made valid for now: fresh times, names and contacts. */
    String event(String module, int run) throws IOException {
        String file = switch (module) {
            case "flow-runner" -> "flow-runner-immediate.json";
            default -> module + ".json";
        };
        ObjectNode event = (ObjectNode) Json.MAPPER.readTree(Files.readString(root.resolve("events").resolve(file)));
        String unique = UUID.randomUUID().toString().substring(0, 8);
        switch (module) {
            case "flow-runner" -> event.put("ContactId", pendingContact());
            case "start-task-contact" -> editBody(event, body -> body.remove("ClientToken"));
            case "update-contact-schedule" -> editBody(event, body -> body.put("ScheduledTime",
                    Json.epochSeconds(Instant.now().plus(Duration.ofDays(1)).plusSeconds(run))));
            case "create-instance" -> editBody(event, body -> {
                body.remove("ClientToken");
                body.put("InstanceAlias", "bench-" + unique);
            });
            case "create-contact-flow" -> editBody(event, body -> body.put("Name", "Bench " + unique));
            case "create-queue" -> editBody(event, body -> body.put("Name", "Bench " + unique));
            // tomorrow's scheduled tasks, as the sample searches
            case "search-contacts" -> editBody(event, body -> {
                Instant tomorrow = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
                ((ObjectNode) body.get("TimeRange")).put("StartTime", Json.epochSeconds(tomorrow))
                        .put("EndTime", Json.epochSeconds(tomorrow.plus(Duration.ofDays(1)).minusMillis(1)));
            });
            // a stop ends its contact: each run stops a contact of its own
            case "stop-contact" -> editBody(event, body -> body.put("ContactId", pendingContact()));
            // a transfer ends its contact, and takes an active one
            case "transfer-contact" -> editBody(event, body -> {
                body.put("ContactId", startedContact());
                body.remove("ClientToken");
            });
            // a create takes a place under its instance's quota of 50: a fresh instance every 40 templates
            case "create-task-template" -> {
                editBody(event, body -> body.remove("ClientToken"));
                retarget(event, templateInstance(), null);
            }
            // each run reads, changes or deletes a template of its own
            case "get-task-template", "update-task-template", "delete-task-template" -> {
                String instanceId = templateInstance();
                retarget(event, instanceId, template(instanceId));
            }
            default -> {
            }
        }
        return Json.write(event);
    }

    /** An instance with the demo flow and room for another task template: a new one every 40 templates. */
    String templateInstance() {
        if (templateInstance == null || templatesInInstance >= 40) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            templateInstance = UUID.randomUUID().toString();
            instances.create(new Instance(templateInstance, "CONNECT_MANAGED", null, null, true, false, Map.of(), now),
                    Queue.basic(templateInstance, "basic-" + templateInstance, "hours", now), null, now);
            instances.create(new ContactFlow(templateInstance, FLOW, "Demo", "CONTACT_FLOW", null,
                    Flows.read("demo-task.json"), ContactFlow.PUBLISHED, Map.of(), now));
            templatesInInstance = 0;
        }
        templatesInInstance++;
        return templateInstance;
    }

    /** Creates the sample event's task template in the instance (CreateTaskTemplate's own path), and returns its id. */
    String template(String instanceId) {
        try {
            APIGatewayV2HTTPEvent create = HttpEvents.read(new java.io.ByteArrayInputStream(
                    Files.readAllBytes(root.resolve("events/create-task-template.json"))));
            ObjectNode body = (ObjectNode) Json.MAPPER.readTree(create.getBody());
            body.remove("ClientToken");
            create.setBody(Json.write(body));
            create.getPathParameters().put("InstanceId", instanceId);
            return createTaskTemplate.create(TemplateRequests.createTaskTemplate(new ApiRequest(create)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Points an API event at another instance (and template): its labels and its paths. */
    private static void retarget(ObjectNode event, String instanceId, String templateId) {
        ObjectNode labels = (ObjectNode) event.get("pathParameters");
        String path = event.get("rawPath").asText().replace(labels.get("InstanceId").asText(), instanceId);
        labels.put("InstanceId", instanceId);
        if (templateId != null) {
            path = path.replace(labels.get("TaskTemplateId").asText(), templateId);
            labels.put("TaskTemplateId", templateId);
        }
        event.put("rawPath", path);
        ((ObjectNode) event.get("requestContext").get("http")).put("path", path);
    }

    private static void editBody(ObjectNode event, java.util.function.Consumer<ObjectNode> edit) throws IOException {
        ObjectNode body = (ObjectNode) Json.MAPPER.readTree(event.get("body").asText());
        edit.accept(body);
        event.put("body", Json.write(body));
    }
}
