package dev.connecttasks.memory;

import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.operation.port.FlowStarter;
import java.util.ArrayList;
import java.util.List;

/** {@link FlowStarter} that records each start, or fails them while told to. */
public final class RecordingFlowStarter implements FlowStarter {
    public record Start(ContactKey key, String contactFlowId) {
    }

    private final List<Start> starts = new ArrayList<>();
    private Runnable beforeFailing;
    private RuntimeException failure;

    /** Every start throws this until cleared with null; {@code meanwhile} runs first (the flow starting anyway, say). */
    public synchronized void fail(RuntimeException failure, Runnable meanwhile) {
        this.failure = failure;
        this.beforeFailing = meanwhile;
    }

    public synchronized List<Start> starts() {
        return List.copyOf(starts);
    }

    @Override
    public synchronized void startNow(ContactKey key, String contactFlowId) {
        if (failure != null) {
            beforeFailing.run();
            throw failure;
        }
        starts.add(new Start(key, contactFlowId));
    }
}
