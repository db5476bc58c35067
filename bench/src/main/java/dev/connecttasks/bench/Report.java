package dev.connecttasks.bench;

import com.fasterxml.jackson.databind.JsonNode;

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
        out.append("## Cold start (median of ").append(cold.get("repeats").asInt()).append(" fresh JVMs, ms)\n\n")
                .append("Process start to exit: load the deployment jar, build the handler, handle one event from ")
                .append("`events/`. Baseline: a fresh JVM doing one DynamoDB `GetItem` with a default-built client, ")
                .append(Stats.round(cold.get("baselineMs").asDouble())).append(" ms. `JAVA_TOOL_OPTIONS`: `")
                .append(cold.get("javaToolOptions").asText()).append("`. Target: ratio at most ")
                .append(cold.get("target").asDouble()).append(".\n\n")
                .append("The two right-hand columns are the first request alone, after the handler was built: as it ")
                .append("comes, and after the function's SnapStart priming ran (what the first request after a ")
                .append("snapshot restore costs, the restore itself aside; median of ").append(cold.get("variantRepeats").asInt())
                .append(").\n\n")
                .append("| Function | Cold (ms) | Handler built (ms since JVM start) | Event handled (ms since JVM start) | Ratio | Target met | First request | First request, primed |\n")
                .append("| --- | ---: | ---: | ---: | ---: | :---: | ---: | ---: |\n");
        for (JsonNode row : cold.get("functions")) {
            out.append("| ").append(row.get("function").asText()).append(" | ").append(row.get("ms").asDouble())
                    .append(" | ").append(row.get("initMs").asDouble()).append(" | ").append(row.get("invokeDoneMs").asDouble())
                    .append(" | ").append(row.get("ratio").asDouble()).append(" | ").append(mark(row))
                    .append(" | ").append(row.get("firstInvokeMs").asDouble())
                    .append(" | ").append(row.get("firstInvokePrimedMs").asDouble()).append(" |\n");
        }
        JsonNode flags = cold.get("withoutToolOptions");
        out.append("\nEffect of the template's `JAVA_TOOL_OPTIONS` (tiered compilation stopped at C1; without: median of ")
                .append(cold.get("variantRepeats").asInt()).append("): DescribeContact ")
                .append(flags.get("describeContactWithMs").asDouble()).append(" ms with, ")
                .append(flags.get("describeContactMs").asDouble()).append(" ms without; baseline ")
                .append(flags.get("baselineWithMs").asDouble()).append(" ms with, ")
                .append(flags.get("baselineMs").asDouble()).append(" ms without.\n\n");

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
