package dev.connecttasks.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connecttasks.store.ContactTableSchema;
import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateTest {
    private final Template template = Template.load();

    @Test
    void theApiHasExactlyItsConnectRoutes() {
        assertEquals(Set.of(
                "PUT /contact/task",
                "GET /contacts/{InstanceId}/{ContactId}",
                "POST /contacts/{InstanceId}/{ContactId}",
                "POST /contact/schedule",
                "GET /contact/references/{InstanceId}/{ContactId}",
                "POST /contact/stop",
                "POST /contact/transfer",
                "POST /contact/attributes",
                "GET /contact/attributes/{InstanceId}/{InitialContactId}",
                "POST /contact/tags",
                "DELETE /contact/tags/{InstanceId}/{ContactId}",
                "PUT /instance",
                "GET /instance/{InstanceId}",
                "PUT /contact-flows/{InstanceId}",
                "GET /contact-flows/{InstanceId}/{ContactFlowId}",
                "POST /search-contacts",
                "PUT /queues/{InstanceId}",
                "GET /queues/{InstanceId}/{QueueId}",
                "GET /queues-summary/{InstanceId}",
                "GET /contact-flows-summary/{InstanceId}",
                "GET /instance",
                "PUT /instance/{InstanceId}/task/template",
                "GET /instance/{InstanceId}/task/template/{TaskTemplateId}",
                "POST /instance/{InstanceId}/task/template/{TaskTemplateId}",
                "GET /instance/{InstanceId}/task/template",
                "DELETE /instance/{InstanceId}/task/template/{TaskTemplateId}"), template.routes());
        template.functions().values().forEach(function -> function.path("Properties").path("Events").forEach(event -> {
            if (event.path("Type").asText().equals("DynamoDB")) {
                return;
            }
            assertEquals("HttpApi", event.path("Type").asText());
            assertEquals("2.0", event.path("Properties").path("PayloadFormatVersion").asText());
            assertEquals("ContactApi", event.path("Properties").path("ApiId").asText());
        }));
    }

    @Test
    void everyFunctionNamesAHandlerClassThatExists() throws IOException {
        Path root = ApiEvents.repositoryRoot();
        assertEquals(29, template.functions().size());
        for (Map.Entry<String, JsonNode> function : template.functions().entrySet()) {
            JsonNode properties = function.getValue().path("Properties");
            Path module = root.resolve(properties.path("CodeUri").asText());
            assertTrue(Files.exists(module.resolve("pom.xml")), function.getKey() + ": " + module);
            String[] handler = properties.path("Handler").asText().split("::");
            assertEquals("handleRequest", handler[1], function.getKey());
            Path source = module.resolve("src/main/java/" + handler[0].replace('.', '/') + ".java");
            assertTrue(Files.exists(source), function.getKey() + ": " + source);
            assertTrue(Files.readString(source).contains("public void handleRequest(")
                    || Files.readString(source).contains("public APIGatewayV2HTTPResponse handleRequest("), source.toString());
        }
    }

    @Test
    void functionsRunOnJava21WithSnapStartOnThePublishedAlias() {
        JsonNode globals = template.root().path("Globals").path("Function");
        assertEquals("java21", globals.path("Runtime").asText());
        assertEquals("live", globals.path("AutoPublishAlias").asText());
        assertTrue(globals.path("AutoPublishAliasAllProperties").asBoolean(), "a configuration change alone must reach the alias");
        assertEquals("PublishedVersions", globals.path("SnapStart").path("ApplyOn").asText());
        assertEquals("JSON", globals.path("LoggingConfig").path("LogFormat").asText());
        assertEquals("Active", globals.path("Tracing").asText());
        assertTrue(globals.path("Environment").path("Variables").has("JAVA_TOOL_OPTIONS"));
    }

    @Test
    void theTableHasTheKeysAndTtlTheCodeUses() {
        JsonNode table = template.resource("ContactTable").path("Properties");
        assertEquals("PAY_PER_REQUEST", table.path("BillingMode").asText());
        List<String> keys = new ArrayList<>();
        table.path("KeySchema").forEach(key -> keys.add(key.path("AttributeName").asText() + ":" + key.path("KeyType").asText()));
        assertEquals(List.of(ContactTableSchema.PARTITION_KEY + ":HASH", ContactTableSchema.SORT_KEY + ":RANGE"), keys);
        assertEquals(ContactTableSchema.TTL_ATTRIBUTE, table.path("TimeToLiveSpecification").path("AttributeName").asText());
        assertTrue(table.path("TimeToLiveSpecification").path("Enabled").asBoolean());
        assertTrue(table.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asBoolean());
    }

    /** What each function's code calls (see RoundTripsIT), as IAM actions. Nothing more may be granted. */
    private static final Map<String, Set<String>> NEEDED = Map.ofEntries(
            Map.entry("DescribeContactFunction", Set.of("dynamodb:GetItem")),
            Map.entry("ListContactReferencesFunction", Set.of("dynamodb:GetItem")),
            Map.entry("DescribeInstanceFunction", Set.of("dynamodb:GetItem")),
            Map.entry("DescribeContactFlowFunction", Set.of("dynamodb:GetItem")),
            Map.entry("DescribeQueueFunction", Set.of("dynamodb:GetItem")),
            // UpdateItem; a new expiry of a started task: GetItem, then its expiry's schedule
            Map.entry("UpdateContactFunction", Set.of("dynamodb:UpdateItem", "dynamodb:GetItem", "scheduler:CreateSchedule",
                    "iam:PassRole")),
            Map.entry("StopContactFunction", Set.of("dynamodb:UpdateItem", "scheduler:DeleteSchedule")),
            Map.entry("TagContactFunction", Set.of("dynamodb:UpdateItem")),
            Map.entry("UntagContactFunction", Set.of("dynamodb:UpdateItem")),
            Map.entry("GetContactAttributesFunction", Set.of("dynamodb:GetItem")),
            Map.entry("UpdateContactAttributesFunction", Set.of("dynamodb:GetItem", "dynamodb:BatchGetItem",
                    "dynamodb:UpdateItem")),
            // GetItem or BatchGetItem (contact, token), then TransactWriteItems: Put (contact, token), Update
            // (the ended contact, the chain's first), ConditionCheck (the flow)
            Map.entry("TransferContactFunction", Set.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:PutItem",
                    "dynamodb:UpdateItem", "dynamodb:ConditionCheckItem")),
            Map.entry("UpdateContactScheduleFunction", Set.of("dynamodb:UpdateItem", "scheduler:CreateSchedule",
                    "scheduler:DeleteSchedule", "iam:PassRole")),
            // GetItem (a task template), TransactWriteItems: Put (contact, token), Update (previous contact), ConditionCheck
            Map.entry("StartTaskContactFunction", Set.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
                    "dynamodb:ConditionCheckItem", "scheduler:CreateSchedule", "scheduler:DeleteSchedule", "iam:PassRole")),
            // BatchGetItem (contact and flow), GetItem (after a reschedule), UpdateItem (the run); its stream
            // mapping reads the stream and sends spent batches to the dead-letter queue with this role; an
            // open task's expiry schedule
            // and a Query of the queued index (the contacts in a queue with a MaxContacts)
            Map.entry("FlowRunnerFunction", Set.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:UpdateItem",
                    "dynamodb:Query",
                    "dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams",
                    "sqs:SendMessage", "scheduler:CreateSchedule", "iam:PassRole")),
            // Query (the due index), then each start or expiry as the flow-runner makes it
            Map.entry("ReconcilerFunction", Set.of("dynamodb:Query", "dynamodb:GetItem", "dynamodb:BatchGetItem",
                    "dynamodb:UpdateItem", "scheduler:CreateSchedule", "iam:PassRole")),
            // PutEvents (the contact events); its stream mapping reads the stream, spent batches to the queue
            Map.entry("ContactEventsFunction", Set.of("events:PutEvents", "dynamodb:DescribeStream", "dynamodb:GetRecords",
                    "dynamodb:GetShardIterator", "dynamodb:ListStreams", "sqs:SendMessage")),
            Map.entry("CreateInstanceFunction", Set.of("dynamodb:PutItem")),
            // BatchGetItem (the queues the flow names; GetItem of the instance when one is missing), then
            // TransactWriteItems: ConditionCheck (the instance), Put (the flow, its name)
            Map.entry("CreateContactFlowFunction", Set.of("dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:PutItem",
                    "dynamodb:ConditionCheckItem")),
            Map.entry("CreateQueueFunction", Set.of("dynamodb:PutItem", "dynamodb:ConditionCheckItem")),
            // Query (the list index); GetItem (the instance, when a first page is empty)
            Map.entry("ListQueuesFunction", Set.of("dynamodb:Query", "dynamodb:GetItem")),
            Map.entry("ListContactFlowsFunction", Set.of("dynamodb:Query", "dynamodb:GetItem")),
            Map.entry("ListInstancesFunction", Set.of("dynamodb:Query")),
            // Query (a search index, per shard); GetItem (the instance, when nothing matched)
            Map.entry("SearchContactsFunction", Set.of("dynamodb:Query", "dynamodb:GetItem")),
            // GetItem (a flow it names), TransactWriteItems: Put (template, token), Update (the instance's count)
            Map.entry("CreateTaskTemplateFunction", Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem")),
            Map.entry("GetTaskTemplateFunction", Set.of("dynamodb:GetItem")),
            Map.entry("UpdateTaskTemplateFunction", Set.of("dynamodb:GetItem", "dynamodb:PutItem")),
            Map.entry("ListTaskTemplatesFunction", Set.of("dynamodb:Query")),
            Map.entry("DeleteTaskTemplateFunction", Set.of("dynamodb:DeleteItem", "dynamodb:UpdateItem")));

    @Test
    void everyFunctionHasExactlyThePermissionsItsOperationNeeds() {
        assertEquals(NEEDED.keySet(), template.functions().keySet());
        template.functions().forEach((name, function) -> {
            assertEquals(NEEDED.get(name), new java.util.TreeSet<>(actions(function)).stream()
                    .collect(java.util.stream.Collectors.toSet()), name);
            function.path("Properties").path("Policies").forEach(policy ->
                    assertTrue(policy.isObject(), name + ": only inline statements, no managed or template policies"));
        });
    }

    @Test
    void everyStatementNamesItsResourceNarrowly() {
        template.functions().forEach((name, function) -> function.path("Properties").path("Policies").forEach(policy ->
                policy.path("Statement").forEach(statement -> {
                    assertEquals("Allow", statement.path("Effect").asText(), name);
                    List<String> actions = new ArrayList<>();
                    statement.path("Action").forEach(action -> actions.add(action.asText()));
                    if (statement.path("Action").isTextual()) {
                        actions.add(statement.path("Action").asText());
                    }
                    actions.forEach(action -> assertFalse(action.contains("*"), name + ": " + action));
                    String resource = statement.path("Resource").toString();
                    assertFalse(resource.equals("\"*\""), name + ": Resource *");
                    String service = actions.get(0).split(":")[0];
                    switch (service) {
                        case "dynamodb" -> assertTrue(resource.equals("\"ContactTable.Arn\"")
                                || resource.equals("\"${ContactTable.Arn}/stream/*\"")
                                || indexesOnly(statement.path("Resource")) && actions.equals(List.of("dynamodb:Query")),
                                name + resource);
                        case "sqs" -> assertEquals("\"TaskStartDeadLetterQueue.Arn\"", resource, name);
                        case "events" -> assertTrue(resource.endsWith(":event-bus/default\""), name + resource);
                        case "lambda" -> assertEquals("\"FlowRunnerFunction.Alias\"", resource, name);
                        case "iam" -> {
                            assertEquals("\"SchedulerRole.Arn\"", resource, name);
                            assertEquals("scheduler.amazonaws.com", statement.path("Condition").path("StringEquals")
                                    .path("iam:PassedToService").asText(), name);
                        }
                        case "scheduler" -> assertTrue(resource.contains(":schedule/${TaskScheduleGroup}/*"), name + resource);
                        default -> throw new AssertionError(name + ": unexpected service " + service);
                    }
                })));
    }

    @Test
    void everyRouteRequiresIamAuthorization() {
        JsonNode auth = template.resource("ContactApi").path("Properties").path("Auth");
        assertEquals("AWS_IAM", auth.path("DefaultAuthorizer").asText());
        assertTrue(auth.path("EnableIamAuthorizer").asBoolean());
        template.functions().values().forEach(function -> function.path("Properties").path("Events").forEach(event ->
                assertTrue(event.path("Properties").path("Auth").isMissingNode(), "a route overrides the authorizer")));
    }

    @Test
    void readersOnlyRead() {
        for (String reader : List.of("DescribeContactFunction", "ListContactReferencesFunction",
                "DescribeInstanceFunction", "DescribeContactFlowFunction", "DescribeQueueFunction",
                "GetTaskTemplateFunction")) {
            List<String> actions = actions(template.resource(reader));
            assertEquals(List.of("dynamodb:GetItem"), actions, reader);
            assertFalse(template.resource(reader).path("Properties").path("Environment").path("Variables")
                    .has("SCHEDULER_ROLE_ARN"), reader);
        }
    }

    @Test
    void theSchedulerRoleMayOnlyInvokeItsTwoTargetsAndWriteTheDeadLetterQueue() {
        JsonNode statements = template.resource("SchedulerRole").path("Properties").path("Policies").get(0)
                .path("PolicyDocument").path("Statement");
        assertEquals(2, statements.size());
        assertEquals("lambda:InvokeFunction", statements.get(0).path("Action").asText());
        assertEquals("[\"FlowRunnerFunction.Alias\",\"ReconcilerFunction.Alias\"]", statements.get(0).path("Resource").toString());
        assertEquals("sqs:SendMessage", statements.get(1).path("Action").asText());
        assertEquals("TaskStartDeadLetterQueue.Arn", statements.get(1).path("Resource").asText());
    }

    @Test
    void theReconcilerRunsEachMinuteOnTheDueIndex() {
        JsonNode schedule = template.resource("ReconcilerSchedule").path("Properties");
        assertEquals("rate(1 minute)", schedule.path("ScheduleExpression").asText());
        assertEquals("ReconcilerFunction.Alias", schedule.path("Target").path("Arn").asText());
        JsonNode index = template.resource("ContactTable").path("Properties").path("GlobalSecondaryIndexes").get(0);
        assertEquals(ContactTableSchema.DUE_INDEX, index.path("IndexName").asText());
        assertEquals(ContactTableSchema.DUE_SHARD, index.path("KeySchema").get(0).path("AttributeName").asText());
        assertEquals(ContactTableSchema.DUE_AT, index.path("KeySchema").get(1).path("AttributeName").asText());
        List<String> projected = new ArrayList<>();
        index.path("Projection").path("NonKeyAttributes").forEach(name -> projected.add(name.asText()));
        assertEquals(ContactTableSchema.DUE_PROJECTION, projected);
        assertEquals(ContactTableSchema.STREAM_VIEW.toString(),
                template.resource("ContactTable").path("Properties").path("StreamSpecification").path("StreamViewType").asText());
    }

    @Test
    void theSearchIndexesAreTheOnesTheSchemaCreates() {
        JsonNode indexes = template.resource("ContactTable").path("Properties").path("GlobalSecondaryIndexes");
        Map<String, JsonNode> byName = new HashMap<>();
        indexes.forEach(index -> byName.put(index.path("IndexName").asText(), index));
        ContactTableSchema.SEARCH_INDEXES.forEach((timestamp, name) -> {
            JsonNode index = byName.get(name);
            assertNotNull(index, name);
            assertEquals(ContactTableSchema.SEARCH_KEY, index.path("KeySchema").get(0).path("AttributeName").asText());
            assertEquals(ContactTableSchema.searchSortKey(timestamp), index.path("KeySchema").get(1).path("AttributeName").asText());
            List<String> projected = new ArrayList<>();
            index.path("Projection").path("NonKeyAttributes").forEach(attribute -> projected.add(attribute.asText()));
            assertEquals(ContactTableSchema.searchProjection(timestamp), projected, name);
        });
        List<String> searchQueries = new ArrayList<>();
        template.resource("SearchContactsFunction").path("Properties").path("Policies").get(0).path("Statement").get(0)
                .path("Resource").forEach(resource -> searchQueries.add(resource.asText()));
        assertEquals(ContactTableSchema.SEARCH_INDEXES.size(), searchQueries.size());
        ContactTableSchema.SEARCH_INDEXES.values().forEach(name -> assertTrue(
                searchQueries.stream().anyMatch(resource -> resource.endsWith("/index/" + name)), name));
    }

    /** The table's indexes by name (due, list, queued, the search indexes), never its every index. */
    private static boolean indexesOnly(JsonNode resource) {
        List<String> names = new ArrayList<>();
        (resource.isArray() ? resource : List.of(resource)).forEach(each -> names.add(each.asText()));
        return names.stream().allMatch(name -> name.matches("\\$\\{ContactTable\\.Arn}/index/[A-Za-z]+"));
    }

    @Test
    void theListAndQueuedIndexesAreTheOnesTheCodeCreates() {
        Map<String, JsonNode> indexes = new java.util.HashMap<>();
        template.resource("ContactTable").path("Properties").path("GlobalSecondaryIndexes")
                .forEach(index -> indexes.put(index.path("IndexName").asText(), index));
        JsonNode list = indexes.get(ContactTableSchema.LIST_INDEX);
        assertEquals(ContactTableSchema.LIST_KEY, list.path("KeySchema").get(0).path("AttributeName").asText());
        assertEquals(ContactTableSchema.LIST_ORDER, list.path("KeySchema").get(1).path("AttributeName").asText());
        List<String> projected = new ArrayList<>();
        list.path("Projection").path("NonKeyAttributes").forEach(name -> projected.add(name.asText()));
        assertEquals(ContactTableSchema.LIST_PROJECTION, projected);
        JsonNode queued = indexes.get(ContactTableSchema.QUEUED_INDEX);
        assertEquals(ContactTableSchema.QUEUED_IN, queued.path("KeySchema").get(0).path("AttributeName").asText());
        assertEquals(ContactTableSchema.SORT_KEY, queued.path("KeySchema").get(1).path("AttributeName").asText());
        assertEquals("KEYS_ONLY", queued.path("Projection").path("ProjectionType").asText());
        Set<String> defined = new java.util.HashSet<>();
        template.resource("ContactTable").path("Properties").path("AttributeDefinitions")
                .forEach(definition -> defined.add(definition.path("AttributeName").asText()));
        assertTrue(defined.containsAll(Set.of(ContactTableSchema.LIST_KEY, ContactTableSchema.LIST_ORDER,
                ContactTableSchema.QUEUED_IN)), defined.toString());
    }

    private static List<String> actions(JsonNode function) {
        List<String> actions = new ArrayList<>();
        function.path("Properties").path("Policies").forEach(policy -> policy.path("Statement").forEach(statement -> {
            JsonNode action = statement.path("Action");
            if (action.isArray()) {
                action.forEach(each -> actions.add(each.asText()));
            } else {
                actions.add(action.asText());
            }
        }));
        return actions;
    }
}
