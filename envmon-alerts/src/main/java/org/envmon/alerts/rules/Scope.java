package org.envmon.alerts.rules;

import java.time.Duration;
import java.util.Set;
import org.envmon.model.Interval;
import org.envmon.model.Medium;

/**
 * Which sites and values a rule looks at: settings {@code sites} (comma list), {@code medium} and {@code interval}.
 *
 * @param sites    empty for any
 * @param medium   null for any
 * @param interval null for any
 */
public record Scope(Set<String> sites, Medium medium, Interval interval) {

    public Scope {
        sites = Set.copyOf(sites);
    }

    /** The filter of observation rows in this scope, not older than {@code maxAge}. */
    public RowFilter rows(Duration maxAge) {
        return new RowFilter(interval, medium, sites, maxAge);
    }
}
