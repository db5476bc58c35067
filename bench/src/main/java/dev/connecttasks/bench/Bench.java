package dev.connecttasks.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.bench.Workloads.Workload;
import dev.connecttasks.config.Settings;
import dev.connecttasks.handler.SearchContactsHandler;
import dev.connecttasks.json.Json;
import dev.connecttasks.local.LocalBackend;
import dev.connecttasks.local.LocalNames;
import dev.connecttasks.local.LogSink;
import dev.connecttasks.local.SamTemplate.FunctionSpec;
import dev.connecttasks.local.SamTemplate;
import dev.connecttasks.operation.SearchContacts;
import dev.connecttasks.store.ContactTableSchema;
import dev.connecttasks.store.InstanceTable;
import dev.connecttasks.store.SearchIndexes;
import dev.connecttasks.testing.Emulator;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * {@code ./dev bench}: every figure next to its baseline, measured in the same run against the same
 * emulator, as medians or percentiles over repeated runs. Writes target/bench/results.json and
 * target/bench/report.md.
 */
public final class Bench {
    /** {@code -Dbench.quick=true} runs a few of everything, to try the benchmark out; its figures are not of record. */
    static final boolean QUICK = Boolean.getBoolean("bench.quick");
    static final int COLD_REPEATS = QUICK ? 1 : 5;
    static final int WARM_UP = QUICK ? 20 : 100;
    static final int MEASURED = QUICK ? 50 : 1_000;
    static final int SCALE_MEASURED = QUICK ? 30 : 500;
    static final int START_TO_FLOW_SAMPLES = QUICK ? 10 : 100;
    static final int[] SCALE_SIZES = QUICK ? new int[] {1_000, 5_000} : new int[] {1_000, 100_000};
    /** SearchContacts of one day with 100 matches, with this many contacts in the table. */
    static final int[] SEARCH_SCALE_SIZES = QUICK ? new int[] {10_000, 50_000} : new int[] {10_000, 1_000_000};
    static final int SEARCH_SCALE_MEASURED = QUICK ? 10 : 100;
    static final double SEARCH_SCALE_TARGET = 1.2;
    static final double COLD_TARGET = 1.2;
    /** What the local gateway and runtime may add to a request, beyond the emulator's own time. */
    static final double ROUND_TRIP_OVERHEAD_TARGET_MS = 3.0;
    static final double WARM_TARGET = 1.2;
    static final double SCALE_TARGET = 1.1;
    static final long MAX_JAR_BYTES = 10L * 1024 * 1024;
    /**
     * AWS API calls per operation: its one write or read, plus the schedule where it schedules a start
     * (an immediate task is started by the stream, at no cost to the caller); the flow-runner's read,
     * its write and the open task's expiry schedule (and once per warm runner, the read of the queue its
     * flow names: the first run, which this counts, makes four); a transfer's read of the contact and its
     * one transaction; a flow's check of the queues it names (one BatchGetItem) before its transaction;
     * a page of a list, one Query; a task template's create (the flow it names, then one transaction) and
     * update (read, then a conditional write).
     */
    static final Map<String, Integer> ROUND_TRIP_TARGETS = Map.ofEntries(
            Map.entry("DescribeContact", 1), Map.entry("ListContactReferences", 1), Map.entry("UpdateContact", 1),
            Map.entry("UpdateContactSchedule", 2), Map.entry("StartTaskContact", 1), Map.entry("FlowRunner (demo flow)", 4),
            Map.entry("StopContact", 1), Map.entry("TransferContact", 2), Map.entry("UpdateContactAttributes", 1),
            Map.entry("GetContactAttributes", 1), Map.entry("TagContact", 1), Map.entry("UntagContact", 1), Map.entry("CreateInstance", 1),
            Map.entry("DescribeInstance", 1), Map.entry("CreateContactFlow", 2), Map.entry("DescribeContactFlow", 1),
            Map.entry("CreateQueue", 1), Map.entry("DescribeQueue", 1), Map.entry("ListQueues", 1),
            Map.entry("ListContactFlows", 1), Map.entry("ListInstances", 1),
            // one Query per shard of the range's index
            Map.entry("SearchContacts", 4),
            Map.entry("CreateTaskTemplate", 2), Map.entry("GetTaskTemplate", 1), Map.entry("UpdateTaskTemplate", 2),
            Map.entry("ListTaskTemplates", 1), Map.entry("DeleteTaskTemplate", 1));

