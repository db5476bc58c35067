package dev.connecttasks.operation;

/**
 * Best-effort cleanup after a failure: a cleanup that fails too must not hide the first failure. Every
 * cleanup here removes something that is harmless if left (a schedule that fires into a no-op).
 */
final class Cleanup {
    private Cleanup() {
    }

    /** A cleanup with no failure to report it with, whose failure must not fail the request. */
    static void bestEffort(Runnable cleanup) {
        try {
            cleanup.run();
        } catch (RuntimeException leftBehind) {
            // harmless if left: see the class comment
        }
    }

    static void quietly(Runnable cleanup, RuntimeException cause) {
        try {
            cleanup.run();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
