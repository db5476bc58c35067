package dev.connecttasks.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The example flows in flows/. */
public final class Flows {
    private Flows() {
    }

    public static String read(String name) {
        try {
            return Files.readString(ApiEvents.repositoryRoot().resolve("flows").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
