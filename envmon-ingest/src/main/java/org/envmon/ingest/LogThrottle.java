package org.envmon.ingest;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Rate limit for repeated warnings per source and kind (a peer's wrong password or unknown MN, a consumer's failed
 * batches, ...): the first is logged,
 * then at most one per interval, carrying the number suppressed since the last one. A flood of refused frames or
 * failing commits thus writes a few lines, not one per frame or batch. Thread-safe; the number of peers tracked is bounded.
 */
public final class LogThrottle {
    private static final int MAX_KEYS = 10_000;

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, long[]> states = new ConcurrentHashMap<>();

    public LogThrottle(long intervalNanos, LongSupplier nanoTime) {
        this.intervalNanos = intervalNanos;
        this.nanoTime = nanoTime;
    }

    public static LogThrottle perMinute() {
        return new LogThrottle(60_000_000_000L, System::nanoTime);
    }

    /**
     * @return -1 when this line is to be suppressed; otherwise the number of lines suppressed for this source and kind
     *         since the last one logged (0 for the first)
     */
    public long admit(String source, String kind) {
        if (states.size() >= MAX_KEYS) {
            states.clear(); // many sources at once: forget the counts rather than grow
        }
        long now = nanoTime.getAsLong();
        long[] result = {-1};
        // state = {last logged at, suppressed since}
        states.compute(source + ' ' + kind, (k, s) -> {
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
