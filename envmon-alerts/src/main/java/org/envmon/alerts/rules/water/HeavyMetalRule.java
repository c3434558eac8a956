package org.envmon.alerts.rules.water;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.envmon.alerts.rules.ConfiguredRule;
import org.envmon.alerts.rules.RuleBasics;
import org.envmon.alerts.rules.RuleContext;
import org.envmon.alerts.rules.RuleSettings;
import org.envmon.alerts.rules.RuleType;
import org.envmon.alerts.rules.Runs;
import org.envmon.alerts.rules.Scope;
import org.envmon.alerts.rules.SeriesSpec;
import org.envmon.alerts.rules.data.ThresholdRule;
import org.envmon.model.ObservationRow;
import org.envmon.model.Statistic;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.Severity;

/**
 * Heavy metals above a limit: a convenience over {@link ThresholdRule}, one threshold per metal, all under this rule's
 * id (the alerts differ by parameter). Limits are configured in mg/L, the unit of GB 3838-2002, and converted exactly
 * into the catalogue unit of each code (Tl 0.0001 mg/L = 100 ng/L) for the threshold rule, whose alert values and
 * message are then in the unit as sent. Opening, closing, skipping and the manual-close behaviour are those of the
 * threshold rule (direction above, no hysteresis).
 *
 * <p>Settings ({@code type=heavy-metal}): {@code limits} ({@code code:limit} list in mg/L; default Tl w20089:0.0001, Sb
 * w20004:0.005, Mn w20124:0.1), {@code medium} (any), {@code sites} (any), {@code interval} (hour), {@code min-count}
 * (1), {@code clear-count} (= min-count), {@code max-age} (P2D).
 */
public final class HeavyMetalRule extends ConfiguredRule<HeavyMetalRule.Spec> {

    /** The type {@code heavy-metal}. */
    public static final RuleType<Spec> TYPE = new RuleType<>("heavy-metal", Severity.WARNING, Set.of("limits",
            "medium", "sites", "interval", "min-count", "clear-count", "max-age"), Spec::read, HeavyMetalRule::new);

    /** Heavy metals watched by default: Tl, Sb (Table 3), Mn (Table 2), mg/L. */
    static final String METALS = "w20089:0.0001, w20004:0.005, w20124:0.1";

    /** @param limits HJ 212 code → limit in mg/L, in the order given */
    public record Spec(RuleBasics basics, Scope scope, Runs runs, Map<String, BigDecimal> limits)
            implements SeriesSpec {
        public Spec {
            limits = Collections.unmodifiableMap(new LinkedHashMap<>(limits));
            if (limits.isEmpty()) {
                throw basics.invalid("no metals");
            }
            for (Map.Entry<String, BigDecimal> e : limits.entrySet()) {
                if (e.getValue().signum() <= 0) {
                    throw basics.invalid("limit of " + e.getKey() + " must be > 0");
                }
            }
            basics = basics.labelOr("heavy metal above the limit");
        }

        static Spec read(RuleBasics basics, RuleSettings s) {
            return new Spec(basics, s.scope(), s.runs(), WaterItems.limits(s, "limits", METALS));
        }
    }

    private final Map<String, ThresholdRule> byCode = new TreeMap<>();

    /** @throws IllegalArgumentException when a code is not in the catalogue or its unit is not a concentration */
    public HeavyMetalRule(Spec spec) {
        super(spec);
        for (Map.Entry<String, BigDecimal> e : spec.limits().entrySet()) {
            String code = e.getKey();
            String unit;
            int power;
            try {
                unit = Units.unitOf(code).orElseThrow(() -> new IllegalArgumentException("parameter " + code
                        + " is not in the HJ 212 catalogue, so its unit is unknown"));
                power = Units.power("mg/L", unit);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("rule " + spec.id() + ": " + ex.getMessage(), ex);
            }
            double threshold = e.getValue().scaleByPowerOfTen(power).doubleValue();
            RuleBasics basics = new RuleBasics(spec.id(), spec.severity(),
                    spec.label() + " (" + WaterItems.name(code) + " " + Units.fmt(e.getValue()) + " mg/L)");
            byCode.put(code, new ThresholdRule(new ThresholdRule.Spec(basics, spec.scope(), spec.runs(), code,
                    Statistic.VALUE, ThresholdRule.Direction.ABOVE, threshold, 0, Duration.ZERO, Duration.ZERO, unit)));
        }
    }

    /** The threshold rule of each metal, by code. */
    public List<ThresholdRule> rules() {
        return List.copyOf(byCode.values());
    }

    @Override
    public Set<String> parameters() {
        return Set.copyOf(byCode.keySet());
    }

    /**
     * An alert still active after a restart: handed to the threshold rule of its metal ({@link ThresholdRule#restore}),
     * so later values of the metal persist it or close it.
     */
    @Override
    public void restore(Alert active) {
        ThresholdRule r = byCode.get(active.parameter());
        if (r != null) {
            r.restore(active);
        }
    }

    @Override
    public void onObservation(ObservationRow row, RuleContext ctx) {
        ThresholdRule r = byCode.get(row.parameter());
        if (r != null) {
            r.onObservation(row, ctx);
        }
    }
}
