package dev.connecttasks.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.ContactRules;
import dev.connecttasks.contact.FlowStatus;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.flow.StartMessage;
import dev.connecttasks.handler.FlowRunnerHandler;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.testing.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.InvalidParameterException;
import software.amazon.awssdk.services.connect.model.InvalidRequestException;
import software.amazon.awssdk.services.connect.model.Reference;
import software.amazon.awssdk.services.connect.model.ReferenceType;
import software.amazon.awssdk.services.connect.model.StartTaskContactRequest;

/** Races, through the gateway and the real clients; each must end in one of its allowed outcomes. */
class RacesIT {
    private static final String INSTANCE = DemoInstance.INSTANCE_ID;
    private static final String FLOW = DemoInstance.FLOW_ID;
    private static IsolatedApi api;
    private static ConnectClient connect;
    private static FlowRunnerHandler runner;
    private static ExecutorService pool;

    @BeforeAll
    static void start() throws Exception {
        api = new IsolatedApi();
        connect = RunningBackend.connectClient(api.url(), false);
        runner = new FlowRunnerHandler(api.backend.runFlowWhenDue(), api.backend.expireContact());
        pool = Executors.newFixedThreadPool(50);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
        api.close();
    }

    private static <T> List<T> all(List<Callable<T>> calls) throws Exception {
        List<T> results = new ArrayList<>();
        for (Future<T> result : pool.invokeAll(calls)) {
            results.add(result.get());
        }
        return results;
    }

