package org.envmon.alerts;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.ObservationRow;
import org.envmon.model.Statistic;

/**
 * Heavy metals above a limit: a convenience over {@link ThresholdRule}, one threshold per metal, all under this rule's
 * id (the alerts differ by parameter). Limits are configured in mg/L, the unit of GB 3838-2002, and converted exactly
 * into the catalogue unit of each code (Tl 0.0001 mg/L = 100 ng/L) for the threshold rule, whose alert values and
 * message are then in the unit as sent. Opening, closing, skipping and the manual-close behaviour are those of the
 * threshold rule (direction above, no hysteresis).
 */
public final class HeavyMetalRule implements AlertRule {

    /**
     * @param limits   HJ 212 code → limit in mg/L, in the order given
     * @param medium   only sites of this medium, or null for any
     * @param sites    only these sites, or empty for any
     * @param interval only values of this interval, or null for any
     */
    public record Spec(String id, Map<String, BigDecimal> limits, Medium medium, Set<String> sites, Interval interval,
                       int minCount, int clearCount, Duration maxAge, Severity severity, String label) {
        public Spec {
            Objects.requireNonNull(id, "id");
            limits = Collections.unmodifiableMap(new LinkedHashMap<>(limits));
            if (limits.isEmpty()) {
                throw new IllegalArgumentException("rule " + id + ": no metals");
            }
            limits.forEach((code, limit) -> {
                if (limit.signum() <= 0) {
                    throw new IllegalArgumentException("rule " + id + ": limit of " + code + " must be > 0");
                }
            });
            sites = Set.copyOf(sites);
            Objects.requireNonNull(severity, "severity");
            label = label == null || label.isBlank() ? "heavy metal above the limit" : label;
        }
    }

    private final Spec spec;
    private final Map<String, ThresholdRule> byCode = new TreeMap<>();

    /** @throws IllegalArgumentException when a code is not in the catalogue or its unit is not a concentration */
    public HeavyMetalRule(Spec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
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
            byCode.put(code, new ThresholdRule(new ThresholdRule.Spec(spec.id(), code, spec.medium(), spec.sites(),
                    spec.interval(), Statistic.VALUE, ThresholdRule.Direction.ABOVE, threshold, 0, spec.minCount(),
                    Duration.ZERO, spec.clearCount(), Duration.ZERO, spec.maxAge(), spec.severity(), unit,
                    spec.label() + " (" + WaterItems.name(code) + " " + Units.fmt(e.getValue()) + " mg/L)")));
        }
    }

    public Spec spec() {
        return spec;
    }

    /** The threshold rule of each metal, by code. */
    public List<ThresholdRule> rules() {
        return List.copyOf(byCode.values());
    }

    @Override
    public String id() {
        return spec.id();
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
