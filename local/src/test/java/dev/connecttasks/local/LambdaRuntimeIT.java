package dev.connecttasks.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connecttasks.json.Json;
import dev.connecttasks.local.fixture.RuntimeFixture;
import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.testing.ApiEvents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.Contact;

/**
 * The local runtime is the program Lambda runs: each function's deployment jar in a JVM of its own under
 * the Lambda Runtime Interface Client, with the environment of a SnapStart function (credentials from the
 * container credentials endpoint only), Lambda's concurrency, its Timeout and its error document.
 */
class LambdaRuntimeIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The environment variables of a running process, as the kernel holds them. */
    private static Map<String, String> environmentOf(long pid) throws IOException {
        Map<String, String> environment = new HashMap<>();
        for (String entry : Files.readString(Path.of("/proc", Long.toString(pid), "environ"), StandardCharsets.UTF_8).split("\0")) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                environment.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        return environment;
    }

    @Test
    void aDeployedFunctionWithContainerCredentialsOnlyAnswersForAnExistingContact() throws Exception {
        LocalBackend backend = RunningBackend.get();
        ConnectClient connect = RunningBackend.connectClient();
        String contactId = connect.startTaskContact(task -> task.instanceId(DemoInstance.INSTANCE_ID)
                .contactFlowId(DemoInstance.FLOW_ID).name("deployed path")).contactId();

        Contact contact = connect.describeContact(describe -> describe.instanceId(DemoInstance.INSTANCE_ID)
                .contactId(contactId)).contact();

        assertEquals(contactId, contact.id());
        assertTrue(backend.credentialsServed() > 0, "no function fetched container credentials");
        List<Long> describers = backend.environments().get("DescribeContactFunction");
        assertFalse(describers.isEmpty());
        for (List<Long> pids : backend.environments().values()) {
            for (long pid : pids) {
                Map<String, String> environment = environmentOf(pid);
                String command = ProcessHandle.of(pid).flatMap(process -> process.info().commandLine()).orElse("");
                assertAll("environment " + pid,
                        () -> assertFalse(environment.containsKey("AWS_ACCESS_KEY_ID"), environment.toString()),
                        () -> assertFalse(environment.containsKey("AWS_SECRET_ACCESS_KEY"), environment.toString()),
                        () -> assertFalse(environment.containsKey("AWS_SESSION_TOKEN"), environment.toString()),
                        () -> assertTrue(environment.containsKey("AWS_CONTAINER_CREDENTIALS_FULL_URI")),
                        () -> assertTrue(environment.containsKey("AWS_CONTAINER_AUTHORIZATION_TOKEN")),
                        () -> assertEquals("snap-start", environment.get("AWS_LAMBDA_INITIALIZATION_TYPE")),
                        () -> assertEquals("connect-tasks-contacts", environment.get("TABLE_NAME")),
                        () -> assertTrue(command.contains("com.amazonaws.services.lambda.runtime.api.client.AWSLambda"), command));
            }
        }
    }

    @Test
    void twentyConcurrentRequestsToOneOperationAllSucceedOnAtMostTheCapOfEnvironments() throws Exception {
        LocalBackend backend = RunningBackend.get();
        ConnectClient connect = RunningBackend.connectClient(backend.apiUrl(), false);
        ExecutorService callers = Executors.newFixedThreadPool(20);
        try {
            List<Future<String>> started = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String name = "concurrent " + i;
                started.add(callers.submit(() -> connect.startTaskContact(task -> task.instanceId(DemoInstance.INSTANCE_ID)
                        .contactFlowId(DemoInstance.FLOW_ID).name(name)).contactId()));
            }
            List<String> contactIds = new ArrayList<>();
            for (Future<String> contactId : started) {
                contactIds.add(contactId.get());
            }
            assertEquals(20, contactIds.stream().distinct().count());
        } finally {
            callers.shutdownNow();
        }
        int environments = backend.environments().get("StartTaskContactFunction").size();
        assertTrue(environments >= 1 && environments <= LambdaService.DEFAULT_MAX_ENVIRONMENTS, "environments: " + environments);
    }

    /** A template of one function, the fixture, with a two-second Timeout. */
    private static SamTemplate fixtureTemplate(Path directory) throws Exception {
        Path classes = Path.of(RuntimeFixture.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path template = directory.resolve("template.yaml");
        Files.writeString(template, """
                Resources:
                  FixtureFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: %s::handleRequest
                      CodeUri: %s
                      MemorySize: 256
                      Timeout: 2
                      LoggingConfig:
                        LogFormat: JSON
                      Events:
                        Act:
                          Type: HttpApi
                          Properties:
                            Method: GET
                            Path: /fixture/{action}
                """.formatted(RuntimeFixture.class.getName(), classes));
        return SamTemplate.read(template, new LocalNames("us-east-1"));
    }

    private static HttpResponse<String> get(HttpGateway gateway, String action) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/fixture/" + action))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFunctionPastItsTimeoutIsA500AndTheNextRequestGetsAFreshEnvironment(@TempDir Path directory) throws Exception {
        SamTemplate template = fixtureTemplate(directory);
        try (LambdaService lambda = new LambdaService(template, ApiEvents.repositoryRoot(), new LocalNames("us-east-1"),
                LogSink.CONSOLE, 1);
                HttpGateway gateway = new HttpGateway(0, template.routes(), lambda.functions(), Clock.systemUTC())) {
            HttpResponse<String> first = get(gateway, "pid");
            assertEquals(200, first.statusCode());
            long firstPid = Long.parseLong(first.body());

            HttpResponse<String> late = get(gateway, "sleep");
            assertEquals(500, late.statusCode());
            assertEquals("{\"message\":\"Internal Server Error\"}", late.body());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> ProcessHandle.of(firstPid).map(process -> !process.isAlive()).orElse(true));

            HttpResponse<String> next = get(gateway, "pid");
            assertEquals(200, next.statusCode());
            assertNotEquals(firstPid, Long.parseLong(next.body()));

            HttpResponse<String> thrown = get(gateway, "throw");
            assertEquals(500, thrown.statusCode());
            assertEquals("{\"message\":\"Internal Server Error\"}", thrown.body());
        }
    }

    @Test
    void invokeOncePrintsTheResponseOrLambdasErrorDocumentAndSaysSoInItsStatus(@TempDir Path directory) throws Exception {
        Path root = ApiEvents.repositoryRoot();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = InvokeOnce.invoke(root, root.resolve("template.yaml"), "DescribeContactFunction",
                Files.readAllBytes(root.resolve("events/describe-contact.json")), new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertEquals(0, status);
        JsonNode response = Json.MAPPER.readTree(printed.toString(StandardCharsets.UTF_8));
        assertEquals(404, response.get("statusCode").asInt());
        assertEquals("ResourceNotFoundException", response.get("headers").get("X-Amzn-ErrorType").asText());

        fixtureTemplate(directory);
        printed.reset();
        status = InvokeOnce.invoke(root, directory.resolve("template.yaml"), "FixtureFunction",
                "{\"action\":\"throw\"}".getBytes(StandardCharsets.UTF_8), new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertEquals(1, status);
        JsonNode error = Json.MAPPER.readTree(printed.toString(StandardCharsets.UTF_8));
        assertEquals("java.lang.IllegalStateException", error.get("errorType").asText());
        assertEquals("the fixture was told to throw", error.get("errorMessage").asText());

        assertEquals(2, InvokeOnce.invoke(root, root.resolve("template.yaml"), "NoSuchFunction", new byte[0],
                new PrintStream(printed, true, StandardCharsets.UTF_8)));
    }
}