    private static String run(String input) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        runner.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), output, new TestContext());
        return output.toString(StandardCharsets.UTF_8);
    }

    private static Contact stored(String contactId) {
        return api.backend.table.find(new ContactKey(INSTANCE, contactId), Instant.now()).orElseThrow();
    }

    @Test
    void fiftyConcurrentStartsWithOneClientTokenMakeOneContactAndFiftyIdenticalAnswers() throws Exception {
        String name = "Race " + UUID.randomUUID();
        StartTaskContactRequest request = StartTaskContactRequest.builder().instanceId(INSTANCE).contactFlowId(FLOW)
                .name(name).clientToken(UUID.randomUUID().toString()).build();
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(() -> connect.startTaskContact(request).contactId());
        }
        List<String> answers = all(calls);
        assertEquals(50, answers.size());
        assertEquals(1, new HashSet<>(answers).size());
        long contacts = api.backend.contactItems().stream().filter(item -> item.get("name").s().equals(name)).count();
        assertEquals(1, contacts);
        // every answer invoked the flow-runner; the flow started once
        String contactId = answers.get(0);
        List<String> outcomes = new ArrayList<>();
        for (String payload : api.backend.streamedStarts()) {
            if (payload.contains(contactId)) {
                outcomes.add(run(payload));
            }
        }
        assertEquals(1, outcomes.stream().filter(outcome -> outcome.contains("\"STARTED\"")).count(), outcomes.toString());
        assertEquals(FlowStatus.STARTED, stored(contactId).flowStatus());
    }

    @Test
    void twentyConcurrentReferenceUpdatesLoseNoneAndNeverExceedTheCap() throws Exception {
        String contactId = connect.startTaskContact(StartTaskContactRequest.builder().instanceId(INSTANCE)
                .contactFlowId(FLOW).name("Refs").build()).contactId();
        // 20 references of 244 bytes each (4-byte name, 240-byte value): 16 fit in 4,096 bytes
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String name = String.format("r-%02d", i);
            calls.add(() -> {
                try {
                    connect.updateContact(update -> update.instanceId(INSTANCE).contactId(contactId).references(Map.of(name,
                            Reference.builder().type(ReferenceType.STRING).value("v".repeat(240)).build())));
                    return name;
                } catch (InvalidParameterException overTheCap) {
                    return "rejected";
                }
            });
        }
        List<String> results = all(calls);
        Set<String> accepted = new HashSet<>(results);
        accepted.remove("rejected");
        Contact contact = stored(contactId);
        assertEquals(16, accepted.size(), results.toString());
        assertEquals(accepted, contact.references().keySet());
        assertTrue(ContactRules.referenceBytes(contact.references()) <= ContactRules.MAX_REFERENCE_BYTES);
    }

    @Test
    void aRescheduleRacingTheFlowStartEndsMovedOrStartedNeverBoth() throws Exception {
        int moved = 0;
        int started = 0;
        for (int trial = 0; trial < 20; trial++) {
            Instant at = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
            String contactId = api.backend.startTaskContact().start(new TaskRequest(INSTANCE, FLOW, "Race", null, Map.of(),
                    Map.of(), null, null, null, at));
            Instant later = at.plusSeconds(600);
            CountDownLatch go = new CountDownLatch(1);
            Future<String> reschedule = pool.submit(() -> {
                go.await();
                try {
                    connect.updateContactSchedule(update -> update.instanceId(INSTANCE).contactId(contactId)
                            .scheduledTime(later));
                    return "moved";
                } catch (InvalidRequestException alreadyStarted) {
                    return "rejected";
                }
            });
            Future<String> start = pool.submit(() -> {
                go.await();
                return run(new StartMessage(new ContactKey(INSTANCE, contactId), FLOW, at).toJson());
            });
            go.countDown();
            String rescheduled = reschedule.get();
            String outcome = start.get();
            Contact contact = stored(contactId);
            if (rescheduled.equals("moved")) {
                assertTrue(outcome.contains("SUPERSEDED"), outcome);
                assertEquals(FlowStatus.SCHEDULED, contact.flowStatus());
                assertEquals(later, contact.scheduledAt());
                moved++;
            } else {
                assertTrue(outcome.contains("\"STARTED\""), outcome);
                assertEquals(FlowStatus.STARTED, contact.flowStatus());
                assertEquals(at, contact.scheduledAt());
                started++;
            }
        }
        assertEquals(20, moved + started);
        System.out.println("[races] reschedule vs start: " + moved + " moved, " + started + " started");
    }

    @Test
    void aStopRacingTheScheduleFiringEndsCancelledOrStartedThenStoppedNeverStartedAfterTheStop() throws Exception {
        int cancelled = 0;
        int startedThenStopped = 0;
        for (int trial = 0; trial < 20; trial++) {
            Instant at = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
            String contactId = api.backend.startTaskContact().start(new TaskRequest(INSTANCE, FLOW, "Race", null, Map.of(),
                    Map.of(), null, null, null, at));
            CountDownLatch go = new CountDownLatch(1);
            Future<?> stop = pool.submit(() -> {
                go.await();
                connect.stopContact(request -> request.instanceId(INSTANCE).contactId(contactId));
                return null;
            });
            Future<String> start = pool.submit(() -> {
                go.await();
                return run(new StartMessage(new ContactKey(INSTANCE, contactId), FLOW, at).toJson());
            });
            go.countDown();
            stop.get();
            String outcome = start.get();
            Contact contact = stored(contactId);
            assertEquals("API", contact.disconnectReason());
            if (outcome.contains("\"STARTED\"")) {
                // the start won, whole (the flow queued the task), and the stop ended the started task
                assertEquals(FlowStatus.STARTED, contact.flowStatus());
                assertTrue(contact.queue() != null, contact.toString());
                startedThenStopped++;
            } else {
                assertTrue(outcome.contains("ENDED"), outcome);
                assertEquals(FlowStatus.SCHEDULED, contact.flowStatus());
                cancelled++;
            }
        }
        assertEquals(20, cancelled + startedThenStopped);
        System.out.println("[races] stop vs start: " + cancelled + " cancelled, " + startedThenStopped + " started then stopped");
    }

    @Test
    void threeConcurrentFlowRunnerInvocationsStartTheFlowOnce() throws Exception {
        for (int trial = 0; trial < 10; trial++) {
            String contactId = api.backend.startTaskContact().start(new TaskRequest(INSTANCE, FLOW, "Thrice", null,
                    Map.of(), Map.of(), null, null, null, null));
            String input = new StartMessage(new ContactKey(INSTANCE, contactId), FLOW, null).toJson();
            List<Callable<String>> calls = List.of(() -> run(input), () -> run(input), () -> run(input));
            List<String> outcomes = all(calls);
            assertEquals(1, outcomes.stream().filter(outcome -> outcome.contains("\"STARTED\"")).count(), outcomes.toString());
            assertEquals(2, outcomes.stream().filter(outcome -> outcome.contains("ALREADY_STARTED")).count(), outcomes.toString());
        }
    }
}
