package dev.connecttasks.bench;

/** A benchmark that measures failures measures nothing: any unexpected answer stops it. */
final class Checks {
    private Checks() {
    }

    static void expect(boolean condition, String what, Object detail) {
        if (!condition) {
            throw new IllegalStateException(what + " did not succeed: " + detail);
        }
    }
}
