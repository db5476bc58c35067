package dev.connecttasks.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connecttasks.json.Json;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.testing.ApiEvents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local API through the AWS CLI (the one ./dev installs into .venv), checking the JSON it prints. */
class AwsCliIT {
    private static final String INSTANCE = DemoInstance.INSTANCE_ID;
    private static final String FLOW = DemoInstance.FLOW_ID;
    private static Path cli;
    private static String endpoint;

    private record Result(int exitCode, String out, String err) {
        JsonNode json() throws IOException {
            return Json.MAPPER.readTree(out);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        cli = ApiEvents.repositoryRoot().resolve(".venv/bin/aws");
        if (!Files.isExecutable(cli)) {
            throw new IllegalStateException(cli + " is missing: ./dev test installs the AWS CLI into .venv");
        }
        endpoint = RunningBackend.get().apiUrl();
    }

    private static Result aws(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(cli.toString(), "connect"));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--endpoint-url", endpoint, "--region", "us-east-1", "--output", "json"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("AWS_ACCESS_KEY_ID", "test");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "test");
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("aws " + String.join(" ", arguments) + " did not finish");
        }
        return new Result(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void startDescribeUpdateListAndReschedule() throws Exception {
        long at = Instant.now().plusSeconds(3600).getEpochSecond();
        Result started = aws("start-task-contact", "--instance-id", INSTANCE, "--contact-flow-id", FLOW,
                "--name", "Call back customer", "--attributes", "orderId=42",
                "--references", "{\"Order\":{\"Value\":\"https://crm.example.com/orders/42\",\"Type\":\"URL\"}}",
                "--scheduled-time", String.valueOf(at));
        assertEquals(0, started.exitCode(), started.err());
        String contactId = started.json().get("ContactId").asText();
        assertEquals(36, contactId.length());

        Result described = aws("describe-contact", "--instance-id", INSTANCE, "--contact-id", contactId);
        assertEquals(0, described.exitCode(), described.err());
        JsonNode contact = described.json().get("Contact");
        assertEquals(contactId, contact.get("Id").asText());
        assertEquals("TASK", contact.get("Channel").asText());
        assertEquals("API", contact.get("InitiationMethod").asText());
        assertEquals("Call back customer", contact.get("Name").asText());
        // AWS CLI v1 prints timestamps as they came over the wire: epoch seconds
        assertTrue(contact.get("ScheduledTimestamp").isNumber(), contact.toString());
        assertEquals(at, contact.get("ScheduledTimestamp").asLong());

        Result updated = aws("update-contact", "--instance-id", INSTANCE, "--contact-id", contactId,
                "--description", "Re: order 42");
        assertEquals(0, updated.exitCode(), updated.err());

        Result moved = aws("update-contact-schedule", "--instance-id", INSTANCE, "--contact-id", contactId,
                "--scheduled-time", String.valueOf(at + 60));
        assertEquals(0, moved.exitCode(), moved.err());
        JsonNode after = aws("describe-contact", "--instance-id", INSTANCE, "--contact-id", contactId).json().get("Contact");
        assertEquals("Re: order 42", after.get("Description").asText());
        assertEquals(at + 60, after.get("ScheduledTimestamp").asLong());

        Result listed = aws("list-contact-references", "--instance-id", INSTANCE, "--contact-id", contactId,
                "--reference-types", "URL");
        assertEquals(0, listed.exitCode(), listed.err());
        assertEquals("{\"ReferenceSummaryList\":[{\"Url\":{\"Name\":\"Order\",\"Value\":\"https://crm.example.com/orders/42\"}}]}",
                Json.write(listed.json()));
    }

    @Test
    void errorsArePrintedWithTheirCodeAndMessage() throws Exception {
        Result missing = aws("describe-contact", "--instance-id", INSTANCE, "--contact-id", "no-such-contact");
        assertNotEquals(0, missing.exitCode());
        assertTrue(missing.err().contains("An error occurred (ResourceNotFoundException) when calling the "
                + "DescribeContact operation: Contact no-such-contact was not found"), missing.err());

        Result past = aws("start-task-contact", "--instance-id", INSTANCE, "--contact-flow-id", FLOW,
                "--name", "n", "--scheduled-time", "1000000000");
        assertNotEquals(0, past.exitCode());
        assertTrue(past.err().contains("(InvalidParameterException)"), past.err());
        assertTrue(past.err().contains("ScheduledTime must not be in the past."), past.err());
    }

    @Test
    void tagAndUntagAContact() throws Exception {
        String contactId = aws("start-task-contact", "--instance-id", INSTANCE, "--contact-flow-id", FLOW,
                "--name", "Tagged").json().get("ContactId").asText();
        Result tagged = aws("tag-contact", "--instance-id", INSTANCE, "--contact-id", contactId,
                "--tags", "team=billing,priority=high");
        assertEquals(0, tagged.exitCode(), tagged.err());
        // keys with commas and plus signs survive the query string
        Result more = aws("tag-contact", "--instance-id", INSTANCE, "--contact-id", contactId,
                "--tags", "{\"a,b+c\":\"odd\"}");
        assertEquals(0, more.exitCode(), more.err());
        JsonNode tags = aws("describe-contact", "--instance-id", INSTANCE, "--contact-id", contactId).json()
                .get("Contact").get("Tags");
        assertEquals(Json.MAPPER.readTree("{\"a,b+c\":\"odd\",\"priority\":\"high\",\"team\":\"billing\"}"), tags);

        Result untagged = aws("untag-contact", "--instance-id", INSTANCE, "--contact-id", contactId,
                "--tag-keys", "priority", "a,b+c");
        assertEquals(0, untagged.exitCode(), untagged.err());
        assertEquals(Json.MAPPER.readTree("{\"team\":\"billing\"}"), aws("describe-contact", "--instance-id", INSTANCE,
                "--contact-id", contactId).json().get("Contact").get("Tags"));

        Result refused = aws("tag-contact", "--instance-id", INSTANCE, "--contact-id", contactId, "--tags", "aws:x=1");
        assertEquals(255, refused.exitCode(), refused.out());
        assertTrue(refused.err().contains("InvalidParameterException"), refused.err());
    }

    @Test
    void stopATask() throws Exception {
        String contactId = aws("start-task-contact", "--instance-id", INSTANCE, "--contact-flow-id", FLOW,
                "--name", "To stop", "--scheduled-time", String.valueOf(Instant.now().plusSeconds(3600).getEpochSecond()))
                .json().get("ContactId").asText();
        Result stopped = aws("stop-contact", "--instance-id", INSTANCE, "--contact-id", contactId);
        assertEquals(0, stopped.exitCode(), stopped.err());
        JsonNode contact = aws("describe-contact", "--instance-id", INSTANCE, "--contact-id", contactId).json().get("Contact");
        assertEquals("API", contact.get("DisconnectReason").asText());
        Result again = aws("stop-contact", "--instance-id", INSTANCE, "--contact-id", contactId);
        assertEquals(255, again.exitCode(), again.out());
        assertTrue(again.err().contains("ContactNotFoundException"), again.err());
    }

    @Test
    void transferATaskAndShareAttributesAlongItsChain() throws Exception {
        String first = aws("start-task-contact", "--instance-id", INSTANCE, "--contact-flow-id", FLOW, "--name", "To transfer",
                "--segment-attributes", "{\"connect:ContactExpiry\":{\"ValueMap\":{\"ExpiryDuration\":{\"ValueInteger\":120}}}}")
                .json().get("ContactId").asText();
        JsonNode queued = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> aws("describe-contact", "--instance-id", INSTANCE, "--contact-id", first).json().get("Contact"),
                        contact -> contact.has("QueueInfo"));
        assertEquals(120, queued.get("SegmentAttributes").get("connect:ContactExpiry").get("ValueMap").get("ExpiryDuration")
                .get("ValueInteger").asInt());

        Result transferred = aws("transfer-contact", "--instance-id", INSTANCE, "--contact-id", first,
                "--contact-flow-id", FLOW, "--queue-id", "escalations");
        assertEquals(0, transferred.exitCode(), transferred.err());
        String second = transferred.json().get("ContactId").asText();
        JsonNode next = aws("describe-contact", "--instance-id", INSTANCE, "--contact-id", second).json().get("Contact");
        assertEquals("TRANSFER", next.get("InitiationMethod").asText());
        assertEquals(first, next.get("PreviousContactId").asText());
        assertEquals(first, next.get("InitialContactId").asText());
        assertEquals("TRANSFERRED", aws("describe-contact", "--instance-id", INSTANCE, "--contact-id", first).json()
                .get("Contact").get("DisconnectReason").asText());

        Result updated = aws("update-contact-attributes", "--instance-id", INSTANCE, "--initial-contact-id", second,
                "--attributes", "status=resolved");
        assertEquals(0, updated.exitCode(), updated.err());
        Result attributes = aws("get-contact-attributes", "--instance-id", INSTANCE, "--initial-contact-id", first);
        assertEquals(0, attributes.exitCode(), attributes.err());
        assertEquals("resolved", attributes.json().get("Attributes").get("status").asText());

        Result again = aws("transfer-contact", "--instance-id", INSTANCE, "--contact-id", first, "--contact-flow-id", FLOW);
        assertEquals(255, again.exitCode(), again.out());
        assertTrue(again.err().contains("InvalidRequestException"), again.err());
    }

