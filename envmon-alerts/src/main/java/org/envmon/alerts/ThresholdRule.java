package org.envmon.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.ObservationRow;
import org.envmon.model.Statistic;

/**
 * Threshold or standard exceedance of one parameter per site, with hysteresis and a minimum duration.
 *
 * <p>Per site (and interval) the rule opens when the last {@code minCount} values in a row exceed the threshold and
 * they span at least {@code minDuration} (from the first exceeding value's time to the latest's); it clears when
 * {@code clearCount} values in a row, spanning {@code clearDuration}, are on the good side of
 * {@code threshold ∓ hysteresis}. Values in the hysteresis band keep the condition as it is. "In a row" is in arrival
 * order of the site's values; a value not newer than the latest evaluated one (a redelivered or back-filled hour) and
 * a value older than {@code maxAge} are ignored, so history uploads and file imports do not raise alerts. Values
 * marked invalid by QC or carrying an instrument flag other than N are skipped (they neither raise nor clear).
 *
 * <p>Fields of the {@link Spec}:
 * <br>{@code direction}: ABOVE: worse when higher (NH3-N, PM2.5); BELOW: worse when lower (dissolved oxygen)
 * <br>{@code medium}: only sites of this medium, or null for any
 * <br>{@code sites}: only these site codes, or empty for any
 * <br>{@code interval}: only values of this interval, or null for any (each interval is followed separately)
 * <br>{@code label}: what the alert says the condition is ("NH3-N worse than GB 3838 class III")
 */
public final class ThresholdRule implements AlertRule {

    public enum Direction {
        ABOVE, BELOW;

        public static Direction fromCode(String code) {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        }
    }

    /** The rule's configuration (see the class comment for the meaning of each field). */
    public record Spec(
            String id,
            String parameter,
            Medium medium,
            Set<String> sites,
            Interval interval,
            Statistic statistic,
            Direction direction,
            double threshold,
            double hysteresis,
            int minCount,
            Duration minDuration,
            int clearCount,
            Duration clearDuration,
            Duration maxAge,
            Severity severity,
            String unit,
            String label) {

        public Spec {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(parameter, "parameter");
            sites = Set.copyOf(sites);
            Objects.requireNonNull(statistic, "statistic");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(severity, "severity");
            if (!Double.isFinite(threshold)) {
                throw new IllegalArgumentException("rule " + id + ": threshold must be a number");
            }
            if (hysteresis < 0 || minCount < 1 || clearCount < 1) {
                throw new IllegalArgumentException("rule " + id
                        + ": hysteresis must be >= 0, min-count and clear-count >= 1");
            }
            if (minDuration.isNegative() || clearDuration.isNegative() || maxAge.isNegative() || maxAge.isZero()) {
                throw new IllegalArgumentException("rule " + id + ": durations must not be negative, max-age positive");
            }
            unit = unit == null ? "" : unit;
            label = label == null || label.isBlank()
                    ? parameter + " " + direction.name().toLowerCase(Locale.ROOT) + " " + fmt(threshold) : label;
        }
    }

    private static final class Series {
        boolean raised;
        Instant last;
        int bad;
        Instant badSince;
        int good;
        Instant goodSince;
    }

    private final Spec spec;
    /** Per site, one slot per interval; touched only by the engine's worker thread. */
    private final Map<String, Series[]> series = new HashMap<>();

    public ThresholdRule(Spec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    public Spec spec() {
        return spec;
    }

    @Override
    public String id() {
        return spec.id();
    }

    @Override
    public Set<String> parameters() {
        return Set.of(spec.parameter());
    }

    @Override
    public void onObservation(ObservationRow row, RuleContext ctx) {
        Spec c = spec;
        if (row.statistic() != c.statistic() || (c.interval() != null && row.interval() != c.interval())) {
            return;
        }
        if (!row.valid() || (row.flag() != null && !row.flag().equalsIgnoreCase("N")) || !Double.isFinite(row.value())) {
            return;
        }
        if (!c.sites().isEmpty() && !c.sites().contains(row.siteCode())) {
            return;
        }
        if (row.time().isBefore(ctx.now().minus(c.maxAge()))) {
            return;
        }
        if (c.medium() != null && ctx.site(row.siteCode()).map(site -> site.medium() != c.medium()).orElse(true)) {
            return;
        }
        Series[] perInterval = series.computeIfAbsent(row.siteCode(), k -> new Series[Interval.values().length]);
        Series s = perInterval[row.interval().ordinal()];
        if (s == null) {
            s = perInterval[row.interval().ordinal()] = new Series();
        }
        if (s.last != null && !row.time().isAfter(s.last)) {
            return;
        }
        s.last = row.time();
        double v = row.value();
        boolean above = c.direction() == Direction.ABOVE;
        AlertKey key = new AlertKey(c.id(), row.siteCode(), c.parameter());
        if (!s.raised) {
            boolean exceeds = above ? v > c.threshold() : v < c.threshold();
            if (!exceeds) {
                s.bad = 0;
                s.badSince = null;
                return;
            }
            s.bad++;
            if (s.badSince == null) {
                s.badSince = row.time();
            }
            if (s.bad >= c.minCount() && !Duration.between(s.badSince, row.time()).minus(c.minDuration()).isNegative()) {
                s.raised = true;
                s.good = 0;
                s.goodSince = null;
                ctx.raise(new Condition(key, SubjectType.SITE, c.severity(), row.time(), v, c.threshold(), above,
                        String.format(Locale.ROOT, "%s: %s = %s %s %s %s at site %s", c.label(), c.parameter(),
                                fmt(v), c.unit(), above ? ">" : "<", fmt(c.threshold()), row.siteCode())
                                .replace("  ", " ")));
            }
            return;
        }
        ctx.persist(key, v, above);
        double clearLevel = above ? c.threshold() - c.hysteresis() : c.threshold() + c.hysteresis();
        boolean good = above ? v < clearLevel : v > clearLevel;
        if (!good) {
            s.good = 0;
            s.goodSince = null;
            return;
        }
        s.good++;
        if (s.goodSince == null) {
            s.goodSince = row.time();
        }
        if (s.good >= c.clearCount()
                && !Duration.between(s.goodSince, row.time()).minus(c.clearDuration()).isNegative()) {
            s.raised = false;
            s.bad = 0;
            s.badSince = null;
            ctx.clear(key, String.format(Locale.ROOT, "%s = %s %s, %s %s (threshold %s, hysteresis %s)",
                    c.parameter(), fmt(v), c.unit(), above ? "below" : "above", fmt(clearLevel), fmt(c.threshold()),
                    fmt(c.hysteresis())).replace("  ", " "));
        }
    }

    /**
     * An alert still active after a restart: the site's series count as raised again (without their history), so
     * further values persist or clear the alert. With no interval configured, every interval's series of the site
     * is marked, as they share the alert.
     */
    @Override
    public void restore(Alert active) {
        if (!active.parameter().equals(spec.parameter())) {
            return;
        }
        Series[] perInterval = series.computeIfAbsent(active.subject(), k -> new Series[Interval.values().length]);
        for (Interval iv : Interval.values()) {
            if (spec.interval() == null || spec.interval() == iv) {
                if (perInterval[iv.ordinal()] == null) {
                    perInterval[iv.ordinal()] = new Series();
                }
                perInterval[iv.ordinal()].raised = true;
            }
        }
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
