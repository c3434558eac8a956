package org.envmon.alerts.rules.air;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.envmon.alerts.rules.ConfiguredRule;
import org.envmon.alerts.rules.DerivedAirUpdate;
import org.envmon.alerts.rules.RuleBasics;
import org.envmon.alerts.rules.RuleContext;
import org.envmon.alerts.rules.RuleSettings;
import org.envmon.alerts.rules.RuleSpec;
import org.envmon.alerts.rules.RuleType;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertKey;
import org.envmon.model.alert.Condition;
import org.envmon.model.alert.Severity;
import org.envmon.model.alert.SubjectType;

/**
 * City air quality at or above an AQI level (default 4, 中度污染 moderately polluted, HJ 633-2012 §4.3 Table 2) for
 * {@code minHours} consecutive hours; cleared after {@code clearHours} consecutive hours at or below
 * {@code clearLevel} (level hysteresis). Fed by derived data ({@link DerivedAirUpdate}), not by raw observations.
 * An hour not newer than the city's latest is ignored; a gap of more than one hour restarts the counting.
 * The alert's parameter is {@code AQI}, its subject the city, its value the AQI.
 *
 * <p>Settings ({@code type=city-aqi}): {@code min-level} (4), {@code min-hours} (1), {@code clear-level} (min-level −
 * 1), {@code clear-hours} (1), {@code cities} (comma list; any).
 */
public final class CityAqiRule extends ConfiguredRule<CityAqiRule.Spec> {

    /** The type {@code city-aqi}. */
    public static final RuleType<Spec> TYPE = new RuleType<>("city-aqi", Severity.WARNING,
            Set.of("min-level", "min-hours", "clear-level", "clear-hours", "cities"), Spec::read, CityAqiRule::new);

    /** @param cities only these cities, or empty for any */
    public record Spec(RuleBasics basics, int minLevel, int minHours, int clearLevel, int clearHours,
                       Set<String> cities) implements RuleSpec {
        public Spec {
            if (minLevel < 2 || minLevel > 6 || clearLevel < 1 || clearLevel >= minLevel) {
                throw basics.invalid("need 2 <= min-level <= 6 and 1 <= clear-level < min-level");
            }
            if (minHours < 1 || clearHours < 1) {
                throw basics.invalid("min-hours and clear-hours must be >= 1");
            }
            cities = Set.copyOf(cities);
            basics = basics.labelOr("AQI level " + minLevel + " or worse");
        }

        static Spec read(RuleBasics basics, RuleSettings s) {
            int minLevel = s.integer("min-level", 4);
            return new Spec(basics, minLevel, s.integer("min-hours", 1), s.integer("clear-level", minLevel - 1),
                    s.integer("clear-hours", 1), s.set("cities"));
        }
    }

    private static final class City {
        Instant last;
        boolean raised;
        int bad;
        int good;
    }

    private final Map<String, City> cities = new HashMap<>();

    public CityAqiRule(Spec spec) {
        super(spec);
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
