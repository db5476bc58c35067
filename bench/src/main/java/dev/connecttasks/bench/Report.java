package dev.connecttasks.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The results as a table a person reads. */
final class Report {
    private Report() {
    }

    static String markdown(JsonNode results) {
        StringBuilder out = new StringBuilder("# connect-tasks benchmark\n\n");
        if (results.get("quick").asBoolean()) {
            out.append("**A quick run (-Dbench.quick=true): a few samples of each, not the figures of record.**\n\n");
        }
        JsonNode machine = results.get("machine");
        out.append("Measured ").append(machine.get("date").asText()).append(" on ").append(machine.get("cpus").asInt())
                .append(" CPUs, ").append(machine.get("jdk").asText()).append(", ").append(machine.get("os").asText())
                .append(", against moto at ").append(machine.get("emulator").asText()).append(", in ")
                .append(results.get("durationSeconds").asLong()).append(" s. Every figure sits beside its baseline ")
                .append("from the same run; a ratio is figure / baseline.\n\n");

        JsonNode cold = results.get("cold");
        out.append("## Cold start (median of ").append(cold.get("repeats").asInt()).append(" fresh execution environments, ms)\n\n")
                .append("As `./dev serve` starts a function: a fresh JVM from the deployment jar under the Lambda Runtime ")
                .append("Interface Client, with Lambda's JVM options, a heap from `MemorySize` (").append(cold.get("memoryMb").asInt())
                .append(" MB), `JAVA_TOOL_OPTIONS` `").append(cold.get("javaToolOptions").asText())
                .append("`, container credentials, its SnapStart priming before the first request, then one event from ")
                .append("`events/`; timed from the invocation (no environment yet: its task root, the process start) to the response. Deployed with SnapStart, Lambda pays the ")
                .append("priming once per published version, not per cold start. Baseline: the least function that ")
                .append("reads the table (`bench/baseline`: one GetItem, the same client tuning: URLConnection, fixed ")
                .append("region, default credentials chain), started the same way: ")
                .append(Stats.round(cold.get("baselineMs").asDouble())).append(" ms. Target: ratio at most ")
                .append(cold.get("target").asDouble()).append(".\n\n")
                .append("| Function | Cold (ms) | Ratio | Target met |\n| --- | ---: | ---: | :---: |\n");
        for (JsonNode row : cold.get("functions")) {
            out.append("| ").append(row.get("function").asText()).append(" | ").append(row.get("ms").asDouble())
                    .append(" | ").append(row.get("ratio").asDouble()).append(" | ").append(mark(row)).append(" |\n");
        }

        JsonNode local = results.get("localRoundTrip");
        out.append("\n## Local round trip (p50 of ").append(local.get("measured").asInt()).append(", ms)\n\n")
                .append("DescribeContact over HTTP through the local gateway to a warm execution environment and back: ")
                .append(local.get("p50").asDouble()).append(" ms; the one GetItem it makes, straight to the emulator, timed ")
                .append("in turn: ").append(local.get("emulatorP50").asDouble()).append(" ms. What the local API adds: **")
                .append(local.get("overheadP50").asDouble()).append(" ms** (target at most ").append(local.get("target").asDouble())
                .append(" ms: ").append(mark(local)).append(").\n\n");

        JsonNode startToFlow = results.get("startToFlow");
        out.append("## Start to flow (").append(startToFlow.get("measured").asInt()).append(" tasks started now, ms)\n\n")
                .append("From StartTaskContact's response (through the local API) to the flow's start, which the table's ")
                .append("stream carries to the flow-runner (polled four times a second, as Lambda polls a stream): p50 ")
                .append(startToFlow.get("p50").asDouble()).append(" ms, p99 ").append(startToFlow.get("p99").asDouble())
                .append(" ms. A negative time is a flow that started before the caller had its answer.\n\n");

        JsonNode warm = results.get("warm");
        out.append("## Warm latency (").append(warm.get("measured").asInt()).append(" invocations after ")
                .append(warm.get("warmUp").asInt()).append(" warm-up, one JVM, ms)\n\n")
                .append("Baseline: the raw SDK calls the operation must make, with the same client configuration, ")
                .append("timed in turn with the operation, call for call. ")
                .append("Target: p50 ratio at most ").append(warm.get("target").asDouble()).append(".\n\n")
                .append("| Operation | p50 | p99 | Baseline p50 | Baseline p99 | p50 ratio | Target met |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | :---: |\n");
        for (JsonNode row : warm.get("operations")) {
            out.append("| ").append(row.get("operation").asText()).append(" | ").append(row.get("p50").asDouble())
                    .append(" | ").append(row.get("p99").asDouble()).append(" | ").append(row.get("baselineP50").asDouble())
                    .append(" | ").append(row.get("baselineP99").asDouble()).append(" | ").append(row.get("ratio").asDouble())
                    .append(" | ").append(mark(row)).append(" |\n");
        }

        out.append("\n## Round trips (AWS API calls per invocation, counted by an SDK execution interceptor)\n\n")
                .append("| Operation | Calls | Count | Target | Target met |\n| --- | --- | ---: | ---: | :---: |\n");
        for (JsonNode row : results.get("roundTrips")) {
            out.append("| ").append(row.get("operation").asText()).append(" | ").append(join(row.get("calls")))
                    .append(" | ").append(row.get("count").asInt()).append(" | ").append(row.get("target").asInt())
                    .append(" | ").append(mark(row)).append(" |\n");
        }

        out.append("\n## Package size (deployment jar)\n\nTarget: at most 10 MiB, and no SDK a function does not use.\n\n")
                .append("| Function | Bytes | MiB | AWS SDK services inside | Target met |\n| --- | ---: | ---: | --- | :---: |\n");
        for (JsonNode row : results.get("size")) {
            out.append("| ").append(row.get("function").asText()).append(" | ").append(row.get("bytes").asLong())
                    .append(" | ").append(row.get("mib").asDouble()).append(" | ").append(join(row.get("sdkServices")))
                    .append(" | ").append(mark(row)).append(" |\n");
        }

        JsonNode scale = results.get("scale");
        String small = Integer.toString(Bench.SCALE_SIZES[0]);
        String large = Integer.toString(Bench.SCALE_SIZES[1]);
        out.append("\n## Scale (p50 of ").append(Bench.SCALE_MEASURED).append(" invocations, ms)\n\n")
                .append("Target: p50 with ").append(large).append(" contacts at most ").append(scale.get("target").asDouble())
                .append(" times p50 with ").append(small).append(". Beside it, the same for the raw SDK calls, timed in ")
                .append("turn with the operation: what the emulator itself does as its table grows.\n\n")
                .append("| Operation | ").append(small).append(" contacts | ").append(large)
                .append(" contacts | Ratio | Baseline ratio | Target met |\n| --- | ---: | ---: | ---: | ---: | :---: |\n");
        for (JsonNode row : scale.get("operations")) {
            out.append("| ").append(row.get("operation").asText()).append(" | ").append(row.get("p50At" + small).asDouble())
                    .append(" | ").append(row.get("p50At" + large).asDouble()).append(" | ").append(row.get("ratio").asDouble())
                    .append(" | ").append(row.get("baselineRatio").asDouble()).append(" | ").append(mark(row)).append(" |\n");
        }

        JsonNode search = results.get("searchScale");
        String fewer = Integer.toString(Bench.SEARCH_SCALE_SIZES[0]);
        String more = Integer.toString(Bench.SEARCH_SCALE_SIZES[1]);
        out.append("\n## Search scale (p50 of ").append(search.get("measured").asInt()).append(" searches, ms)\n\n")
                .append("SearchContacts of one day holding ").append(search.get("matches").asInt())
                .append(" matches, its table filled with the contacts of 1,000 other instances over the past year. ")
                .append("Target: p50 with ").append(more).append(" contacts at most ").append(search.get("target").asDouble())
                .append(" times p50 with ").append(fewer).append(". Baseline: its raw Queries, timed in turn. Read units: ")
                .append("what one search's Queries cost in DynamoDB (eventually consistent, by its item sizing rules).\n\n")
                .append("| Contacts in the table | p50 | Baseline p50 | Read units per search |\n| ---: | ---: | ---: | ---: |\n");
        for (String size : List.of(fewer, more)) {
            out.append("| ").append(size).append(" | ").append(search.get("p50At" + size).asDouble()).append(" | ")
                    .append(search.get("baselineP50At" + size).asDouble()).append(" | ")
                    .append(search.get("readUnitsAt" + size).asDouble()).append(" |\n");
        }
        out.append("\nRatio ").append(search.get("ratio").asDouble()).append(" (baseline ")
                .append(search.get("baselineRatio").asDouble()).append("): ").append(mark(search)).append(".\n");
        return out.toString();
    }

    private static String mark(JsonNode row) {
        return row.get("met").asBoolean() ? "yes" : "**no**";
    }

    private static String join(JsonNode values) {
        StringBuilder joined = new StringBuilder();
        values.forEach(value -> joined.append(joined.length() == 0 ? "" : ", ").append(value.asText()));
        return joined.toString();
    }
}
