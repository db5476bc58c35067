package dev.connecttasks.testing;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Lambda context whose logger keeps every line, so tests can read what a function logged. */
public final class TestContext extends OfflineContext {
    private final List<String> lines;

    public TestContext() {
        this(new CopyOnWriteArrayList<>());
    }

    private TestContext(List<String> lines) {
        super("test", UUID.randomUUID().toString(),
                "arn:aws:lambda:" + Emulator.REGION + ":" + Emulator.ACCOUNT_ID + ":function:test", lines::add);
        this.lines = lines;
    }

    public List<String> logLines() {
        return lines;
    }
}
