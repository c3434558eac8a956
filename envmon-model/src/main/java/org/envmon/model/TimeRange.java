package org.envmon.model;

import java.time.Instant;
import java.util.Objects;

/** Half-open ranges {@code [from, to)} of value times, as QC flags, reviews and screening windows cover them. */
public final class TimeRange {
    private TimeRange() {
    }

    /**
     * Requires both ends and {@code from} before {@code to}.
     *
     * @param what the range's name in the message, e.g. "QC flag range"
     */
    public static void requireNonEmpty(Instant from, Instant to, String what) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("empty " + what + ": " + from + " .. " + to);
        }
    }

    /** Whether {@code time} lies in {@code [from, to)}. */
    public static boolean contains(Instant from, Instant to, Instant time) {
        return !time.isBefore(from) && time.isBefore(to);
    }
}
