package dev.connecttasks.bench.cold;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connecttasks.config.OfflineContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold invocation, as the Lambda Java runtime makes it, in a fresh JVM whose classpath is a
 * function's deployment jar and this class: load the handler class, build it, turn the event into the
 * handler's input, handle it. Prints the outcome (HTTP status or flow-runner outcome) and, on a second
 * line, milliseconds since JVM start at init end and at invoke end. With a third argument
 * {@code primed}, the function's SnapStart priming runs after init, as before a snapshot: the invoke
 * then costs what the first request after a restore costs.
 */
public final class ColdRun {
    private static final Context QUIET = new OfflineContext("cold", "cold-run",
            "arn:aws:lambda:us-east-1:000000000000:function:cold", line -> { });

    private ColdRun() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        Object handler = Class.forName(args[0]).getConstructor().newInstance();
        if (args.length > 2 && args[2].equals("primed")) {
            java.io.PrintStream out = System.out;
            System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            dev.connecttasks.config.Priming.primeNow();
            System.setOut(out);
        }
        long initDone = sinceJvmStart();
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        String outcome;
        if (handler instanceof RequestStreamHandler stream) {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            stream.handleRequest(new ByteArrayInputStream(event), output, QUIET);
            outcome = output.toString(StandardCharsets.UTF_8);
        } else {
            APIGatewayV2HTTPEvent input = new ObjectMapper()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(event, APIGatewayV2HTTPEvent.class);
            APIGatewayV2HTTPResponse response = (APIGatewayV2HTTPResponse) ((RequestHandler) handler)
                    .handleRequest(input, QUIET);
            outcome = String.valueOf(response.getStatusCode());
        }
        long invokeDone = sinceJvmStart();
        System.out.println(outcome);
        System.out.println(initDone + " " + invokeDone);
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
