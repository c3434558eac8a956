package org.envmon.store.jdbc;

import java.util.function.Consumer;

/**
 * Test hook: called inside every write transaction at named stages, before the commit. A hook that throws makes the
 * transaction roll back (simulating a failure between storing a packet and chaining it); one that halts the JVM
 * simulates a crash. Production code never sets it.
 */
public final class FailPoints {
    /** Packets and observations are appended, the chain is not yet. */
    public static final String AFTER_PACKETS = "after-packets";
    /** Chain entries and head are written, the commit is next. */
    public static final String BEFORE_COMMIT = "before-commit";

    private static volatile Consumer<String> hook;

    private FailPoints() {
    }

    /** Installs a hook (null removes it). */
    public static void set(Consumer<String> h) {
        hook = h;
    }

    static void reach(String stage) {
        Consumer<String> h = hook;
        if (h != null) {
            h.accept(stage);
        }
    }
}
