package org.envmon.ingest.log;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Consumer-side deduplication: remembers the last {@code capacity} dedup keys seen (MN|CN|QN, or MN|CN|T&lt;data
 * time&gt;), so a redelivered message (a station's resend, or the log's own at-least-once redelivery) is handled
 * once. A redelivery older than the window passes; the store still recognises it by its unique key.
 */
public final class RecentKeys {
    private final Map<String, Boolean> seen;

    public RecentKeys(int capacity) {
        this.seen = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @return true the first time {@code key} is seen within the window; always true for a null key */
    public synchronized boolean firstTime(String key) {
        return key == null || seen.put(key, Boolean.TRUE) == null;
    }
}
