package org.envmon.alerts.rules.water;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.envmon.alerts.rules.ConfiguredRule;
import org.envmon.alerts.rules.LoadContext;
import org.envmon.alerts.rules.Numbers;
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
 * Centralised drinking-water source (集中式饮用水水源地) out of limits: only surface-water sites with
 * {@link Site#drinkingWaterSource()}. A value exceeds when
 * <ul>
 * <li>an item with a fixed limit (GB 3838-2002 Table 2 supplementary items, configured Table 3 specific items) is above
 * its limit, or</li>
 * <li>a Table 1 item classifies (single value, site's water body, rounded first as the deployment's
 * {@link WaterRounding} says, as the evaluation classes it) worse than {@code maxClass} (class III: GB 3838-2002 §4
 * assigns centralised drinking-water sources to classes II and III).</li>
 * </ul>
 * Limits are in mg/L; each value is converted exactly from its catalogue unit (Tl arrives in ng/L, Sb in µg/L) before
 * the comparison, and the alert's value and threshold are in mg/L. Per site and parameter: opens after
 * {@code minCount} exceeding values in a row, closes after {@code clearCount} values in a row within the limit. Values
 * marked invalid by QC, flagged other than N, negative, not newer than the series' latest, or older than
 * {@code maxAge} are skipped.
 *
 * <p>Settings ({@code type=drinking-source}; severity critical by default): {@code supplementary} (GB 3838 Table 2
 * limits in mg/L as a {@code code:limit} list; default sulfate w21038:250, chloride w21022:250, nitrate-N w21007:10, Fe
 * w20125:0.3, Mn w20124:0.1), {@code specific} (Table 3 items, same form; default Tl w20089:0.0001, Sb w20004:0.005),
 * {@code basic} (Table 1 codes checked by class; default the 21 routine items; empty for none), {@code max-class}
 * (III), {@code waterbody} (river), {@code sites} (any), {@code interval} (hour), {@code min-count} (1), {@code
 * clear-count} (= min-count), {@code max-age} (P2D), {@code rounding} (as target-class: reported | none; default the
 * deployment's).
 */
public final class DrinkingSourceRule extends ConfiguredRule<DrinkingSourceRule.Spec> {

    /** The type {@code drinking-source}: critical by default. */
    public static final RuleType<Spec> TYPE = new RuleType<>("drinking-source", Severity.CRITICAL, Set.of(
            "supplementary", "specific", "basic", "max-class", "waterbody", "sites", "interval", "min-count",
            "clear-count", "max-age", "rounding"), Spec::read, DrinkingSourceRule::new);

    /** GB 3838-2002 Table 2, supplementary items for centralised drinking-water sources, mg/L (digest §5.1 [mem]). */
    static final String TABLE2 = "w21038:250, w21022:250, w21007:10, w20125:0.3, w20124:0.1";
    /** GB 3838-2002 Table 3 items shipped by default (Tl, Sb), mg/L [mem: not in the digest]. */
    static final String TABLE3 = "w20089:0.0001, w20004:0.005";

    /**
     * @param limits   HJ 212 code → limit in mg/L ("value above the limit exceeds") for items outside Table 1
     * @param table1   HJ 212 codes of the Table 1 items checked against {@code maxClass}
     * @param maxClass the worst class a Table 1 value may have
     * @param scope    only these sites (empty for every drinking-water source) and this interval (null for any)
     * @param rounding how a Table 1 value is rounded before it is classed (the deployment's policy, or the rule's)
     */
    public record Spec(RuleBasics basics, Scope scope, Runs runs, Map<String, BigDecimal> limits, Set<String> table1,
                       WaterClass maxClass, Waterbody defaultWaterbody, WaterRounding rounding)
            implements SeriesSpec {
        public Spec {
            Objects.requireNonNull(rounding, "rounding");
            limits = Map.copyOf(limits);
            table1 = Set.copyOf(table1);
            for (Map.Entry<String, BigDecimal> e : limits.entrySet()) {
                if (e.getValue().signum() <= 0) {
                    throw basics.invalid("limit of " + e.getKey() + " must be > 0");
                }
                if (table1.contains(e.getKey())) {
                    throw basics.invalid(e.getKey() + " is a Table 1 item (checked by class), give it no fixed limit");
                }
            }
            if (limits.isEmpty() && table1.isEmpty()) {
                throw basics.invalid("no parameters");
            }
            Objects.requireNonNull(maxClass, "maxClass");
            if (maxClass == WaterClass.WORSE_THAN_V) {
                throw basics.invalid("max-class is I to V");
            }
            Objects.requireNonNull(defaultWaterbody, "defaultWaterbody");
            basics = basics.labelOr("drinking-water source out of limits");
        }

        static Spec read(RuleBasics basics, RuleSettings s, LoadContext context) {
            Map<String, BigDecimal> limits = new LinkedHashMap<>(WaterItems.limits(s, "supplementary", TABLE2));
            WaterItems.limits(s, "specific", TABLE3).forEach((code, limit) -> {
                if (limits.put(code, limit) != null) {
                    throw s.invalid(code + " is in both supplementary and specific");
                }
            });
            return new Spec(basics, s.scope(), s.runs(), limits,
                    WaterItems.table1(s, "basic", WaterItems.routineCodes()),
                    s.get("max-class", WaterItems::parseClass, WaterClass.III),
                    s.get("waterbody", WaterItems::parseWaterbody, Waterbody.RIVER), WaterItems.rounding(s, context));
        }
    }

    private final Map<String, WaterItems.Item> table1 = new TreeMap<>();
    /** Power of ten from the catalogue unit to mg/L, per fixed-limit code. */
    private final Map<String, Integer> limitPower = new TreeMap<>();
    private final Set<String> parameters = new HashSet<>();
    private final RowFilter filter;
    private final Streaks series = new Streaks();

    /** @throws IllegalArgumentException when a code is not in the catalogue, or its unit does not convert to mg/L */
    public DrinkingSourceRule(Spec spec) {
        super(spec);
        try {
            for (String code : spec.table1()) {
                table1.put(code, WaterItems.item(code));
            }
            for (String code : spec.limits().keySet()) {
                limitPower.put(code, Units.powerFromCatalogue(code, "mg/L"));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rule " + spec.id() + ": " + e.getMessage(), e);
        }
        parameters.addAll(spec.table1());
        parameters.addAll(spec.limits().keySet());
        this.filter = new RowFilter(spec.interval(), Medium.SURFACE_WATER, spec.sites(), spec.maxAge());
    }

    @Override
    public Set<String> parameters() {
        return Set.copyOf(parameters);
    }

    /**
     * An alert still active after a restart: its site and parameter series counts as raised again (without its
     * history; the value that raised it is taken as the latest), so later values persist it or, {@code clearCount} in a
     * row within the limit, close it.
     */
    @Override
    public void restore(Alert active) {
        if (parameters.contains(active.parameter())) {
            series.restore(active);
        }
    }

    @Override
    public void onObservation(ObservationRow row, RuleContext ctx) {
        String code = row.parameter();
        if (!parameters.contains(code) || !RowFilter.clean(row) || row.value() < 0 || !filter.accepts(row, ctx)) {
            return;
        }
        Site site = ctx.site(row.siteCode()).orElse(null);
        if (site == null || !site.drinkingWaterSource()) {
            return;
        }
        Streak s = series.of(row.siteCode(), code);
        if (!s.isNew(row.time())) {
            return;
        }
        BigDecimal value;
        BigDecimal limit;
        boolean bad;
        boolean higherIsWorse = true;
        String what;
        String unit;
        String display;
        String shown;
        WaterItems.Item item = table1.get(code);
        if (item != null) {
            Waterbody waterbody = WaterItems.waterbody(site, spec.defaultWaterbody());
            value = item.convert(row.value());
            WaterClass actual;
            try {
                actual = item.classify(value, waterbody, spec.rounding());
            } catch (IllegalArgumentException e) {
                return; // pH outside 0-14: not a measurement
            }
            bad = actual.isWorseThan(spec.maxClass());
            limit = item.limit(waterbody, spec.maxClass());
            higherIsWorse = item.higherIsWorse();
            unit = item.unit();
            display = item.display();
            shown = WaterItems.shown(value, item.reported(value, spec.rounding()), unit);
            what = "class " + actual + ", worse than class " + spec.maxClass() + " (GB 3838-2002 Table 1"
                    + (limit == null ? ", pH 6-9)" : ", limit " + Units.fmt(limit) + " " + unit + ")");
        } else {
            value = Units.scale(row.value(), limitPower.get(code));
            limit = spec.limits().get(code);
            bad = value.compareTo(limit) > 0;
            unit = "mg/L";
            display = WaterItems.name(code) + " (" + code + ")";
            shown = Units.fmt(value) + " " + unit;
            what = "above the limit " + Units.fmt(limit) + " mg/L";
        }
        AlertKey key = new AlertKey(spec.id(), row.siteCode(), code);
        double v = value.doubleValue();
        switch (s.next(row.time(), bad, spec.minCount(), spec.clearCount())) {
            case RAISE -> ctx.raise(new Condition(key, SubjectType.SITE, spec.severity(), row.time(), v,
                    limit == null ? null : limit.doubleValue(), higherIsWorse,
                    String.format(Locale.ROOT, "%s: %s = %s%s is %s at drinking-water source %s", spec.label(),
                            display, shown, sentAs(row, unit), what, row.siteCode())
                            .replace("  ", " ")));
            case PERSIST -> ctx.persist(key, v, higherIsWorse);
            case CLEAR -> {
                ctx.persist(key, v, higherIsWorse);
                ctx.clear(key, String.format(Locale.ROOT, "%s = %s within the limit (%d values in a row)",
                        display, shown, spec.clearCount()).replace("  ", " "));
            }
            default -> {
            }
        }
    }

    /** " (150 ng/L as sent)" when the value was converted, else "". */
    private static String sentAs(ObservationRow row, String unit) {
        String sent = Units.unitOf(row.parameter()).orElse(unit);
        return Units.normalise(sent).equals(Units.normalise(unit)) ? ""
                : " (" + Numbers.fmt(row.value()) + " " + sent + " as sent)";
    }
}
