package dev.connecttasks.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void countsAreOneEmbeddedMetricFormatDocument() {
        String document = Metrics.document("Reconciler", new TreeMap<>(Map.of("TasksRescued", 3, "RescuesFailed", 0)),
                Instant.ofEpochMilli(1_795_694_400_000L));
        assertEquals("{\"_aws\":{\"Timestamp\":1795694400000,\"CloudWatchMetrics\":[{\"Namespace\":\"ConnectTasks\","
                + "\"Dimensions\":[[\"Function\"]],\"Metrics\":[{\"Name\":\"RescuesFailed\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"TasksRescued\",\"Unit\":\"Count\"}]}]},\"Function\":\"Reconciler\",\"RescuesFailed\":0,"
                + "\"TasksRescued\":3}", document);
    }
}
