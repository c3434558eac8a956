package org.envmon.alerts.rules.water;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.envmon.alerts.rules.ConfiguredRule;
import org.envmon.alerts.rules.LoadContext;
import org.envmon.alerts.rules.RowFilter;
import org.envmon.alerts.rules.RuleBasics;
import org.envmon.alerts.rules.RuleContext;
import org.envmon.alerts.rules.RuleSettings;
import org.envmon.alerts.rules.RuleType;
import org.envmon.alerts.rules.Runs;
import org.envmon.alerts.rules.Scope;
import org.envmon.alerts.rules.SeriesSpec;
import org.envmon.alerts.rules.Streak;
import org.envmon.alerts.rules.Streaks;
import org.envmon.model.Medium;
import org.envmon.model.ObservationRow;
import org.envmon.model.Site;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertKey;
import org.envmon.model.alert.Condition;
import org.envmon.model.alert.Severity;
import org.envmon.model.alert.SubjectType;
import org.envmon.standards.water.WaterClass;
import org.envmon.standards.water.WaterRounding;
import org.envmon.standards.water.Waterbody;

/**
 * A surface-water section worse than its target class (水质目标). Each value of a GB 3838-2002 Table 1 item is classified
 * on its own with the standards library (single-factor method, GB 3838-2002 §5; digest §5.2), with the site's water
 * body (TP: lake/reservoir limits), rounded first as the deployment's {@link WaterRounding} says (by default to the
 * national publication's reporting precision, as the evaluation classes it), and compared with the site's target
 * class ({@link Site#targetClass()}), or the rule's default target for a site that has none. Per site and
 * parameter: opens after {@code minCount} values in a row worse than the target, closes after {@code clearCount}
 * values in a row at or better than it.
 *
 * <p>Items: by default the 21 items of the routine section class (环办〔2011〕22号, digest §5.3: Table 1 without water
 * temperature, TN and fecal coliform), each by its HJ 212 code; values are converted from the catalogue unit (Hg, Cd,
 * Cr(VI), As, Pb, Se arrive in µg/L) into mg/L before classifying. Only surface-water sites; values marked invalid by
 * QC, flagged other than N, negative, not newer than the series' latest, or older than {@code maxAge} are skipped.
 *
 * <p>The alert's value and threshold are in the Table 1 unit: the value as sent (the message adds the reported value
 * when the rounding changed it), and the target class's limit (null for pH, whose 6–9 range is the same for every
 * class).
 *
 * <p>Settings ({@code type=target-class}): {@code default-target} (class of sites without one: I–V or 1–5; III), {@code
 * waterbody} (of sites without one: river | lake | reservoir; river), {@code parameters} (GB 3838 Table 1 codes;
 * default the 21 routine items), {@code sites} (any), {@code interval} (hour), {@code min-count} (1), {@code
 * clear-count} (= min-count), {@code max-age} (P2D), {@code rounding} (reported | none: the plain policy; default the
 * deployment's, {@link LoadContext#waterRounding()}).
 */
public final class TargetClassRule extends ConfiguredRule<TargetClassRule.Spec> {

    /** The type {@code target-class}. */
    public static final RuleType<Spec> TYPE = new RuleType<>("target-class", Severity.WARNING, Set.of("default-target",
            "waterbody", "parameters", "sites", "interval", "min-count", "clear-count", "max-age", "rounding"),
            Spec::read, TargetClassRule::new);

    /**
     * @param defaultTarget    target class of sites that have none
     * @param defaultWaterbody water body of sites that have none
     * @param parameters       HJ 212 codes of Table 1 items
     * @param rounding         how a value is rounded before it is classed (the deployment's policy, or the rule's)
     */
    public record Spec(RuleBasics basics, Scope scope, Runs runs, WaterClass defaultTarget,
                       Waterbody defaultWaterbody, Set<String> parameters, WaterRounding rounding)
            implements SeriesSpec {
        public Spec {
            Objects.requireNonNull(rounding, "rounding");
            Objects.requireNonNull(defaultTarget, "defaultTarget");
            if (defaultTarget == WaterClass.WORSE_THAN_V) {
                throw basics.invalid("a target class is I to V");
            }
            Objects.requireNonNull(defaultWaterbody, "defaultWaterbody");
            parameters = Set.copyOf(parameters);
            if (parameters.isEmpty()) {
                throw basics.invalid("no parameters");
            }
            basics = basics.labelOr("worse than the target water class");
        }

        static Spec read(RuleBasics basics, RuleSettings s, LoadContext context) {
            return new Spec(basics, s.scope(), s.runs(),
                    s.get("default-target", WaterItems::parseClass, WaterClass.III),
                    s.get("waterbody", WaterItems::parseWaterbody, Waterbody.RIVER),
                    WaterItems.table1(s, "parameters", WaterItems.routineCodes()), WaterItems.rounding(s, context));
        }
    }

