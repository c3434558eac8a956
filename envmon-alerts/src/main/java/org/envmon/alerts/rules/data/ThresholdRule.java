package org.envmon.alerts.rules.data;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.envmon.alerts.rules.ConfiguredRule;
import org.envmon.alerts.rules.Numbers;
import org.envmon.alerts.rules.RuleBasics;
import org.envmon.alerts.rules.RuleContext;
import org.envmon.alerts.rules.RuleSettings;
import org.envmon.alerts.rules.RuleType;
import org.envmon.alerts.rules.Runs;
import org.envmon.alerts.rules.Scope;
import org.envmon.alerts.rules.SeriesSpec;
import org.envmon.model.Interval;
import org.envmon.model.ObservationRow;
import org.envmon.model.Statistic;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertKey;
import org.envmon.model.alert.Condition;
import org.envmon.model.alert.Severity;
import org.envmon.model.alert.SubjectType;

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
 * <p>Settings ({@code type=threshold}): {@code parameter} (HJ 212 code, required), {@code threshold} (required),
 * {@code direction} (above | below, default above: worse when higher, like NH3-N; below: worse when lower, like
 * dissolved oxygen), {@code hysteresis} (0), {@code min-count} (1), {@code min-duration} (0), {@code clear-count}
 * (= min-count), {@code clear-duration} (= min-duration), {@code max-age} (P2D), {@code medium} (any),
 * {@code sites} (comma list; any), {@code interval} (hour | minute | day | realtime | any; default hour; each interval
 * is followed separately), {@code statistic} (value), {@code unit} (shown in messages). The default label is
 * "parameter above threshold".
 */
public final class ThresholdRule extends ConfiguredRule<ThresholdRule.Spec> {

    public enum Direction {
        ABOVE, BELOW;

        public static Direction fromCode(String code) {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        }
    }

    /** The type {@code threshold}. */
    public static final RuleType<Spec> TYPE = new RuleType<>("threshold", Severity.WARNING, Set.of("parameter",
            "threshold", "direction", "hysteresis", "min-count", "min-duration", "clear-count", "clear-duration",
            "max-age", "medium", "sites", "interval", "statistic", "unit"), Spec::read, ThresholdRule::new);

    /** The rule's configuration (see the class comment for the meaning of each field). */
    public record Spec(RuleBasics basics, Scope scope, Runs runs, String parameter, Statistic statistic,
                       Direction direction, double threshold, double hysteresis, Duration minDuration,
                       Duration clearDuration, String unit) implements SeriesSpec {

        public Spec {
            Objects.requireNonNull(parameter, "parameter");
            Objects.requireNonNull(statistic, "statistic");
            Objects.requireNonNull(direction, "direction");
            if (!Double.isFinite(threshold)) {
                throw basics.invalid("threshold must be a number");
            }
            if (hysteresis < 0 || minDuration.isNegative() || clearDuration.isNegative()) {
                throw basics.invalid("hysteresis, min-duration and clear-duration must be >= 0");
            }
            unit = unit == null ? "" : unit;
            basics = basics.labelOr(parameter + " " + direction.name().toLowerCase(Locale.ROOT) + " "
                    + fmt(threshold));
        }

        static Spec read(RuleBasics basics, RuleSettings s) {
            Duration minDuration = s.duration("min-duration", Duration.ZERO);
            return new Spec(basics, s.scope(), s.runs(), s.required("parameter"),
                    s.get("statistic", v -> Statistic.valueOf(v.toUpperCase(Locale.ROOT)), Statistic.VALUE),
                    s.get("direction", Direction::fromCode, Direction.ABOVE), s.number("threshold", null),
                    s.number("hysteresis", 0.0), minDuration, s.duration("clear-duration", minDuration), s.raw("unit"));
        }
    }

    private static final class Series {
        boolean raised;
        Instant last;
        final Run bad = new Run();
        final Run good = new Run();
    }

    /** Values in a row on one side of the threshold (or of the clear level): how many, since when. */
    private static final class Run {
        int count;
        Instant since;

        void reset() {
            count = 0;
            since = null;
        }

        /**
         * Takes a value of {@code time} that is on this side ({@code holds}) or not (which ends the run); true once
         * the run has {@code minCount} values over {@code minDuration}.
         */
        boolean next(boolean holds, Instant time, int minCount, Duration minDuration) {
            if (!holds) {
                reset();
                return false;
            }
            count++;
            if (since == null) {
                since = time;
            }
            return count >= minCount && !Duration.between(since, time).minus(minDuration).isNegative();
        }
    }

    /** Per site, one slot per interval; touched only by the engine's worker thread. */
    private final Map<String, Series[]> series = new HashMap<>();

    public ThresholdRule(Spec spec) {
        super(spec);
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
            if (s.bad.next(exceeds, row.time(), c.minCount(), c.minDuration())) {
                s.raised = true;
                s.good.reset();
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
        if (s.good.next(good, row.time(), c.clearCount(), c.clearDuration())) {
            s.raised = false;
            s.bad.reset();
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
        return Numbers.fmt(v);
    }
}