    private final Path root;
    private final Fixture fixture;
    private final ObjectNode results = Json.object();

    private Bench(Path root) throws IOException {
        this.root = root;
        this.fixture = new Fixture(root, Settings.fromEnvironment());
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        long started = System.nanoTime();
        Bench bench = new Bench(root);
        bench.machine();
        List<Workload> workloads = new Workloads(bench.fixture).all();
        bench.roundTrips(workloads);
        bench.sizes();
        bench.coldStarts();
        bench.localRoundTrip(workloads);
        bench.scale();
        bench.searchScale();
        bench.warm(workloads);
        bench.results.put("durationSeconds", Math.round((System.nanoTime() - started) / 1e9)).put("quick", QUICK);
        Path out = root.resolve("target/bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve("results.json"), Json.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(bench.results) + "\n");
        Files.writeString(out.resolve("report.md"), Report.markdown(bench.results));
        System.out.println("[bench] wrote target/bench/results.json and target/bench/report.md in "
                + bench.results.get("durationSeconds") + " s");
        System.exit(0);
    }

    private void machine() {
        results.putObject("machine")
                .put("cpus", Runtime.getRuntime().availableProcessors())
                .put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"))
                .put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"))
                .put("date", Instant.now().toString())
                .put("emulator", System.getenv("AWS_ENDPOINT_URL"));
    }

    private void roundTrips(List<Workload> workloads) {
        say("round trips");
        ArrayNode rows = results.putArray("roundTrips");
        for (Workload workload : workloads) {
            Runnable call = workload.call().get();
            List<String> calls = CallCounter.during(call);
            int target = ROUND_TRIP_TARGETS.get(workload.operation());
            ObjectNode row = rows.addObject().put("operation", workload.operation()).put("count", calls.size())
                    .put("target", target).put("met", calls.size() <= target);
            calls.forEach(row.putArray("calls")::add);
        }
    }

    private void sizes() throws IOException {
        say("package sizes");
        ArrayNode rows = results.putArray("size");
        for (FunctionSpec function : sortedFunctions()) {
            Path jar = deploymentJar(function.module());
            List<String> services = new ArrayList<>();
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (String service : List.of("dynamodb", "scheduler", "lambda", "eventbridge")) {
                    // a service's client, not pieces of its model (the events function carries DynamoDB's attribute values)
                    String prefix = "software/amazon/awssdk/services/" + service + "/Default";
                    if (zip.stream().anyMatch(entry -> entry.getName().startsWith(prefix) && entry.getName().endsWith("Client.class"))) {
                        services.add(service);
                    }
                }
            }
            long bytes = Files.size(jar);
            ObjectNode row = rows.addObject().put("function", function.id()).put("bytes", bytes)
                    .put("mib", Stats.round(bytes / 1048576.0)).put("met", bytes <= MAX_JAR_BYTES);
            services.forEach(row.putArray("sdkServices")::add);
        }
    }

