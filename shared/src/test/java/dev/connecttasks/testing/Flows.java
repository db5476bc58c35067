package dev.connecttasks.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The example flows in flows/. */
public final class Flows {
    private Flows() {
    }

    /** A version 2019-10-30 flow starting at {@code start}, with these actions. */
    public static String document(String start, String... actions) {
        return """
                {
                  "Version": "2019-10-30",
                  "StartAction": "%s",
                  "Actions": [%s]
                }""".formatted(start, String.join(",\n", actions));
    }

    public static String read(String name) {
        try {
            return Files.readString(ApiEvents.repositoryRoot().resolve("flows").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The demo flow (flows/demo-task.json) putting its tasks in the queue {@code queueId} rather than the
     * demo instance's {@code support}: the flow as another instance can publish it.
     */
    public static String demoTaskInQueue(String queueId) {
        return read("demo-task.json").replace("\"QueueId\": \"support\"", "\"QueueId\": \"" + queueId + "\"");
    }
}
