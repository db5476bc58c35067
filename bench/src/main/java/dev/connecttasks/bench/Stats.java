package dev.connecttasks.bench;

import java.util.List;

/** Percentiles of measured durations, in milliseconds. */
record Stats(int count, double p50, double p99) {

    static Stats of(List<Double> millis) {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Stats(sorted.length, percentile(sorted, 50), percentile(sorted, 99));
    }

    static double median(List<Double> millis) {
        return of(millis).p50();
    }

    /** Nearest-rank percentile. */
    static double percentile(double[] sorted, double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double ratio(double value, double baseline) {
        return round(value / baseline);
    }

    static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