    private void coldStarts() throws Exception {
        List<FunctionSpec> functions = sortedFunctions();
        FunctionSpec describe = template().functions().get("DescribeContactFunction");
        FunctionSpec baselineFunction = ColdStarts.baseline(describe);
        say("cold starts (" + COLD_REPEATS + " fresh execution environments per function, through the Runtime Interface Client)");
        ColdStarts cold = new ColdStarts(root, new LocalNames(Emulator.REGION), template());
        Map<String, List<Double>> runs = new LinkedHashMap<>();
        List<Double> baseline = new ArrayList<>();
        for (int run = 0; run < COLD_REPEATS; run++) {
            baseline.add(cold.run(baselineFunction, "{}").ms());
            for (FunctionSpec function : functions) {
                ColdStarts.Run result = cold.run(function, fixture.event(function.module(), run));
                Checks.expect(succeeded(result.answer()), function.id() + " cold run", result);
                runs.computeIfAbsent(function.id(), key -> new ArrayList<>()).add(result.ms());
            }
        }
        double baselineMs = Stats.median(baseline);
        ObjectNode section = results.putObject("cold").put("repeats", COLD_REPEATS)
                .put("javaToolOptions", describe.environment().get("JAVA_TOOL_OPTIONS"))
                .put("memoryMb", describe.memoryMb())
                .put("baselineMs", Stats.round(baselineMs)).put("target", COLD_TARGET);
        ArrayNode rows = section.putArray("functions");
        runs.forEach((function, list) -> {
            double median = Stats.median(list);
            rows.addObject().put("function", function)
                    .put("ms", Stats.round(median))
                    .put("ratio", Stats.ratio(median, baselineMs))
                    .put("met", median / baselineMs <= COLD_TARGET);
        });
    }

