package org.envmon.gateway;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Rate limit for repeated warnings (wrong password, unknown MN, ...) per peer address and kind: the first is logged,
 * then at most one per interval, carrying the number suppressed since the last one. A flood of refused frames thus
 * writes a few lines a minute, not one per frame. Thread-safe; the number of peers tracked is bounded.
 */
final class LogThrottle {
    private static final int MAX_KEYS = 10_000;

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, long[]> states = new ConcurrentHashMap<>();

    LogThrottle(long intervalNanos, LongSupplier nanoTime) {
        this.intervalNanos = intervalNanos;
        this.nanoTime = nanoTime;
    }

    static LogThrottle perMinute() {
        return new LogThrottle(60_000_000_000L, System::nanoTime);
    }

    /**
     * @return -1 when this line is to be suppressed; otherwise the number of lines suppressed for this peer and kind
     *         since the last one logged (0 for the first)
     */
    long admit(String peerAddress, String kind) {
        if (states.size() >= MAX_KEYS) {
            states.clear(); // many peers at once: forget the counts rather than grow
        }
        long now = nanoTime.getAsLong();
        long[] result = {-1};
        // state = {last logged at, suppressed since}
        states.compute(peerAddress + ' ' + kind, (k, s) -> {
            if (s == null) {
                result[0] = 0;
                return new long[] {now, 0};
            }
            if (now - s[0] >= intervalNanos) {
                result[0] = s[1];
                s[0] = now;
                s[1] = 0;
            } else {
                s[1]++;
            }
            return s;
        });
        return result[0];
    }
}
