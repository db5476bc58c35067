package dev.connecttasks.config;

import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.util.ArrayList;
import java.util.List;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming. Before Lambda snapshots a published version, each function runs its real request
 * path once against a key that does not exist, so the snapshot holds loaded classes, initialised SDK
 * clients, a resolved endpoint and open connections, and the first request after a restore pays none
 * of that. The priming request changes nothing: it finds nothing, or fails its condition.
 */
public final class Priming {
    /** No instance, contact or flow has this id: a priming request finds nothing and writes nothing. */
    public static final String ABSENT = "snapstart-priming-absent";

    /** CRaC keeps only weak references to resources: these keep them alive. */
    private static final List<Resource> RESOURCES = new ArrayList<>();

    private Priming() {
    }

    public static synchronized void register(Runnable primingRequest) {
        Resource resource = new Resource() {
            @Override
            public void beforeCheckpoint(Context<? extends Resource> context) {
                prime(primingRequest);
            }

            @Override
            public void afterRestore(Context<? extends Resource> context) {
            }
        };
        RESOURCES.add(resource);
        Core.getGlobalContext().register(resource);
    }

    static void prime(Runnable primingRequest) {
        try {
            primingRequest.run();
        } catch (RuntimeException e) {
            // priming is an optimisation: a failed priming request must not stop the snapshot, but it
            // means the snapshot lacks what priming loads, and often that the function cannot reach
            // its table at all (no credentials, wrong endpoint): say so, with the cause
            LambdaRuntime.getLogger().log("SnapStart priming request failed: " + describe(e), LogLevel.WARN);
        }
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(failure.toString());
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append("; caused by ").append(cause);
        }
        return text.toString();
    }
}
