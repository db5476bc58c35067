package dev.connecttasks.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.config.AwsClients;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.flow.ExpiryMessage;
import dev.connecttasks.flow.StartMessage;
import dev.connecttasks.handler.CreateContactFlowHandler;
import dev.connecttasks.handler.CreateInstanceHandler;
import dev.connecttasks.handler.CreateQueueHandler;
import dev.connecttasks.handler.DescribeContactFlowHandler;
import dev.connecttasks.handler.CreateTaskTemplateHandler;
import dev.connecttasks.handler.DeleteTaskTemplateHandler;
import dev.connecttasks.handler.GetTaskTemplateHandler;
import dev.connecttasks.handler.ListTaskTemplatesHandler;
import dev.connecttasks.handler.UpdateTaskTemplateHandler;
import dev.connecttasks.http.HttpEvents;
import dev.connecttasks.handler.DescribeContactHandler;
import dev.connecttasks.handler.DescribeInstanceHandler;
import dev.connecttasks.handler.DescribeQueueHandler;
import dev.connecttasks.handler.FlowRunnerHandler;
import dev.connecttasks.handler.GetContactAttributesHandler;
import dev.connecttasks.handler.ListContactFlowsHandler;
import dev.connecttasks.handler.ListContactReferencesHandler;
import dev.connecttasks.handler.ListInstancesHandler;
import dev.connecttasks.handler.ListQueuesHandler;
import dev.connecttasks.handler.SearchContactsHandler;
import dev.connecttasks.handler.StartTaskContactHandler;
import dev.connecttasks.handler.StopContactHandler;
import dev.connecttasks.handler.TagContactHandler;
import dev.connecttasks.handler.TransferContactHandler;
import dev.connecttasks.handler.UntagContactHandler;
import dev.connecttasks.handler.UpdateContactAttributesHandler;
import dev.connecttasks.handler.UpdateContactHandler;
import dev.connecttasks.handler.UpdateContactScheduleHandler;
import dev.connecttasks.json.Json;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.schedule.TaskSchedules;
import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.Flows;
import dev.connecttasks.testing.OfflineContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;

/**
 * Each operation, run through its real handler (built as Lambda builds it, from the environment), and
 * beside it the raw SDK calls it must make, with a client configured the same way. The baselines name
 * the table's keys directly ({@code C#}, {@code I#}, {@code F#}...; see ContactItems and InstanceItems).
 */
final class Workloads {
    private static final com.amazonaws.services.lambda.runtime.Context QUIET = new OfflineContext("bench", "bench",
            "arn:aws:lambda:us-east-1:000000000000:function:bench", line -> { });

    /** One operation: prepares one invocation (untimed) and returns it, ready to be timed. */
    record Workload(String operation, Supplier<Runnable> call, Supplier<Runnable> baseline) {
    }

    private final Fixture fixture;
    private final DynamoDbClient dynamo;
    private final SchedulerClient scheduler;
    private final String table;

    Workloads(Fixture fixture) {
        this.fixture = fixture;
        this.dynamo = AwsClients.dynamoDb(fixture.settings);
        this.scheduler = AwsClients.scheduler(fixture.settings);
        this.table = fixture.settings.tableName();
    }

    List<Workload> all() {
        return List.of(describeContact(), listContactReferences(), updateContact(), updateContactSchedule(),
                startTaskContact(), flowRunner(), stopContact(), transferContact(), updateContactAttributes(),
                getContactAttributes(), tagContact(), untagContact(), createInstance(), describeInstance(),
                createContactFlow(), describeContactFlow(), createQueue(), describeQueue(), listQueues(), listContactFlows(),
                listInstances(), searchContacts(), createTaskTemplate(), getTaskTemplate(), updateTaskTemplate(),
                listTaskTemplates(), deleteTaskTemplate());
    }

    /** The instance of the main table whose search day the SearchContacts workload searches. */
    static final String SEARCH_INSTANCE = "bench-search";

    Workload searchContacts() {
        fixture.seedSearchDay(table, SEARCH_INSTANCE);
        return search("SearchContacts", new SearchContactsHandler(), table, SEARCH_INSTANCE);
    }

    /**
     * SearchContacts of one day of {@code instanceId} in {@code tableName}, through {@code handler}; its
     * baseline, the Query per shard of the initiation index that it makes.
     */
    Workload search(String operation, SearchContactsHandler handler, String tableName, String instanceId) {
        Instant day = Fixture.searchDay();
        Instant end = day.plus(Duration.ofDays(1)).minusMillis(1);
        String body = "{\"InstanceId\":\"" + instanceId + "\",\"TimeRange\":{\"Type\":\"INITIATION_TIMESTAMP\",\"StartTime\":"
                + Json.epochSeconds(day) + ",\"EndTime\":" + Json.epochSeconds(end) + "}}";
        return new Workload(operation,
                () -> () -> {
                    APIGatewayV2HTTPResponse response = handler.handleRequest(
                            ApiEvents.request("POST", "/search-contacts").body(body).build(), QUIET);
                    Checks.expect(response.getStatusCode() == 200 && response.getBody().contains(
                            "\"TotalCount\":" + Fixture.SEARCH_MATCHES), operation, response.getBody());
                },
                () -> () -> searchQueries(tableName, instanceId, day, end));
    }

