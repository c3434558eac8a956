package org.envmon.alerts.rules;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.ObservationRow;
import org.envmon.model.Statistic;

/**
 * Which observations a rule looks at: value statistic, one interval (or any), listed sites (or any), a medium (or
 * any), not older than {@code maxAge} before the engine clock (history uploads and file imports raise nothing).
 *
 * @param interval null for any
 * @param medium   null for any
 * @param sites    empty for any
 */
public record RowFilter(Interval interval, Medium medium, Set<String> sites, Duration maxAge) {

    public RowFilter {
        sites = Set.copyOf(sites);
        Objects.requireNonNull(maxAge, "maxAge");
    }

    /** Whether the rule looks at this row (the site is looked up, cached by the engine, only when a medium is set). */
    public boolean accepts(ObservationRow row, RuleContext ctx) {
        if (row.statistic() != Statistic.VALUE || (interval != null && row.interval() != interval)) {
            return false;
        }
        if (!sites.isEmpty() && !sites.contains(row.siteCode())) {
            return false;
        }
        if (row.time().isBefore(ctx.now().minus(maxAge))) {
            return false;
        }
        return medium == null || ctx.site(row.siteCode()).map(s -> s.medium() == medium).orElse(false);
    }

    /** A measured value: valid by QC, instrument flag N or none, finite. */
    public static boolean clean(ObservationRow row) {
        return row.valid() && (row.flag() == null || row.flag().equalsIgnoreCase("N")) && Double.isFinite(row.value());
    }
}
