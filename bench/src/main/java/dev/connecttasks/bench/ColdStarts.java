package dev.connecttasks.bench;

import dev.connecttasks.local.LambdaService;
import dev.connecttasks.local.LocalFunction;
import dev.connecttasks.local.LocalNames;
import dev.connecttasks.local.SamTemplate.FunctionSpec;
import dev.connecttasks.local.SamTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold starts as Lambda makes them: each run starts one execution environment of the function (a fresh
 * JVM from the deployment jar under the Lambda Runtime Interface Client, with the environment Lambda
 * gives a SnapStart function and the SnapStart priming before the first request) and sends it one
 * event. Timed from the process start to the function's response.
 */
final class ColdStarts {

    /** One cold start: its time, and what the function answered. */
    record Run(double ms, String answer) {
    }

    private final Path root;
    private final LocalNames names;
    private final SamTemplate template;

    ColdStarts(Path root, LocalNames names, SamTemplate template) {
        this.root = root;
        this.names = names;
        this.template = template;
    }

    /**
     * Starts {@code function} and sends it {@code event}. The template's other functions are there to
     * be invoked (StartTaskContact starts the flow-runner) but start no environment until they are.
     */
    Run run(FunctionSpec function, String event) throws IOException {
        Map<String, FunctionSpec> functions = new HashMap<>(template.functions());
        functions.put(function.id(), function);
        try (LambdaService lambda = LambdaService.quiet(new SamTemplate(functions, List.of()), root, names)) {
            long started = System.nanoTime();
            LocalFunction.Outcome outcome = lambda.function(function.id()).invoke(event.getBytes(StandardCharsets.UTF_8));
            double ms = (System.nanoTime() - started) / 1e6;
            if (!(outcome instanceof LocalFunction.Response response)) {
                throw new IllegalStateException(function.id() + " cold run failed: "
                        + new String(((LocalFunction.Failure) outcome).errorDocument(), StandardCharsets.UTF_8));
            }
            return new Run(ms, new String(response.payload(), StandardCharsets.UTF_8));
        }
    }

    /**
     * The baseline: the least function that reads the contact table ({@code bench/baseline}), with the
     * memory, timeout and environment of {@code like}.
     */
    static FunctionSpec baseline(FunctionSpec like) {
        return new FunctionSpec("BaselineFunction", "dev.connecttasks.bench.baseline.GetItemFunction::handleRequest",
                "bench/baseline", like.memoryMb(), like.timeoutSeconds(), like.logFormat(),
                Map.of("TABLE_NAME", like.environment().get("TABLE_NAME"),
                        "JAVA_TOOL_OPTIONS", like.environment().get("JAVA_TOOL_OPTIONS")));
    }
}