    private final Map<String, WaterItems.Item> items = new TreeMap<>();
    private final RowFilter filter;
    /** Per site, per code. */
    private final Streaks series = new Streaks();

    /** @throws IllegalArgumentException when a parameter is no Table 1 item or its catalogue unit does not convert */
    public TargetClassRule(Spec spec) {
        super(spec);
        for (String code : spec.parameters()) {
            try {
                items.put(code, WaterItems.item(code));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rule " + spec.id() + ": " + e.getMessage(), e);
            }
        }
        this.filter = new RowFilter(spec.interval(), Medium.SURFACE_WATER, spec.sites(), spec.maxAge());
    }

    @Override
    public Set<String> parameters() {
        return spec.parameters();
    }

    /**
     * An alert still active after a restart: its site and parameter series counts as raised again (without its
     * history; the value that raised it is taken as the latest), so later values persist it or, {@code clearCount} in a
     * row at or better than the target, close it.
     */
    @Override
    public void restore(Alert active) {
        if (items.containsKey(active.parameter())) {
            series.restore(active);
        }
    }

    @Override
    public void onObservation(ObservationRow row, RuleContext ctx) {
        WaterItems.Item item = items.get(row.parameter());
        if (item == null || !RowFilter.clean(row) || row.value() < 0 || !filter.accepts(row, ctx)) {
            return;
        }
        Site site = ctx.site(row.siteCode()).orElse(null);
        if (site == null) {
            return;
        }
        Streak s = series.of(row.siteCode(), row.parameter());
        if (!s.isNew(row.time())) {
            return;
        }
        Waterbody waterbody = WaterItems.waterbody(site, spec.defaultWaterbody());
        WaterClass target = site.targetClass() == null ? spec.defaultTarget()
                : WaterClass.values()[site.targetClass() - 1];
        BigDecimal value = item.convert(row.value());
        WaterClass actual;
        try {
            actual = item.classify(value, waterbody, spec.rounding());
        } catch (IllegalArgumentException e) {
            return; // pH outside 0-14: not a measurement
        }
        AlertKey key = new AlertKey(spec.id(), row.siteCode(), row.parameter());
        BigDecimal limit = item.limit(waterbody, target);
        String shown = WaterItems.shown(value, item.reported(value, spec.rounding()), item.unit());
        double v = value.doubleValue();
        switch (s.next(row.time(), actual.isWorseThan(target), spec.minCount(), spec.clearCount())) {
            case RAISE -> ctx.raise(new Condition(key, SubjectType.SITE, spec.severity(), row.time(), v,
                    limit == null ? null : limit.doubleValue(), item.higherIsWorse(),
                    String.format(Locale.ROOT, "%s: %s = %s is class %s, worse than the target class %s%s"
                            + " at site %s", spec.label(), item.display(), shown, actual,
                            target, limit == null ? "" : " (limit " + Units.fmt(limit) + " " + item.unit() + ")",
                            row.siteCode()).replace("  ", " ")));
            case PERSIST -> ctx.persist(key, v, item.higherIsWorse());
            case CLEAR -> {
                ctx.persist(key, v, item.higherIsWorse());
                ctx.clear(key, String.format(Locale.ROOT, "%s = %s is class %s, at or better than the target class"
                        + " %s (%d values in a row)", item.display(), shown, actual, target,
                        spec.clearCount()).replace("  ", " "));
            }
            default -> {
            }
        }
    }
}
