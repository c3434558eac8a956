package org.envmon.alerts.rules.data;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.envmon.alerts.rules.ConfiguredRule;
import org.envmon.alerts.rules.Numbers;
import org.envmon.alerts.rules.RowFilter;
import org.envmon.alerts.rules.RuleBasics;
import org.envmon.alerts.rules.RuleContext;
import org.envmon.alerts.rules.RuleSettings;
import org.envmon.alerts.rules.RuleType;
import org.envmon.alerts.rules.Scope;
import org.envmon.alerts.rules.ScopedSpec;
import org.envmon.model.ObservationRow;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertKey;
import org.envmon.model.alert.Condition;
import org.envmon.model.alert.Severity;
import org.envmon.model.alert.SubjectType;

/**
 * Data capture below target: per site and parameter, the share of the expected values received and valid over a
 * rolling window, checked on the engine's tick. Expected: one value per {@code every} (PT1H: hourly data) in the
 * {@code window} (P1D: 24 values), counted in whole slots of {@code every} since the epoch that end at or before the
 * slot of the tick (the running slot is not expected yet). A slot counts once when a value with its time arrived,
 * valid by QC (instrument flag N or none), whenever it arrived; redelivered and back-filled values fill their slot.
 *
 * <p>Only pairs heard from since the engine started are watched, and only after one full window since the first
 * value (valid or not) arrived: the engine does not read history, so a station at boot would otherwise show a
 * capture near zero; a parameter a station does not measure is never watched. Opens when the share is below
 * {@code target}, updates while it stays below, closes when it is back at or above. The alert's value is the share
 * (0 to 1), its threshold the target.
 *
 * <p>Restart: a pair whose alert is still active when the engine starts ({@link #restore}) is watched again as raised,
 * as if first heard from at the engine's first input after the restart (tick or value), whether it sends or not. Its
 * values from before the restart are not known, so during that first window the share counted from the values
 * received since (re-uploaded ones included) is only a lower bound: at or above the target it already closes the
 * alert; below, it is not reported (the alert keeps its values). After the full window the pair is evaluated as usual.
 *
 * <p>Settings ({@code type=capture}): {@code parameters} (required), {@code window} (P1D), {@code every} (PT1H), {@code
 * target} (0.75), {@code medium} (any), {@code sites} (any), {@code interval} (hour).
 */
public final class CaptureRule extends ConfiguredRule<CaptureRule.Spec> {

    /** The type {@code capture}. */
    public static final RuleType<Spec> TYPE = new RuleType<>("capture", Severity.WARNING, Set.of("parameters", "window",
            "every", "target", "medium", "sites", "interval"), Spec::read, CaptureRule::new);

    /**
     * @param parameters HJ 212 codes watched
     * @param target     share 0 &lt; target ≤ 1
     */
    public record Spec(RuleBasics basics, Scope scope, Set<String> parameters, Duration window, Duration every,
                       double target) implements ScopedSpec {
        public Spec {
            parameters = Set.copyOf(parameters);
            if (parameters.isEmpty()) {
                throw basics.invalid("'parameters' is required");
            }
            if (every == null || every.toSeconds() < 1 || window == null || window.compareTo(every) < 0
                    || window.toSeconds() % every.toSeconds() != 0) {
                throw basics.invalid("every must be >= 1 s and window a positive multiple of it");
            }
            if (!(target > 0 && target <= 1)) {
                throw basics.invalid("target must be > 0 and <= 1");
            }
            basics = basics.labelOr("data capture below target");
        }

        static Spec read(RuleBasics basics, RuleSettings s) {
            return new Spec(basics, s.scope(), s.nonEmptySet("parameters"), s.duration("window", Duration.ofDays(1)),
                    s.duration("every", Duration.ofHours(1)), s.number("target", 0.75));
        }

        /** Values expected in the window. */
        public long expected() {
            return window.toSeconds() / every.toSeconds();
        }
    }

    private static final class Series {
        /** Null for a restored pair until the first input after the restart. */
        Instant firstSeen;
        final TreeSet<Long> slots = new TreeSet<>();
        boolean raised;

        Series(Instant firstSeen) {
            this.firstSeen = firstSeen;
        }
    }

    private final RowFilter filter;
    /** Per site, per code. */
    private final Map<String, Map<String, Series>> series = new HashMap<>();

    public CaptureRule(Spec spec) {
        super(spec);
        this.filter = spec.scope().rows(Duration.ofDays(36500));
    }

    @Override
    public Set<String> parameters() {
        return spec.parameters();
    }

    @Override
    public void onObservation(ObservationRow row, RuleContext ctx) {
        if (!spec.parameters().contains(row.parameter()) || !filter.accepts(row, ctx)) {
            return;
        }
        Series s = series.computeIfAbsent(row.siteCode(), k -> new HashMap<>())
                .computeIfAbsent(row.parameter(), k -> new Series(ctx.now()));
        if (s.firstSeen == null) {
            s.firstSeen = ctx.now();
        }
        if (RowFilter.clean(row)) {
            long slot = slot(row.time());
            if (slot >= slot(ctx.now()) - spec.expected()) {
                s.slots.add(slot);
            }
        }
    }

    private long slot(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), spec.every().toSeconds());
    }

    /**
     * An alert still active after a restart: its site and parameter pair is watched again as raised (see the class
     * comment for its first window), so a share back at the target closes it and one still below updates it.
     */
    @Override
    public void restore(Alert active) {
        if (spec.parameters().contains(active.parameter())) {
            series.computeIfAbsent(active.subject(), k -> new HashMap<>())
                    .computeIfAbsent(active.parameter(), k -> new Series(null)).raised = true;
        }
    }

    @Override
    public void onTick(Instant now, RuleContext ctx) {
        long n = spec.expected();
        long end = slot(now);            // the running slot: not expected yet
        long from = end - n;
        for (Map.Entry<String, Map<String, Series>> site : series.entrySet()) {
            for (Map.Entry<String, Series> e : site.getValue().entrySet()) {
                Series s = e.getValue();
                s.slots.headSet(from).clear();
                if (s.firstSeen == null) {
                    s.firstSeen = now;
                }
                boolean fullWindow = Duration.between(s.firstSeen, now).compareTo(spec.window()) >= 0;
                if (!fullWindow && !s.raised) {
                    continue;
                }
                int got = s.slots.subSet(from, end).size();
                double share = (double) got / n;
                AlertKey key = new AlertKey(spec.id(), site.getKey(), e.getKey());
                boolean below = share < spec.target();
                if (!fullWindow && below) {
                    continue; // restored, first window: a lower bound, only at the target does it tell
                }
                if (below && !s.raised) {
                    s.raised = true;
                    ctx.raise(new Condition(key, SubjectType.SITE, spec.severity(),
                            Instant.ofEpochSecond(from * spec.every().toSeconds()), share, spec.target(), false,
                            String.format(Locale.ROOT, "%s: %s at site %s: %d of %d expected values (%s) received "
                                            + "and valid in the last %s, target %s", spec.label(), e.getKey(),
                                    site.getKey(), got, n, percent(share), spec.window(), percent(spec.target()))));
                } else if (below) {
                    ctx.persist(key, share, false);
                } else if (s.raised) {
                    s.raised = false;
                    ctx.persist(key, share, false);
                    ctx.clear(key, String.format(Locale.ROOT, "%d of %d expected values (%s) in the last %s", got, n,
                            percent(share), spec.window()));
                }
            }
        }
    }

    private static String percent(double share) {
        return Numbers.fmt(Math.round(share * 1000) / 10.0) + "%";
    }
}
