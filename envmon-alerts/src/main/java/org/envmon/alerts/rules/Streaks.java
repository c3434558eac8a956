package org.envmon.alerts.rules;

import java.util.HashMap;
import java.util.Map;
import org.envmon.model.alert.Alert;

/** A rule's {@link Streak}s, one per site and parameter. Touched only by the engine's worker thread. */
public final class Streaks {
    private final Map<String, Map<String, Streak>> bySite = new HashMap<>();

    /** The streak of a site's parameter (a new one the first time). */
    public Streak of(String site, String parameter) {
        return bySite.computeIfAbsent(site, k -> new HashMap<>()).computeIfAbsent(parameter, k -> new Streak());
    }

    /** After a restart: the streak of an alert still active is raised again ({@link Streak#restore}). */
    public void restore(Alert active) {
        of(active.subject(), active.parameter()).restore(active.dataTime());
    }
}