    @Test
    void searchContactsFindsTasksByAttribute() throws Exception {
        String run = UUID.randomUUID().toString();
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Result result = aws("start-task-contact", "--instance-id", INSTANCE, "--contact-flow-id", FLOW,
                    "--name", "searched " + i, "--attributes", "run=" + run);
            assertEquals(0, result.exitCode(), result.err());
            started.add(result.json().get("ContactId").asText());
        }
        long now = Instant.now().getEpochSecond();
        Result found = aws("search-contacts", "--instance-id", INSTANCE,
                "--time-range", "Type=INITIATION_TIMESTAMP,StartTime=" + (now - 3600) + ",EndTime=" + (now + 60),
                "--search-criteria", "{\"SearchableContactAttributes\":{\"Criteria\":[{\"Key\":\"run\",\"Values\":[\"" + run + "\"]}]}}",
                "--sort", "FieldName=INITIATION_TIMESTAMP,Order=ASCENDING", "--page-size", "2");
        assertEquals(0, found.exitCode(), found.err());
        List<String> ids = new ArrayList<>();
        found.json().get("Contacts").forEach(contact -> ids.add(contact.get("Id").asText()));
        assertEquals(started, ids, "the CLI follows NextToken and prints every page");
        assertEquals("TASK", found.json().get("Contacts").get(0).get("Channel").asText());

