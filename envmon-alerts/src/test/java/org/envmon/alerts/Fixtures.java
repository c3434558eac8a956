package org.envmon.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.envmon.alerts.engine.AlertEngine;
import org.envmon.alerts.repository.AlertRepository;
import org.envmon.alerts.repository.InMemoryAlertRepository;
import org.envmon.alerts.rules.AlertRule;
import org.envmon.alerts.rules.RuleLoader;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.ObservationRow;
import org.envmon.model.PacketWrite;
import org.envmon.model.RawPacket;
import org.envmon.model.Site;
import org.envmon.model.Statistic;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertState;
import org.envmon.testkit.MovableClock;

/** An engine without its worker thread, a settable clock, a few sites, and packet builders. */
public final class Fixtures {
    public static final Instant T0 = Instant.parse("2026-07-01T00:00:00Z");

    public final MovableClock clock = new MovableClock(T0);
    public final Map<String, Site> sites = new HashMap<>();
    public final List<AlertEvent> events = new ArrayList<>();
    public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    public final AlertRepository repository;
    public final AlertEngine engine;

    public Fixtures(List<AlertRule> rules) {
        this(rules, new InMemoryAlertRepository());
    }

    public Fixtures(List<AlertRule> rules, AlertRepository repository) {
        site("W01", Medium.SURFACE_WATER, "杭州");
        site("W02", Medium.SURFACE_WATER, "杭州");
        site("A01", Medium.AIR, "北京");
        this.repository = repository;
        engine = new AlertEngine(rules, repository, code -> Optional.ofNullable(sites.get(code)), clock, 1000,
                registry);
        engine.subscribe(events::add);
    }

    /**
     * A restart: closes this engine and creates a new one with {@code freshRules} (new instances, no state) over the
     * same repository, with the same sites and clock time. The new fixture's events start empty.
     */
    public Fixtures restart(List<AlertRule> freshRules) {
        engine.close();
        Fixtures f = new Fixtures(freshRules, repository);
        f.sites.putAll(sites);
        f.clock.set(clock.instant());
        return f;
    }

    public void site(String code, Medium medium, String city) {
        sites.put(code, new Site(code, code + " name", medium, "MN" + code, null, null, city, null, null, null, null,
                false));
    }

    /**
     * Fixtures over {@code rules} with three surface-water sections: lake L01 (target III), reservoir D01 (target II,
     * a drinking-water source) and river R01 (target III).
     */
    public static Fixtures withSections(List<AlertRule> rules) {
        Fixtures f = new Fixtures(rules);
        f.section("L01", "lake", 3, false);
        f.section("D01", "reservoir", 2, true);
        f.section("R01", "river", 3, false);
        return f;
    }

    /** A surface-water section with its water-section attributes (waterbody and target may be null). */
    public void section(String code, String waterbody, Integer targetClass, boolean drinkingWaterSource) {
        site(code, Medium.SURFACE_WATER, "杭州");
        sites.put(code, sites.get(code).withWaterSection(waterbody, targetClass, drinkingWaterSource));
    }

    /** Feeds one packet of hourly values of one time ({@code code, value, code, value, ...}) and evaluates it. */
    public void values(String site, Instant time, Object... codeValue) {
        ObservationRow[] rows = new ObservationRow[codeValue.length / 2];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = row(site, (String) codeValue[2 * i], time, ((Number) codeValue[2 * i + 1]).doubleValue(), "N");
        }
        feed(packet(site, "hj212", clock.instant(), rows));
    }

    /** Queues a tick at the clock's time and evaluates it. */
    public void tick() {
        engine.tick();
        engine.processPending();
    }

    /** The one closed alert, which the system closed (its condition ended), not an operator. */
    public Alert closedAutomatically() {
        Alert closed = only(AlertState.CLOSED);
        assertThat(closed.closedBy()).isEqualTo(Alert.SYSTEM);
        return closed;
    }

    /** {@link #closedAutomatically()} after checking the events so far (the last one its closing). */
    public Alert closedAutomaticallyAfter(AlertEvent.Type... eventsSoFar) {
        assertThat(types()).containsExactly(eventsSoFar);
        return closedAutomatically();
    }

    /** After a restart: the alert {@code restored} closed by the system, the only event since the restart. */
    public Alert restoredClosedAutomatically(Alert restored) {
        Alert closed = closedAutomaticallyAfter(AlertEvent.Type.CLOSED);
        assertThat(closed.id()).isEqualTo(restored.id());
        return closed;
    }

    /** The rules of a test's base configuration lines followed by its own. */
    public static List<AlertRule> rules(List<String> base, String... extra) {
        List<String> all = new java.util.ArrayList<>(base);
        all.addAll(List.of(extra));
        return rules(all.toArray(String[]::new));
    }

    /** Rules from setting lines {@code rule.x.key=value} (no defaults). */
    public static List<AlertRule> rules(String... lines) {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("defaults", "false");
        for (String l : lines) {
            String[] kv = l.split("=", 2);
            p.setProperty(kv[0], kv[1]);
        }
        return RuleLoader.load(p);
    }

    /** Feeds one hourly value as a committed HJ 212 packet and evaluates it. */
    public void hour(String site, String parameter, Instant time, double value) {
        feed(packet(site, "hj212", clock.instant(), row(site, parameter, time, value, "N")));
    }

    /** Feeds {@code values} of one site and parameter in consecutive hours from {@code h(fromHour)}, a packet each. */
    public void hours(String site, String parameter, int fromHour, double... values) {
        for (int i = 0; i < values.length; i++) {
            hour(site, parameter, h(fromHour + i), values[i]);
        }
    }

    public void feed(PacketWrite... writes) {
        engine.committed(List.of(writes));
        engine.processPending();
    }

    public static ObservationRow row(String site, String parameter, Instant time, double value, String flag) {
        return new ObservationRow(site, parameter, Interval.HOUR, Statistic.VALUE, time, value, flag);
    }

    public static PacketWrite packet(String site, String source, Instant receivedAt, ObservationRow... rows) {
        return new PacketWrite(new RawPacket("x".getBytes(StandardCharsets.US_ASCII), "test", receivedAt, source,
                "MN" + site, "2061", null, null, true), List.of(rows));
    }

    /** The one open alert, checked for who raised it about what: its rule, subject and parameter. */
    public Alert onlyOpen(String ruleId, String subject, String parameter) {
        Alert a = only(AlertState.OPEN);
        assertThat(a.ruleId()).isEqualTo(ruleId);
        assertThat(a.subject()).isEqualTo(subject);
        assertThat(a.parameter()).isEqualTo(parameter);
        return a;
    }

    public List<AlertEvent.Type> types() {
        return events.stream().map(AlertEvent::type).toList();
    }

    public Alert only(AlertState state) {
        List<Alert> l = engine.list(state, 100);
        if (l.size() != 1) {
            throw new AssertionError("expected one " + state + " alert, found " + l);
        }
        return l.get(0);
    }

    public static Instant h(int hours) {
        return T0.plus(Duration.ofHours(hours));
    }
}
