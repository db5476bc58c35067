package dev.connecttasks.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrimingTest {

    @Test
    void aFailedPrimingRequestIsLoggedWithItsCausesAndDoesNotStopTheSnapshot() {
        PrintStream standardOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Priming.prime(() -> {
                throw new IllegalStateException("priming GetItem failed",
                        new IllegalArgumentException("Unable to load credentials from any of the providers"));
            });
        } finally {
            System.setOut(standardOut);
        }
        String logged = captured.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("SnapStart priming request failed: java.lang.IllegalStateException: priming GetItem failed"), logged);
        assertTrue(logged.contains("caused by java.lang.IllegalArgumentException: Unable to load credentials"), logged);
    }
}