    /** The search's reads, as SearchIndexes makes them; returns their DynamoDB read units. */
    double searchQueries(String tableName, String instanceId, Instant start, Instant end) {
        double readUnits = 0;
        for (int shard = 0; shard < 4; shard++) {
            AttributeValue searchKey = AttributeValue.fromS(instanceId + "#" + shard);
            Map<String, AttributeValue> startKey = null;
            do {
                Map<String, AttributeValue> from = startKey;
                QueryResponse page = dynamo.query(query -> query.tableName(tableName).indexName("byInitiation")
                        .keyConditionExpression("#searchKey = :v0 AND #initiatedAt BETWEEN :v1 AND :v2")
                        .expressionAttributeNames(Map.of("#searchKey", "searchKey", "#initiatedAt", "initiatedAt"))
                        .expressionAttributeValues(Map.of(":v0", searchKey,
                                ":v1", millis(start), ":v2", millis(end)))
                        .scanIndexForward(false)
                        .exclusiveStartKey(from));
                readUnits += ReadUnits.ofQueryPage(page.items());
                startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (startKey != null);
        }
        return readUnits;
    }

    Workload describeContact() {
        DescribeContactHandler handler = new DescribeContactHandler();
        return new Workload("DescribeContact",
                () -> http(handler::handleRequest, ApiEvents.request("GET", "/contacts/{InstanceId}/{ContactId}")
                        .path("InstanceId", Fixture.INSTANCE).path("ContactId", Fixture.CONTACT).build()),
                () -> () -> getItem("C#" + Fixture.CONTACT, Fixture.INSTANCE));
    }

    Workload listContactReferences() {
        ListContactReferencesHandler handler = new ListContactReferencesHandler();
        return new Workload("ListContactReferences",
                () -> http(handler::handleRequest, ApiEvents.request("GET", "/contact/references/{InstanceId}/{ContactId}")
                        .path("InstanceId", Fixture.INSTANCE).path("ContactId", Fixture.CONTACT)
                        .query("referenceTypes", "URL").build()),
                () -> () -> getItem("C#" + Fixture.CONTACT, Fixture.INSTANCE));
    }

    Workload updateContact() {
        UpdateContactHandler handler = new UpdateContactHandler();
        return new Workload("UpdateContact",
                () -> http(handler::handleRequest, ApiEvents.request("POST", "/contacts/{InstanceId}/{ContactId}")
                        .path("InstanceId", Fixture.INSTANCE).path("ContactId", Fixture.CONTACT)
                        .body("{\"Name\":\"Call back " + UUID.randomUUID() + "\"}").build()),
                () -> () -> dynamo.updateItem(update -> update.tableName(table)
                        .key(key("C#" + Fixture.CONTACT, Fixture.INSTANCE))
                        .updateExpression("SET #lastUpdatedAt = :now, #name = :name ADD #rev :one")
                        .conditionExpression("attribute_exists(#pk) AND #expiresAt > :seconds")
                        .expressionAttributeNames(Map.of("#lastUpdatedAt", "lastUpdatedAt", "#name", "name",
                                "#rev", "rev", "#pk", "pk", "#expiresAt", "expiresAt"))
                        .expressionAttributeValues(Map.of(":now", millis(Instant.now()),
                                ":name", AttributeValue.fromS("Call back " + UUID.randomUUID()),
                                ":one", AttributeValue.fromN("1"), ":seconds", seconds(Instant.now())))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
    }

    Workload updateContactSchedule() {
        UpdateContactScheduleHandler handler = new UpdateContactScheduleHandler();
        return new Workload("UpdateContactSchedule",
                () -> {
                    ObjectNode body = Json.object().put("InstanceId", Fixture.INSTANCE).put("ContactId", Fixture.CONTACT)
                            .put("ScheduledTime", Json.epochSeconds(later()));
                    return http(handler::handleRequest, ApiEvents.request("POST", "/contact/schedule")
                            .body(Json.write(body)).build());
                },
                () -> {
                    Instant at = later();
                    return () -> {
                        String name = "baseline-" + UUID.randomUUID();
                        scheduler.createSchedule(schedule -> schedule.name(name)
                                .groupName(fixture.settings.scheduleGroup())
                                .scheduleExpression(TaskSchedules.expression(at))
                                .scheduleExpressionTimezone("UTC")
                                .flexibleTimeWindow(window -> window.mode(FlexibleTimeWindowMode.OFF))
                                .actionAfterCompletion(ActionAfterCompletion.DELETE)
                                .target(target -> target.arn(fixture.settings.flowRunnerArn())
                                        .roleArn(fixture.settings.schedulerRoleArn())
                                        .input(new StartMessage(new ContactKey(Fixture.INSTANCE, Fixture.CONTACT), null, at).toJson()))
                                .clientToken(name));
                        dynamo.updateItem(update -> update.tableName(table)
                                .key(key("C#" + Fixture.CONTACT, Fixture.INSTANCE))
                                .updateExpression("SET #scheduledAt = :at, #lastUpdatedAt = :now ADD #rev :one")
                                .conditionExpression("#flowStatus = :scheduled AND #expiresAt > :seconds")
                                .expressionAttributeNames(Map.of("#scheduledAt", "scheduledAt", "#lastUpdatedAt",
                                        "lastUpdatedAt", "#rev", "rev", "#flowStatus", "flowStatus", "#expiresAt", "expiresAt"))
                                .expressionAttributeValues(Map.of(":at", millis(at), ":now", millis(Instant.now()),
                                        ":one", AttributeValue.fromN("1"), ":scheduled", AttributeValue.fromS("SCHEDULED"),
                                        ":seconds", seconds(Instant.now())))
                                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
                    };
                });
    }

    Workload stopContact() {
        StopContactHandler handler = new StopContactHandler();
        return new Workload("StopContact",
                () -> {
                    String contactId = fixture.pendingContact();
                    return http(handler::handleRequest, ApiEvents.request("POST", "/contact/stop")
                            .body("{\"InstanceId\":\"" + Fixture.INSTANCE + "\",\"ContactId\":\"" + contactId + "\"}").build());
                },
                () -> {
                    String contactId = fixture.pendingContact();
                    return () -> dynamo.updateItem(update -> update.tableName(table)
                            .key(key("C#" + contactId, Fixture.INSTANCE))
                            .updateExpression("SET #disconnectedAt = :now, #reason = :api, #lastUpdatedAt = :now"
                                    + " REMOVE #dueShard, #dueAt ADD #rev :one")
                            .conditionExpression("attribute_exists(#pk) AND #expiresAt > :seconds"
                                    + " AND attribute_not_exists(#disconnectedAt)")
                            .expressionAttributeNames(Map.of("#disconnectedAt", "disconnectedAt", "#reason", "disconnectReason",
                                    "#lastUpdatedAt", "lastUpdatedAt", "#dueShard", "dueShard", "#dueAt", "dueAt",
                                    "#rev", "rev", "#pk", "pk", "#expiresAt", "expiresAt"))
                            .expressionAttributeValues(Map.of(":now", millis(Instant.now()), ":api", AttributeValue.fromS("API"),
                                    ":one", AttributeValue.fromN("1"), ":seconds", seconds(Instant.now())))
                            .returnValues(ReturnValue.ALL_OLD)
                            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
                });
    }

    Workload transferContact() {
        TransferContactHandler handler = new TransferContactHandler();
        return new Workload("TransferContact",
                () -> {
                    String contactId = fixture.startedContact();
                    return http(handler::handleRequest, ApiEvents.request("POST", "/contact/transfer")
                            .body("{\"InstanceId\":\"" + Fixture.INSTANCE + "\",\"ContactId\":\"" + contactId
                                    + "\",\"ContactFlowId\":\"" + Fixture.FLOW + "\",\"QueueId\":\"escalations\"}").build());
                },
                () -> {
                    String contactId = fixture.startedContact();
                    return () -> {
                        getItem("C#" + contactId, Fixture.INSTANCE);
                        String next = UUID.randomUUID().toString();
                        dynamo.transactWriteItems(transaction -> transaction.transactItems(
                                put(contactItem(next)),
                                exists("F#" + Fixture.FLOW, Fixture.INSTANCE),
                                TransactWriteItem.builder().update(update -> update.tableName(table)
                                        .key(key("C#" + contactId, Fixture.INSTANCE))
                                        .updateExpression("SET #disconnectedAt = :now, #reason = :transferred, #lastUpdatedAt = :now"
                                                + " REMOVE #dueShard, #dueAt ADD #rev :one, #chain :next")
                                        .conditionExpression("#rev = :two")
                                        .expressionAttributeNames(Map.of("#disconnectedAt", "disconnectedAt",
                                                "#reason", "disconnectReason", "#lastUpdatedAt", "lastUpdatedAt",
                                                "#dueShard", "dueShard", "#dueAt", "dueAt", "#rev", "rev", "#chain", "chain"))
                                        .expressionAttributeValues(Map.of(":now", millis(Instant.now()),
                                                ":transferred", AttributeValue.fromS("TRANSFERRED"), ":one", AttributeValue.fromN("1"),
                                                ":next", AttributeValue.fromSs(List.of(next)), ":two", AttributeValue.fromN("2"))))
                                        .build()));
                    };
                });
    }

    Workload updateContactAttributes() {
        UpdateContactAttributesHandler handler = new UpdateContactAttributesHandler();
        return new Workload("UpdateContactAttributes",
                () -> {
                    String contactId = fixture.pendingContact();
                    return http(handler::handleRequest, ApiEvents.request("POST", "/contact/attributes")
                            .body("{\"InstanceId\":\"" + Fixture.INSTANCE + "\",\"InitialContactId\":\"" + contactId
                                    + "\",\"Attributes\":{\"status\":\"resolved\"}}").build());
                },
                () -> {
                    String contactId = fixture.pendingContact();
                    return () -> dynamo.updateItem(update -> update.tableName(table)
                            .key(key("C#" + contactId, Fixture.INSTANCE))
                            .updateExpression("SET #lastUpdatedAt = :now, #attributes.#k0 = :v ADD #attrBytes :bytes, #rev :one")
                            .conditionExpression("attribute_exists(#pk) AND #expiresAt > :seconds AND #attrBytes <= :room"
                                    + " AND attribute_not_exists(#attributes.#k0) AND attribute_not_exists(#initial)"
                                    + " AND attribute_not_exists(#chain)")
                            .expressionAttributeNames(Map.of("#lastUpdatedAt", "lastUpdatedAt", "#attributes", "attributes",
                                    "#k0", "status", "#attrBytes", "attrBytes", "#rev", "rev", "#pk", "pk",
                                    "#expiresAt", "expiresAt", "#initial", "initialContactId", "#chain", "chain"))
                            .expressionAttributeValues(Map.of(":now", millis(Instant.now()), ":v", AttributeValue.fromS("resolved"),
                                    ":bytes", AttributeValue.fromN("14"), ":one", AttributeValue.fromN("1"),
                                    ":seconds", seconds(Instant.now()), ":room", AttributeValue.fromN("32754")))
                            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
                });
    }

    Workload getContactAttributes() {
        GetContactAttributesHandler handler = new GetContactAttributesHandler();
        return new Workload("GetContactAttributes",
                () -> http(handler::handleRequest, ApiEvents.request("GET", "/contact/attributes/{InstanceId}/{InitialContactId}")
                        .path("InstanceId", Fixture.INSTANCE).path("InitialContactId", Fixture.CONTACT).build()),
                () -> () -> getItem("C#" + Fixture.CONTACT, Fixture.INSTANCE));
    }

    Workload tagContact() {
        TagContactHandler handler = new TagContactHandler();
        return new Workload("TagContact",
                () -> {
                    String contactId = fixture.pendingContact();
                    return http(handler::handleRequest, ApiEvents.request("POST", "/contact/tags")
                            .body("{\"InstanceId\":\"" + Fixture.INSTANCE + "\",\"ContactId\":\"" + contactId
                                    + "\",\"Tags\":{\"team\":\"billing\"}}").build());
                },
                () -> {
                    String contactId = fixture.pendingContact();
                    return () -> dynamo.updateItem(update -> update.tableName(table)
                            .key(key("C#" + contactId, Fixture.INSTANCE))
                            .updateExpression("SET #lastUpdatedAt = :now, #tags.#k0 = :v ADD #rev :one")
                            .conditionExpression("attribute_exists(#pk) AND #expiresAt > :seconds AND attribute_exists(#tags)"
                                    + " AND attribute_not_exists(#tags.#k0) AND size(#tags) <= :room")
                            .expressionAttributeNames(Map.of("#lastUpdatedAt", "lastUpdatedAt", "#tags", "tags",
                                    "#k0", "team", "#rev", "rev", "#pk", "pk", "#expiresAt", "expiresAt"))
                            .expressionAttributeValues(Map.of(":now", millis(Instant.now()), ":v", AttributeValue.fromS("billing"),
                                    ":one", AttributeValue.fromN("1"), ":seconds", seconds(Instant.now()),
                                    ":room", AttributeValue.fromN("5")))
                            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
                });
    }

    Workload untagContact() {
        UntagContactHandler handler = new UntagContactHandler();
        return new Workload("UntagContact",
                () -> http(handler::handleRequest, ApiEvents.request("DELETE", "/contact/tags/{InstanceId}/{ContactId}")
                        .path("InstanceId", Fixture.INSTANCE).path("ContactId", Fixture.CONTACT)
                        .query("TagKeys", "team").build()),
                () -> () -> dynamo.updateItem(update -> update.tableName(table)
                        .key(key("C#" + Fixture.CONTACT, Fixture.INSTANCE))
                        .updateExpression("SET #lastUpdatedAt = :now REMOVE #tags.#k0 ADD #rev :one")
                        .conditionExpression("attribute_exists(#pk) AND #expiresAt > :seconds AND attribute_exists(#tags)")
                        .expressionAttributeNames(Map.of("#lastUpdatedAt", "lastUpdatedAt", "#tags", "tags",
                                "#k0", "team", "#rev", "rev", "#pk", "pk", "#expiresAt", "expiresAt"))
                        .expressionAttributeValues(Map.of(":now", millis(Instant.now()),
                                ":one", AttributeValue.fromN("1"), ":seconds", seconds(Instant.now())))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
    }

    Workload startTaskContact() {
        StartTaskContactHandler handler = new StartTaskContactHandler();
        return new Workload("StartTaskContact",
                () -> http(handler::handleRequest, ApiEvents.request("PUT", "/contact/task").body(startBody()).build()),
                () -> () -> {
                    String contactId = UUID.randomUUID().toString();
                    dynamo.transactWriteItems(transaction -> transaction.transactItems(
                            put(contactItem(contactId)),
                            exists("I#" + Fixture.INSTANCE, Fixture.INSTANCE),
                            exists("F#" + Fixture.FLOW, Fixture.INSTANCE)));
                });
    }

    Workload flowRunner() {
        FlowRunnerHandler handler = new FlowRunnerHandler();
        return new Workload("FlowRunner (demo flow)",
                () -> {
                    String input = new StartMessage(new ContactKey(Fixture.INSTANCE, fixture.pendingContact()),
                            Fixture.FLOW, null).toJson();
                    return () -> {
                        try {
                            ByteArrayOutputStream output = new ByteArrayOutputStream();
                            handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                                    output, QUIET);
                            Checks.expect(output.toString(StandardCharsets.UTF_8).contains("STARTED"), "FlowRunner", output);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    };
                },
                () -> {
                    String contactId = fixture.pendingContact();
                    return () -> {
                        dynamo.batchGetItem(batch -> batch.requestItems(Map.of(table, KeysAndAttributes.builder()
                                .keys(key("C#" + contactId, Fixture.INSTANCE), key("F#" + Fixture.FLOW, Fixture.INSTANCE))
                                .consistentRead(true).build())));
                        Instant now = Instant.now();
                        Map<String, AttributeValue> values = new java.util.HashMap<>();
                        values.put(":started", AttributeValue.fromS("STARTED"));
                        values.put(":now", millis(now));
                        values.put(":attributes", AttributeValue.fromM(Map.of("orderId", AttributeValue.fromS("42"),
                                "routedBy", AttributeValue.fromS("demo-task-flow"),
                                "taskName", AttributeValue.fromS("Call back customer"))));
                        values.put(":queue", AttributeValue.fromS("support"));
                        values.put(":one", AttributeValue.fromN("1"));
                        dynamo.updateItem(update -> update.tableName(table).key(key("C#" + contactId, Fixture.INSTANCE))
                                .updateExpression("SET #flowStatus = :started, #flowStartedAt = :now, #lastUpdatedAt = :now, "
                                        + "#attributes = :attributes, #queueId = :queue, #enqueuedAt = :now ADD #rev :one")
                                .conditionExpression("#rev = :one")
                                .expressionAttributeNames(Map.of("#flowStatus", "flowStatus", "#flowStartedAt", "flowStartedAt",
                                        "#lastUpdatedAt", "lastUpdatedAt", "#attributes", "attributes", "#queueId", "queueId",
                                        "#enqueuedAt", "enqueuedAt", "#rev", "rev"))
                                .expressionAttributeValues(values)
                                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
                        // the task is open: its expiry's one-shot schedule
                        Instant expiry = now.plus(Duration.ofDays(7));
                        String name = "baseline-x" + UUID.randomUUID();
                        scheduler.createSchedule(schedule -> schedule.name(name)
                                .groupName(fixture.settings.scheduleGroup())
                                .scheduleExpression(TaskSchedules.expression(expiry))
                                .scheduleExpressionTimezone("UTC")
                                .flexibleTimeWindow(window -> window.mode(FlexibleTimeWindowMode.OFF))
                                .actionAfterCompletion(ActionAfterCompletion.DELETE)
                                .target(target -> target.arn(fixture.settings.flowRunnerArn())
                                        .roleArn(fixture.settings.schedulerRoleArn())
                                        .input(new ExpiryMessage(new ContactKey(Fixture.INSTANCE, contactId), expiry).toJson()))
                                .clientToken(name));
                    };
                });
    }

    Workload createInstance() {
        CreateInstanceHandler handler = new CreateInstanceHandler();
        return new Workload("CreateInstance",
                () -> http(handler::handleRequest, ApiEvents.request("PUT", "/instance").body(
                        "{\"IdentityManagementType\":\"CONNECT_MANAGED\",\"InstanceAlias\":\"b-" + shortId()
                                + "\",\"InboundCallsEnabled\":true,\"OutboundCallsEnabled\":false}").build()),
                () -> () -> {
                    String id = UUID.randomUUID().toString();
                    String queueId = UUID.randomUUID().toString();
                    dynamo.transactWriteItems(transaction -> transaction.transactItems(
                            put(Map.of("pk", AttributeValue.fromS("I#" + id), "sk", AttributeValue.fromS(id),
                                    "identityManagementType", AttributeValue.fromS("CONNECT_MANAGED"),
                                    "alias", AttributeValue.fromS("b-" + id.substring(0, 8)),
                                    "inboundCallsEnabled", AttributeValue.fromBool(true),
                                    "outboundCallsEnabled", AttributeValue.fromBool(false),
                                    "tags", AttributeValue.fromM(Map.of()),
                                    "createdAt", millis(Instant.now()),
                                    "listKey", AttributeValue.fromS("LI"), "listOrder", AttributeValue.fromS(id))),
                            // its BasicQueue and the queue's name, as CreateQueue writes them
                            put(Map.of("pk", AttributeValue.fromS("Q#" + queueId), "sk", AttributeValue.fromS(id),
                                    "name", AttributeValue.fromS("BasicQueue"), "hoursOfOperationId", AttributeValue.fromS("hours"),
                                    "queueType", AttributeValue.fromS("STANDARD"), "tags", AttributeValue.fromM(Map.of()),
                                    "lastModifiedAt", millis(Instant.now()),
                                    "listKey", AttributeValue.fromS("LQ#" + id), "listOrder", AttributeValue.fromS(queueId))),
                            put(Map.of("pk", AttributeValue.fromS("QN#BasicQueue"), "sk", AttributeValue.fromS(id),
                                    "ownerId", AttributeValue.fromS(queueId))),
                            put(Map.of("pk", AttributeValue.fromS("A#b-" + shortId()), "sk", AttributeValue.fromS("-"),
                                    "ownerId", AttributeValue.fromS(id)))));
                });
    }

    Workload describeInstance() {
        DescribeInstanceHandler handler = new DescribeInstanceHandler();
        return new Workload("DescribeInstance",
                () -> http(handler::handleRequest, ApiEvents.request("GET", "/instance/{InstanceId}")
                        .path("InstanceId", Fixture.INSTANCE).build()),
                () -> () -> getItem("I#" + Fixture.INSTANCE, Fixture.INSTANCE));
    }

    Workload createContactFlow() {
        CreateContactFlowHandler handler = new CreateContactFlowHandler();
        String content = Flows.read("demo-task.json");
        return new Workload("CreateContactFlow",
                () -> {
                    ObjectNode body = Json.object().put("Name", "Bench " + UUID.randomUUID()).put("Type", "CONTACT_FLOW")
                            .put("Content", content);
                    return http(handler::handleRequest, ApiEvents.request("PUT", "/contact-flows/{InstanceId}")
                            .path("InstanceId", Fixture.INSTANCE).body(Json.write(body)).build());
                },
                () -> () -> {
                    String id = UUID.randomUUID().toString();
                    // the queue the flow names, then the transaction
                    dynamo.batchGetItem(batch -> batch.requestItems(Map.of(table, KeysAndAttributes.builder()
                            .keys(key("Q#" + DemoInstance.SUPPORT_QUEUE_ID, Fixture.INSTANCE)).consistentRead(true).build())));
                    dynamo.transactWriteItems(transaction -> transaction.transactItems(
                            exists("I#" + Fixture.INSTANCE, Fixture.INSTANCE),
                            put(Map.of("pk", AttributeValue.fromS("F#" + id), "sk", AttributeValue.fromS(Fixture.INSTANCE),
                                    "name", AttributeValue.fromS("Bench " + id), "type", AttributeValue.fromS("CONTACT_FLOW"),
                                    "content", AttributeValue.fromS(content), "status", AttributeValue.fromS("PUBLISHED"),
                                    "tags", AttributeValue.fromM(Map.of()), "lastModifiedAt", millis(Instant.now()))),
                            put(Map.of("pk", AttributeValue.fromS("FN#Bench " + id), "sk", AttributeValue.fromS(Fixture.INSTANCE),
                                    "ownerId", AttributeValue.fromS(id)))));
                });
    }

    Workload describeContactFlow() {
        DescribeContactFlowHandler handler = new DescribeContactFlowHandler();
        return new Workload("DescribeContactFlow",
                () -> http(handler::handleRequest, ApiEvents.request("GET", "/contact-flows/{InstanceId}/{ContactFlowId}")
                        .path("InstanceId", Fixture.INSTANCE).path("ContactFlowId", Fixture.FLOW).build()),
                () -> () -> getItem("F#" + Fixture.FLOW, Fixture.INSTANCE));
    }

    Workload createQueue() {
        CreateQueueHandler handler = new CreateQueueHandler();
        return new Workload("CreateQueue",
                () -> http(handler::handleRequest, ApiEvents.request("PUT", "/queues/{InstanceId}").path("InstanceId", Fixture.INSTANCE)
                        .body("{\"Name\":\"Bench " + UUID.randomUUID() + "\",\"HoursOfOperationId\":\"hours\",\"MaxContacts\":10}")
                        .build()),
                () -> () -> {
                    String id = UUID.randomUUID().toString();
                    dynamo.transactWriteItems(transaction -> transaction.transactItems(
                            exists("I#" + Fixture.INSTANCE, Fixture.INSTANCE),
                            put(Map.of("pk", AttributeValue.fromS("Q#" + id), "sk", AttributeValue.fromS(Fixture.INSTANCE),
                                    "name", AttributeValue.fromS("Bench " + id), "hoursOfOperationId", AttributeValue.fromS("hours"),
                                    "maxContacts", AttributeValue.fromN("10"), "queueType", AttributeValue.fromS("STANDARD"),
                                    "tags", AttributeValue.fromM(Map.of()), "lastModifiedAt", millis(Instant.now()),
                                    "listKey", AttributeValue.fromS("LQ#" + Fixture.INSTANCE), "listOrder", AttributeValue.fromS(id))),
                            put(Map.of("pk", AttributeValue.fromS("QN#Bench " + id), "sk", AttributeValue.fromS(Fixture.INSTANCE),
                                    "ownerId", AttributeValue.fromS(id)))));
                });
    }

    Workload describeQueue() {
        DescribeQueueHandler handler = new DescribeQueueHandler();
        return new Workload("DescribeQueue",
                () -> http(handler::handleRequest, ApiEvents.request("GET", "/queues/{InstanceId}/{QueueId}")
                        .path("InstanceId", Fixture.INSTANCE).path("QueueId", DemoInstance.SUPPORT_QUEUE_ID).build()),
                () -> () -> getItem("Q#" + DemoInstance.SUPPORT_QUEUE_ID, Fixture.INSTANCE));
    }

    /** A page of ten: the list's partition queried from its start. */
    Workload listQueues() {
        ListQueuesHandler handler = new ListQueuesHandler();
        return new Workload("ListQueues",
                () -> http(handler::handleRequest, ApiEvents.request("GET", "/queues-summary/{InstanceId}")
                        .path("InstanceId", Fixture.INSTANCE).query("maxResults", "10").build()),
                () -> () -> queryList("LQ#" + Fixture.INSTANCE, 11));
    }

    Workload listContactFlows() {
        ListContactFlowsHandler handler = new ListContactFlowsHandler();
        return new Workload("ListContactFlows",
                () -> http(handler::handleRequest, ApiEvents.request("GET", "/contact-flows-summary/{InstanceId}")
                        .path("InstanceId", Fixture.INSTANCE).query("maxResults", "10").build()),
                () -> () -> queryList("LF#" + Fixture.INSTANCE, 11));
    }

    Workload listInstances() {
        ListInstancesHandler handler = new ListInstancesHandler();
        return new Workload("ListInstances",
                () -> http(handler::handleRequest, ApiEvents.request("GET", "/instance").query("maxResults", "10").build()),
                () -> () -> queryList("LI", 11));
    }

    private void queryList(String list, int limit) {
        dynamo.query(query -> query.tableName(table).indexName("list").keyConditionExpression("#listKey = :list")
                .expressionAttributeNames(Map.of("#listKey", "listKey"))
                .expressionAttributeValues(Map.of(":list", AttributeValue.fromS(list))).limit(limit));
    }

    private APIGatewayV2HTTPEvent event(String module) {
        try {
            return HttpEvents.read(new java.io.ByteArrayInputStream(
                    fixture.event(module, 0).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key of a template item and of the instance item whose count of templates it is in. */
    private Map<String, AttributeValue> templateKey(APIGatewayV2HTTPEvent event) {
        return key("TT#" + event.getPathParameters().get("InstanceId"), event.getPathParameters().get("TaskTemplateId"));
    }

    Workload createTaskTemplate() {
        CreateTaskTemplateHandler handler = new CreateTaskTemplateHandler();
        return new Workload("CreateTaskTemplate",
                () -> http(handler::handleRequest, event("create-task-template")),
                () -> {
                    String instance = fixture.templateInstance();
                    return () -> {
                        getItem("F#" + Fixture.FLOW, instance);
                        dynamo.transactWriteItems(transaction -> transaction.transactItems(
                                TransactWriteItem.builder().update(update -> update.tableName(table).key(key("I#" + instance, instance))
                                        .updateExpression("ADD #templates :one").conditionExpression("attribute_exists(pk)")
                                        .expressionAttributeNames(Map.of("#templates", "templates"))
                                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))).build(),
                                put(templateItem(instance))));
                    };
                });
    }

    /** An item of the size and shape of a new task template (the sample's). */
    private static Map<String, AttributeValue> templateItem(String instance) {
        List<AttributeValue> fields = new ArrayList<>();
        for (String[] field : new String[][] {{"Title", "NAME"}, {"Details", "DESCRIPTION"}, {"Order", "URL"},
                {"Priority", "SINGLE_SELECT"}, {"Expiry", "EXPIRY_DURATION"}}) {
            fields.add(AttributeValue.fromM(Map.of("name", AttributeValue.fromS(field[0]), "type", AttributeValue.fromS(field[1]))));
        }
        Map<String, AttributeValue> item = new java.util.HashMap<>(key("TT#" + instance, UUID.randomUUID().toString()));
        item.put("name", AttributeValue.fromS("Callback"));
        item.put("description", AttributeValue.fromS("Call the customer back about an order"));
        item.put("flowId", AttributeValue.fromS(Fixture.FLOW));
        item.put("status", AttributeValue.fromS("ACTIVE"));
        item.put("fields", AttributeValue.fromL(fields));
        item.put("required", AttributeValue.fromL(List.of(AttributeValue.fromS("Title"), AttributeValue.fromS("Order"))));
        item.put("readOnly", AttributeValue.fromL(List.of()));
        item.put("invisible", AttributeValue.fromL(List.of()));
        item.put("defaults", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("name", AttributeValue.fromS("Title"),
                "value", AttributeValue.fromS("Call back customer"))))));
        item.put("createdAt", millis(Instant.now()));
        item.put("lastModifiedAt", millis(Instant.now()));
        item.put("rev", AttributeValue.fromN("1"));
        return item;
    }

    Workload getTaskTemplate() {
        GetTaskTemplateHandler handler = new GetTaskTemplateHandler();
        APIGatewayV2HTTPEvent event = event("get-task-template");
        return new Workload("GetTaskTemplate", () -> http(handler::handleRequest, event),
                () -> () -> dynamo.getItem(get -> get.tableName(table).key(templateKey(event)).consistentRead(true)));
    }

    Workload updateTaskTemplate() {
        UpdateTaskTemplateHandler handler = new UpdateTaskTemplateHandler();
        APIGatewayV2HTTPEvent event = event("update-task-template");
        return new Workload("UpdateTaskTemplate", () -> http(handler::handleRequest, event),
                () -> () -> {
                    Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).key(templateKey(event))
                            .consistentRead(true)).item();
                    dynamo.putItem(put -> put.tableName(table).item(item).conditionExpression("#rev = :rev")
                            .expressionAttributeNames(Map.of("#rev", "rev"))
                            .expressionAttributeValues(Map.of(":rev", item.get("rev"))));
                });
    }

    Workload listTaskTemplates() {
        ListTaskTemplatesHandler handler = new ListTaskTemplatesHandler();
        APIGatewayV2HTTPEvent event = event("get-task-template");
        String instance = event.getPathParameters().get("InstanceId");
        return new Workload("ListTaskTemplates",
                () -> http(handler::handleRequest, ApiEvents.request("GET", "/instance/{InstanceId}/task/template")
                        .path("InstanceId", instance).query("maxResults", "10").build()),
                () -> () -> dynamo.query(query -> query.tableName(table).keyConditionExpression("#pk = :v0")
                        .projectionExpression("#sk, #name, #description, #status, #createdAt, #lastModifiedAt")
                        .expressionAttributeNames(Map.of("#pk", "pk", "#sk", "sk", "#name", "name", "#description", "description",
                                "#status", "status", "#createdAt", "createdAt", "#lastModifiedAt", "lastModifiedAt"))
                        .expressionAttributeValues(Map.of(":v0", AttributeValue.fromS("TT#" + instance)))
                        .consistentRead(true).limit(10)));
    }

    Workload deleteTaskTemplate() {
        DeleteTaskTemplateHandler handler = new DeleteTaskTemplateHandler();
        return new Workload("DeleteTaskTemplate",
                () -> http(handler::handleRequest, event("delete-task-template")),
                () -> {
                    APIGatewayV2HTTPEvent event = event("delete-task-template");
                    String instance = event.getPathParameters().get("InstanceId");
                    return () -> dynamo.transactWriteItems(transaction -> transaction.transactItems(
                            TransactWriteItem.builder().delete(delete -> delete.tableName(table).key(templateKey(event))
                                    .conditionExpression("attribute_exists(pk)")).build(),
                            TransactWriteItem.builder().update(update -> update.tableName(table).key(key("I#" + instance, instance))
                                    .updateExpression("ADD #templates :minus").conditionExpression("attribute_exists(pk)")
                                    .expressionAttributeNames(Map.of("#templates", "templates"))
                                    .expressionAttributeValues(Map.of(":minus", AttributeValue.fromN("-1")))).build()));
                });
    }

    private interface HttpHandler {
        APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, com.amazonaws.services.lambda.runtime.Context context);
    }

    private static Runnable http(HttpHandler handler, APIGatewayV2HTTPEvent event) {
        return () -> {
            APIGatewayV2HTTPResponse response = handler.handle(event, QUIET);
            Checks.expect(response.getStatusCode() == 200, event.getRouteKey(), response.getBody());
        };
    }

    private String startBody() {
        try {
            ObjectNode body = (ObjectNode) Json.MAPPER.readTree(
                    Json.MAPPER.readTree(fixture.event("start-task-contact", 0)).get("body").asText());
            return Json.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An item of the size and shape of a new contact. */
    private static Map<String, AttributeValue> contactItem(String contactId) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key("C#" + contactId, Fixture.INSTANCE));
        item.put("name", AttributeValue.fromS("Call back customer"));
        item.put("description", AttributeValue.fromS("Re: order 42"));
        item.put("flowId", AttributeValue.fromS(Fixture.FLOW));
        item.put("attributes", AttributeValue.fromM(Map.of("orderId", AttributeValue.fromS("42"))));
        item.put("references", AttributeValue.fromM(Map.of("Order", AttributeValue.fromM(Map.of(
                "type", AttributeValue.fromS("URL"), "value", AttributeValue.fromS("https://crm.example.com/orders/42"))))));
        for (String number : List.of("expiresAt", "rev", "refBytes", "initiatedAt", "lastUpdatedAt")) {
            item.put(number, AttributeValue.fromN("1795694400"));
        }
        item.put("flowStatus", AttributeValue.fromS("PENDING"));
        return item;
    }

    private void getItem(String pk, String sk) {
        dynamo.getItem(get -> get.tableName(table).key(key(pk, sk)).consistentRead(true));
    }

    private static AttributeValue millis(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
    }

    private static AttributeValue seconds(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.getEpochSecond()));
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build();
    }

    private TransactWriteItem exists(String pk, String sk) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(key(pk, sk))
                .conditionExpression("attribute_exists(pk)").build()).build();
    }

    private static Instant later() {
        return Instant.now().plus(Duration.ofDays(1)).plusMillis((long) (Math.random() * 3_600_000));
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 18).replace("-", "");
    }
}
