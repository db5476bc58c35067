package dev.connecttasks.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.json.Json;
import dev.connecttasks.local.LocalFunction.Failure;
import dev.connecttasks.local.LocalFunction.Outcome;
import dev.connecttasks.local.LocalFunction.Response;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code ./dev invoke <LogicalId> [event.json]}: what {@code sam local invoke} does, without Docker. The
 * function runs once, from its deployment jar, in an execution environment started as Lambda starts
 * one; its response (or Lambda's error document) goes to standard output, its logs to standard error,
 * and the exit status is 1 when the function failed. Asynchronous invocations it made (StartTaskContact
 * starting the flow-runner) finish before this exits.
 */
public final class InvokeOnce {
    private static final Duration BACKGROUND_LIMIT = Duration.ofSeconds(60);

    private InvokeOnce() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: InvokeOnce <template.yaml> <LogicalId> [event.json]");
            System.exit(2);
        }
        Path template = Path.of(args[0]).toAbsolutePath();
        byte[] event = args.length == 3 ? Files.readAllBytes(Path.of(args[2])) : "{}".getBytes(StandardCharsets.UTF_8);
        event = withFutureSchedule(event, Instant.now());
        System.exit(invoke(template.getParent(), template, args[1], event, System.out));
    }

    /**
     * The sample events ask for a ScheduledTime that was in the future when they were written, and
     * Connect takes none in the past: an HTTP event whose body asks for a past time is sent with one an
     * hour from now instead, and says so. Anything else is sent as it is.
     */
    static byte[] withFutureSchedule(byte[] event, Instant now) {
        try {
            JsonNode root = Json.MAPPER.readTree(event);
            if (root == null || !root.path("body").isTextual()) {
                return event;
            }
            JsonNode body = Json.MAPPER.readTree(root.get("body").asText());
            if (body == null || !body.path("ScheduledTime").isNumber() || body.get("ScheduledTime").asLong() > now.getEpochSecond()) {
                return event;
            }
            long later = now.plusSeconds(3600).getEpochSecond();
            System.err.println("[invoke] the event's ScheduledTime " + Instant.ofEpochSecond(body.get("ScheduledTime").asLong())
                    + " is past; sending " + Instant.ofEpochSecond(later));
            ((ObjectNode) body).put("ScheduledTime", later);
            ((ObjectNode) root).put("body", Json.write(body));
            return Json.write(root).getBytes(StandardCharsets.UTF_8);
        } catch (IOException | ClassCastException notAnHttpEvent) {
            return event;
        }
    }

    /**
     * Runs the function once; returns the exit status: 0 for a response, 1 for a function error, 2 for
     * a function the template lacks. {@code CodeUri}s resolve against {@code root}, the checkout.
     */
    static int invoke(Path root, Path template, String functionId, byte[] event, PrintStream out)
            throws IOException, InterruptedException {
        LocalNames names = LocalNames.fromEnvironment();
        SamTemplate functions = SamTemplate.read(template, names);
        if (!functions.functions().containsKey(functionId)) {
            System.err.println("no function " + functionId + " in " + template + "; the template has "
                    + new java.util.TreeSet<>(functions.functions().keySet()));
            return 2;
        }
        EmulatorSetup.prepare(names.settings(), root);
        try (LambdaService lambda = new LambdaService(functions, root, names, LogSink.STANDARD_ERROR, 1)) {
            Outcome outcome = lambda.functions().get(functionId).invoke(event);
            byte[] printed = outcome instanceof Response response ? response.payload() : ((Failure) outcome).errorDocument();
            out.println(new String(printed, StandardCharsets.UTF_8));
            out.flush();
            lambda.drain(BACKGROUND_LIMIT);
            return outcome instanceof Failure ? 1 : 0;
        }
    }
}
