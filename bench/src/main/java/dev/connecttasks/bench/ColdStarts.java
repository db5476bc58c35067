package dev.connecttasks.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cold starts: each run is a fresh JVM, given the template's {@code JAVA_TOOL_OPTIONS} as Lambda gives
 * them, whose classpath is what Lambda would load. Timed from process start to exit, end to end.
 */
final class ColdStarts {

    /** One fresh JVM: wall time, and (for functions) ms since JVM start at init end and invoke end. */
    record Run(double wallMs, double initMs, double invokeMs, String outcome) {
    }

    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final String javaToolOptions;

    ColdStarts(String javaToolOptions) {
        this.javaToolOptions = javaToolOptions;
    }

    /** A function: its deployment jar plus the runner playing the Lambda runtime, handling one event. */
    Run function(Path deploymentJar, Path coldRunnerJar, String handlerClass, String event, boolean withToolOptions,
            boolean primed) throws IOException, InterruptedException {
        Path eventFile = Files.createTempFile("cold-event", ".json");
        try {
            Files.writeString(eventFile, event);
            return run(List.of(java.toString(), "-cp", deploymentJar + ":" + coldRunnerJar,
                    "dev.connecttasks.bench.cold.ColdRun", handlerClass, eventFile.toString(), primed ? "primed" : "cold"),
                    withToolOptions);
        } finally {
            Files.deleteIfExists(eventFile);
        }
    }

    /** The baseline: one GetItem with a default-built client, in a fresh JVM. */
    Run baseline(Path baselineJar, String tableName, boolean withToolOptions) throws IOException, InterruptedException {
        return run(List.of(java.toString(), "-cp", baselineJar.toString(), "dev.connecttasks.bench.baseline.GetItemOnce",
                tableName), withToolOptions);
    }

    private Run run(List<String> command, boolean withToolOptions) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        if (withToolOptions) {
            builder.environment().put("JAVA_TOOL_OPTIONS", javaToolOptions);
        }
        long started = System.nanoTime();
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("cold run did not finish: " + command);
        }
        double wall = (System.nanoTime() - started) / 1e6;
        List<String> lines = new ArrayList<>(List.of(new String(output, StandardCharsets.UTF_8).strip().split("\n")));
        if (process.exitValue() != 0 || lines.isEmpty()) {
            throw new IllegalStateException("cold run failed (" + process.exitValue() + "): " + command + "\n" + lines);
        }
        if (lines.size() < 2) {
            return new Run(wall, Double.NaN, Double.NaN, lines.get(0));
        }
        String[] marks = lines.get(1).trim().split(" ");
        return new Run(wall, Double.parseDouble(marks[0]), Double.parseDouble(marks[1]), lines.get(0));
    }
}