    /**
     * The local API's own cost: DescribeContact through the HTTP gateway and a warm execution
     * environment, timed in turn with the one GetItem it makes, straight to the emulator.
     */
    private void localRoundTrip(List<Workload> workloads) throws Exception {
        say("local round trip (client, gateway, function, back)");
        Workload describe = workloads.stream().filter(workload -> workload.operation().equals("DescribeContact"))
                .findFirst().orElseThrow();
        try (LocalBackend backend = LocalBackend.start(root, root.resolve("template.yaml"), 0, LogSink.DISCARD, 1)) {
            // the JDK's blocking client, as the functions' SDK clients use it (keep-alive, one connection)
            URL describeUrl = URI.create(backend.apiUrl() + "/contacts/" + Fixture.INSTANCE + "/" + Fixture.CONTACT).toURL();
            java.util.function.Supplier<Runnable> throughGateway = () -> () -> {
                try {
                    HttpURLConnection connection = (HttpURLConnection) describeUrl.openConnection();
                    int status = connection.getResponseCode();
                    byte[] body;
                    try (InputStream in = connection.getInputStream()) {
                        body = in.readAllBytes();
                    }
                    Checks.expect(status == 200, "DescribeContact through the gateway", new String(body, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            List<List<Double>> timed = timeInTurn(throughGateway, describe.baseline(), WARM_UP, MEASURED);
            double p50 = Stats.median(timed.get(0));
            double emulatorP50 = Stats.median(timed.get(1));
            results.putObject("localRoundTrip").put("measured", MEASURED).put("p50", Stats.round(p50))
                    .put("emulatorP50", Stats.round(emulatorP50)).put("overheadP50", Stats.round(p50 - emulatorP50))
                    .put("target", ROUND_TRIP_OVERHEAD_TARGET_MS).put("met", p50 - emulatorP50 <= ROUND_TRIP_OVERHEAD_TARGET_MS);
            startToFlow(backend);
        }
    }

    /**
     * For tasks started now through the local API: the time from StartTaskContact's response to the
     * flow's start (its {@code flowStartedAt}, stamped by the flow-runner on the same machine clock).
     * The stream carries the start: the local delivery polls it four times a second, as Lambda does.
     */
    private void startToFlow(LocalBackend backend) throws Exception {
        say("start to flow (" + START_TO_FLOW_SAMPLES + " tasks started now through the local API)");
        URL startUrl = URI.create(backend.apiUrl() + "/contact/task").toURL();
        List<Double> delays = new ArrayList<>();
        for (int i = 0; i < START_TO_FLOW_SAMPLES; i++) {
            HttpURLConnection connection = (HttpURLConnection) startUrl.openConnection();
            connection.setRequestMethod("PUT");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            try (var out = connection.getOutputStream()) {
                out.write(("{\"InstanceId\":\"" + Fixture.INSTANCE + "\",\"ContactFlowId\":\"" + Fixture.FLOW
                        + "\",\"Name\":\"bench\"}").getBytes(StandardCharsets.UTF_8));
            }
            byte[] body;
            try (InputStream in = connection.getInputStream()) {
                body = in.readAllBytes();
            }
            Instant answered = Instant.now();
            String contactId = Json.MAPPER.readTree(body).get("ContactId").asText();
            Instant started = fixture.awaitFlowStart(contactId, Duration.ofSeconds(30));
            delays.add(Duration.between(answered, started).toNanos() / 1e6);
        }
        results.putObject("startToFlow").put("measured", START_TO_FLOW_SAMPLES)
                .put("p50", Stats.round(Stats.median(delays))).put("p99", Stats.round(Stats.of(delays).p99()));
    }

    private void scale() throws Exception {
        Workloads workloads = new Workloads(fixture);
        List<Workload> measured = List.of(workloads.describeContact(), workloads.startTaskContact());
        ObjectNode section = results.putObject("scale").put("target", SCALE_TARGET);
        Map<String, double[][]> p50s = new LinkedHashMap<>();
        int[] sizes = SCALE_SIZES;
        for (int index = 0; index < sizes.length; index++) {
            say("scale: filling the table to " + sizes[index] + " contacts");
            long filling = System.nanoTime();
            fixture.fillTo(sizes[index]);
            section.put("fillSeconds" + sizes[index], Math.round((System.nanoTime() - filling) / 1e9));
            for (Workload workload : measured) {
                List<List<Double>> timed = timeInTurn(workload.call(), workload.baseline(), WARM_UP, SCALE_MEASURED);
                double[][] values = p50s.computeIfAbsent(workload.operation(), key -> new double[2][sizes.length]);
                values[0][index] = Stats.median(timed.get(0));
                values[1][index] = Stats.median(timed.get(1));
            }
        }
        ArrayNode rows = section.putArray("operations");
        p50s.forEach((operation, values) -> rows.addObject().put("operation", operation)
                .put("p50At" + sizes[0], Stats.round(values[0][0])).put("p50At" + sizes[1], Stats.round(values[0][1]))
                .put("ratio", Stats.ratio(values[0][1], values[0][0]))
                .put("baselineP50At" + sizes[0], Stats.round(values[1][0]))
                .put("baselineP50At" + sizes[1], Stats.round(values[1][1]))
                .put("baselineRatio", Stats.ratio(values[1][1], values[1][0]))
                .put("met", values[0][1] / values[0][0] <= SCALE_TARGET));
        section.put("contactsAtEnd", fixture.fillers());
    }

    /**
     * SearchContacts of one day holding 100 matches, in a table of its own filled with the contacts of
     * other instances, timed in turn with its raw Queries at each size; and the read units one search
     * costs, by DynamoDB's sizing rules.
     */
    private void searchScale() {
        Workloads workloads = new Workloads(fixture);
        String tableName = fixture.settings.tableName() + "-search-scale";
        ContactTableSchema.createIfMissing(fixture.dynamo, tableName);
        String instanceId = "bench-search-scale";
        fixture.seedSearchDay(tableName, instanceId);
        SearchContactsHandler handler = new SearchContactsHandler(new SearchContacts(new SearchIndexes(fixture.dynamo, tableName),
                new InstanceTable(fixture.dynamo, tableName), Emulator.REGION, Clock.systemUTC()), fixture.settings.arns());
        Workload search = workloads.search("SearchContacts", handler, tableName, instanceId);
        ObjectNode section = results.putObject("searchScale").put("target", SEARCH_SCALE_TARGET)
                .put("matches", Fixture.SEARCH_MATCHES).put("measured", SEARCH_SCALE_MEASURED);
        int[] sizes = SEARCH_SCALE_SIZES;
        double[] p50 = new double[sizes.length];
        double[] baselineP50 = new double[sizes.length];
        int written = Fixture.SEARCH_MATCHES;
        for (int index = 0; index < sizes.length; index++) {
            say("search scale: filling its table to " + sizes[index] + " contacts");
            long filling = System.nanoTime();
            fixture.fillSearchTable(tableName, sizes[index], written);
            written = sizes[index];
            section.put("fillSeconds" + sizes[index], Math.round((System.nanoTime() - filling) / 1e9));
            List<List<Double>> timed = timeInTurn(search.call(), search.baseline(), 10, SEARCH_SCALE_MEASURED);
            p50[index] = Stats.median(timed.get(0));
            baselineP50[index] = Stats.median(timed.get(1));
            section.put("p50At" + sizes[index], Stats.round(p50[index]))
                    .put("baselineP50At" + sizes[index], Stats.round(baselineP50[index]))
                    .put("readUnitsAt" + sizes[index], workloads.searchQueries(tableName, instanceId,
                            Fixture.searchDay(), Fixture.searchDay().plus(Duration.ofDays(1)).minusMillis(1)));
        }
        section.put("ratio", Stats.ratio(p50[1], p50[0])).put("baselineRatio", Stats.ratio(baselineP50[1], baselineP50[0]))
                .put("met", p50[1] / p50[0] <= SEARCH_SCALE_TARGET);
    }

    private void warm(List<Workload> workloads) {
        ObjectNode section = results.putObject("warm").put("warmUp", WARM_UP).put("measured", MEASURED)
                .put("target", WARM_TARGET);
        ArrayNode rows = section.putArray("operations");
        for (Workload workload : workloads) {
            say("warm: " + workload.operation());
            List<List<Double>> timed = timeInTurn(workload.call(), workload.baseline(), WARM_UP, MEASURED);
            Stats operation = Stats.of(timed.get(0));
            Stats baseline = Stats.of(timed.get(1));
            rows.addObject().put("operation", workload.operation())
                    .put("p50", Stats.round(operation.p50())).put("p99", Stats.round(operation.p99()))
                    .put("baselineP50", Stats.round(baseline.p50())).put("baselineP99", Stats.round(baseline.p99()))
                    .put("ratio", Stats.ratio(operation.p50(), baseline.p50()))
                    .put("met", operation.p50() / baseline.p50() <= WARM_TARGET);
        }
    }

    /**
     * Times an operation and its baseline in turn, call for call, so both meet the same JIT state, the
     * same emulator and the same machine load; {@code warmUp} untimed rounds first.
     */
    private static List<List<Double>> timeInTurn(java.util.function.Supplier<Runnable> operation,
            java.util.function.Supplier<Runnable> baseline, int warmUp, int measured) {
        for (int i = 0; i < warmUp; i++) {
            operation.get().run();
            baseline.get().run();
        }
        List<Double> operationMillis = new ArrayList<>(measured);
        List<Double> baselineMillis = new ArrayList<>(measured);
        for (int i = 0; i < measured; i++) {
            operationMillis.add(timeOnce(operation.get()));
            baselineMillis.add(timeOnce(baseline.get()));
        }
        return List.of(operationMillis, baselineMillis);
    }

    private static double timeOnce(Runnable call) {
        long started = System.nanoTime();
        call.run();
        return (System.nanoTime() - started) / 1e6;
    }

    private List<FunctionSpec> sortedFunctions() throws IOException {
        return template().functions().values().stream().sorted(Comparator.comparing(FunctionSpec::id)).toList();
    }

    private SamTemplate template() throws IOException {
        return SamTemplate.read(root.resolve("template.yaml"), new LocalNames(Emulator.REGION));
    }

    private Path deploymentJar(String module) throws IOException {
        return jar(root.resolve("functions").resolve(module).resolve("target"));
    }

    private static Path jar(Path target) throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-lambda.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no deployment jar in " + target + ": build first"));
        }
    }

    /** An HTTP function's 200, or the flow-runner's start of a flow. */
    /** An HTTP 200, a flow started, a stream batch with no failure, or a reconciler run with none. */
    private static boolean succeeded(String answer) {
        return answer.contains("\"statusCode\":200") || answer.contains("STARTED")
                || answer.equals("{\"batchItemFailures\":[]}") || answer.contains("\"failed\":0");
    }

    private static void say(String message) {
        System.out.println("[bench] " + message);
    }
}