        Result tooLong = aws("search-contacts", "--instance-id", INSTANCE,
                "--time-range", "Type=INITIATION_TIMESTAMP,StartTime=0,EndTime=" + now);
        assertEquals(255, tooLong.exitCode(), tooLong.out());
        assertTrue(tooLong.err().contains("InvalidParameterException") && tooLong.err().contains("8 weeks"), tooLong.err());
    }

    @Test
    void queuesAreCreatedDescribedAndListedPageByPage() throws Exception {
        String name = "CLI queue " + UUID.randomUUID();
        Result created = aws("create-queue", "--instance-id", INSTANCE, "--name", name, "--hours-of-operation-id", "hours-1",
                "--max-contacts", "5");
        assertEquals(0, created.exitCode(), created.err());
        String queueId = created.json().get("QueueId").asText();
        Result described = aws("describe-queue", "--instance-id", INSTANCE, "--queue-id", queueId);
        assertEquals(0, described.exitCode(), described.err());
        assertEquals(5, described.json().get("Queue").get("MaxContacts").asInt());
        assertEquals("ENABLED", described.json().get("Queue").get("Status").asText());
        // the CLI follows every NextToken itself, two at a time
        Result listed = aws("list-queues", "--instance-id", INSTANCE, "--page-size", "2");
        assertEquals(0, listed.exitCode(), listed.err());
        List<String> names = new ArrayList<>();
        listed.json().get("QueueSummaryList").forEach(queue -> names.add(queue.get("Name").asText()));
        assertTrue(names.containsAll(List.of("BasicQueue", "Support", name)), names.toString());
        assertEquals(names.size(), new java.util.HashSet<>(names).size());
        Result badToken = aws("list-queues", "--instance-id", INSTANCE, "--no-paginate", "--next-token", "forged");
        assertEquals(255, badToken.exitCode(), badToken.err());
        assertTrue(badToken.err().contains("(InvalidParameterException)"), badToken.err());
        Result instances = aws("list-instances");
        assertEquals(0, instances.exitCode(), instances.err());
        List<String> ids = new ArrayList<>();
        instances.json().get("InstanceSummaryList").forEach(instance -> ids.add(instance.get("Id").asText()));
        assertTrue(ids.contains(INSTANCE), ids.toString());
    }
}
