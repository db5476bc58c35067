package dev.connecttasks.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connecttasks.contact.TaskRequest;
import dev.connecttasks.instance.ListRequest;
import dev.connecttasks.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The generated corpus of malformed and hostile requests, through the local gateway to the real
 * handlers: every answer is a 4xx in the Connect error shape (but for a request-target that is not a
 * URI at all, which the HTTP server refuses with its own 400), none is a 5xx, and the table holds the
 * same items before and after.
 */
class HostileInputIT {
    private static IsolatedApi api;
    private static String scheduled;
    private static String immediate;
    private static String queuesToken;

    @BeforeAll
    static void start() throws Exception {
        api = new IsolatedApi();
        scheduled = api.backend.startTaskContact().start(new TaskRequest(HostileCorpus.INSTANCE, HostileCorpus.FLOW,
                "Scheduled", null, Map.of(), Map.of(), null, null, null, Instant.now().plus(Duration.ofHours(2))));
        immediate = api.backend.startTaskContact().start(new TaskRequest(HostileCorpus.INSTANCE, HostileCorpus.FLOW,
                "Now", null, Map.of(), Map.of(), null, null, null, null));
        queuesToken = api.backend.listQueues().list(new ListRequest(HostileCorpus.INSTANCE, Set.of(), null, 1)).nextToken();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Map<String, Map<String, AttributeValue>> tableItems() {
        Map<String, Map<String, AttributeValue>> items = new TreeMap<>();
        dev.connecttasks.testing.Emulator.dynamo().scanPaginator(scan -> scan.tableName(api.backend.settings.tableName()))
                .items().forEach(item -> items.put(item.get("pk").s() + "|" + item.get("sk").s(), item));
        return items;
    }

    @Test
    void everyHostileRequestIsA4xxInTheConnectErrorShapeAndWritesNothing() throws Exception {
        List<HostileCorpus.Case> corpus = HostileCorpus.generate(scheduled, immediate, queuesToken);
        assertTrue(corpus.size() >= 300, "corpus of " + corpus.size());
        Map<String, Map<String, AttributeValue>> before = tableItems();
        List<String> schedulesBefore = api.backend.scheduleNames();
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (HostileCorpus.Case hostile : corpus) {
            RawHttp.Response response;
            try {
                response = RawHttp.send(api.url(), hostile.method(), hostile.path(), hostile.contentType(), hostile.body());
            } catch (IOException | RuntimeException noAnswer) {
                failures.add(hostile.name() + ": no answer (" + noAnswer + ")");
                continue;
            }
            statuses.merge(response.status(), 1, Integer::sum);
            String problem = hostile.invalidUri() ? (response.status() == 400 ? null : "status " + response.status())
                    : problem(response);
            if (problem != null) {
                failures.add(hostile.name() + ": " + problem);
            }
        }
        System.out.println("[hostile corpus] " + corpus.size() + " requests (" + corpus.stream()
                .filter(HostileCorpus.Case::invalidUri).count() + " with an invalid URI), statuses " + statuses);
        assertEquals(List.of(), failures);
        assertEquals(before, tableItems());
        assertEquals(schedulesBefore, api.backend.scheduleNames());
    }

    /** What is wrong with an answer to a hostile request, or null. */
    private static String problem(RawHttp.Response response) {
        if (response.status() < 400 || response.status() > 499) {
            return "status " + response.status() + " " + response.body();
        }
        try {
            JsonNode body = Json.MAPPER.readTree(response.body());
            if (response.header("X-Amzn-ErrorType") == null) {
                // a request no function saw (unknown route, body too large) gets API Gateway's own answer
                return response.header("apigw-requestid") == null || body.path("message").asText().isEmpty()
                        ? "neither the Connect error shape nor API Gateway's: " + response.headers() + " " + response.body() : null;
            }
            if (response.header("x-amzn-RequestId") == null) {
                return "no x-amzn-RequestId: " + response.headers();
            }
            return body.path("Message").asText().isEmpty() ? "no Message: " + response.body() : null;
        } catch (Exception e) {
            return "body is not JSON: " + response.body();
        }
    }
}
