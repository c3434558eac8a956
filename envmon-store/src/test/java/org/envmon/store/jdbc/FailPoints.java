package org.envmon.store.jdbc;

import java.util.function.Consumer;

/**
 * The store tests' hook into a write transaction at named stages, before the commit (the package-private
 * {@link JdbcObservationStore#stages} seam). A hook that throws makes the transaction roll back (simulating a failure
 * between storing a packet and chaining it); one that halts the JVM simulates a crash.
 */
public final class FailPoints {
    /** Packets and observations are appended, the chain is not yet. */
    public static final String AFTER_PACKETS = JdbcObservationStore.AFTER_PACKETS;
    /** Chain entries and head are written, the commit is next. */
    public static final String BEFORE_COMMIT = JdbcObservationStore.BEFORE_COMMIT;

    private FailPoints() {
    }

    /** Installs a hook (null removes it). */
    public static void set(Consumer<String> h) {
        JdbcObservationStore.stages = h == null ? stage -> {
        } : h;
    }
}
