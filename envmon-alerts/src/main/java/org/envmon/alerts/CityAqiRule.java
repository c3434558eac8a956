package org.envmon.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * City air quality at or above an AQI level (default 4, 中度污染 moderately polluted, HJ 633-2012 §4.3 Table 2) for
 * {@code minHours} consecutive hours; cleared after {@code clearHours} consecutive hours at or below
 * {@code clearLevel} (level hysteresis). Fed by derived data ({@link DerivedAirUpdate}), not by raw observations.
 * An hour not newer than the city's latest is ignored; a gap of more than one hour restarts the counting.
 * The alert's parameter is {@code AQI}, its subject the city, its value the AQI.
 */
public final class CityAqiRule implements AlertRule {

    /** @param cities only these cities, or empty for any */
    public record Spec(String id, int minLevel, int minHours, int clearLevel, int clearHours, Set<String> cities,
                       Severity severity, String label) {
        public Spec {
            Objects.requireNonNull(id, "id");
            if (minLevel < 2 || minLevel > 6 || clearLevel < 1 || clearLevel >= minLevel) {
                throw new IllegalArgumentException("rule " + id + ": need 2 <= min-level <= 6 and "
                        + "1 <= clear-level < min-level");
            }
            if (minHours < 1 || clearHours < 1) {
                throw new IllegalArgumentException("rule " + id + ": min-hours and clear-hours must be >= 1");
            }
            cities = Set.copyOf(cities);
            Objects.requireNonNull(severity, "severity");
            label = label == null || label.isBlank() ? "AQI level " + minLevel + " or worse" : label;
        }
    }

    private static final class City {
        Instant last;
        boolean raised;
        int bad;
        int good;
    }

    private final Spec spec;
    private final Map<String, City> cities = new HashMap<>();

    public CityAqiRule(Spec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    public Spec spec() {
        return spec;
    }

    @Override
    public String id() {
        return spec.id();
    }

    /** An alert still active after a restart: the city counts as raised, so later hours persist or clear it. */
    @Override
    public void restore(Alert active) {
        if ("AQI".equals(active.parameter())) {
            cities.computeIfAbsent(active.subject(), k -> new City()).raised = true;
        }
    }

    @Override
    public void onDerivedAir(DerivedAirUpdate u, RuleContext ctx) {
        if (!spec.cities().isEmpty() && !spec.cities().contains(u.city())) {
            return;
        }
        City c = cities.computeIfAbsent(u.city(), k -> new City());
        if (c.last != null && !u.hour().isAfter(c.last)) {
            return;
        }
        boolean consecutive = c.last != null && Duration.between(c.last, u.hour()).compareTo(Duration.ofHours(1)) <= 0;
        c.last = u.hour();
        if (!consecutive) {
            c.bad = 0;
            c.good = 0;
        }
        AlertKey key = new AlertKey(spec.id(), u.city(), "AQI");
        if (!c.raised) {
            c.bad = u.level() >= spec.minLevel() ? c.bad + 1 : 0;
            if (c.bad >= spec.minHours()) {
                c.raised = true;
                c.good = 0;
                ctx.raise(new Condition(key, SubjectType.CITY, spec.severity(), u.hour(), u.aqi(),
                        null, true, spec.label() + ": " + u.city() + " AQI " + u.aqi() + " (level " + u.level()
                        + ") for " + c.bad + " h"));
            }
            return;
        }
        ctx.persist(key, u.aqi(), true);
        c.good = u.level() <= spec.clearLevel() ? c.good + 1 : 0;
        if (c.good >= spec.clearHours()) {
            c.raised = false;
            c.bad = 0;
            ctx.clear(key, u.city() + " AQI " + u.aqi() + " (level " + u.level() + ") for " + c.good + " h");
        }
    }
}
