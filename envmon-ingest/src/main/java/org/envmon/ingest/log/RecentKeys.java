package org.envmon.ingest.log;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Consumer-side deduplication: remembers each station's last {@code perStation} dedup keys (MN|CN|QN, or
 * MN|CN|T&lt;data time&gt;), so a redelivered message (a station's resend, or the log's own at-least-once
 * redelivery) is handled once. Kept per station, since a station resends its own recent packets: the window is a
 * number of that station's packets, whatever the other stations send. A redelivery older than the window passes;
 * the store still recognises it by its unique key.
 */
public final class RecentKeys {
    private final int perStation;
    private final Map<String, LinkedHashSet<String>> byStation = new ConcurrentHashMap<>();

    public RecentKeys(int perStation) {
        this.perStation = perStation;
    }

    /** @return true the first time {@code dedupKey} is seen within the station's window; always true for a null key */
    public boolean firstTime(String station, String dedupKey) {
        if (dedupKey == null) {
            return true;
        }
        LinkedHashSet<String> seen = byStation.computeIfAbsent(station == null ? "" : station,
                s -> new LinkedHashSet<>());
        synchronized (seen) {
            if (!seen.add(dedupKey)) {
                return false;
            }
            if (seen.size() > perStation) {
                seen.remove(seen.iterator().next());
            }
            return true;
        }
    }
}
