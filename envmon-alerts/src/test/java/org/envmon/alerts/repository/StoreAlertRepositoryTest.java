package org.envmon.alerts.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.envmon.alerts.Fixtures.h;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.envmon.alerts.AlertEvent;
import org.envmon.alerts.AlertEvent.Type;
import org.envmon.alerts.Fixtures;
import org.envmon.alerts.engine.AlertEngine;
import org.envmon.alerts.rules.AlertRule;
import org.envmon.alerts.rules.DerivedAirUpdate;
import org.envmon.model.Store;
import org.envmon.model.StoreException;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertKey;
import org.envmon.model.alert.AlertState;
import org.envmon.model.alert.AlertTransitionException;
import org.envmon.model.alert.Condition;
import org.envmon.model.alert.Severity;
import org.envmon.model.alert.SubjectType;
import org.envmon.model.alert.Transition;
import org.envmon.store.DuckDbTestDatabase;
import org.envmon.store.Stores;
import org.envmon.testkit.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store-backed repository over a real DuckDB store, and the engine across restarts: each "restart" closes the
 * engine and the store, reopens the store from its file and builds a new engine with fresh rules over it.
 */
class StoreAlertRepositoryTest {
    private final MovableClock clock = new MovableClock(Fixtures.T0);
    private DuckDbTestDatabase db;
    private Store store;
    private AlertEngine engine;
    private List<AlertEvent> events;

    @BeforeEach
    void open() {
        db = DuckDbTestDatabase.create();
        store = Stores.open(db.storeConfig());
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
        if (store != null) {
            store.close();
        }
        db.close();
    }

    private static List<AlertRule> rules() {
        return Fixtures.rules("rule.pm.type=threshold", "rule.pm.parameter=a34004", "rule.pm.threshold=100",
                "rule.pm.hysteresis=10", "rule.pm.unit=μg/m³", "rule.pm.label=PM2.5 超标", "rule.off.type=offline",
                "rule.off.after=30m", "rule.aqi.type=city-aqi", "rule.aqi.min-level=4");
    }

    /** A new engine (new rule instances, no worker thread) over the store's alerts. */
    private AlertEngine startEngine() {
        engine = new AlertEngine(rules(), new StoreAlertRepository(store.alerts()), code -> Optional.empty(), clock,
                100, new SimpleMeterRegistry());
        events = new ArrayList<>();
        engine.subscribe(events::add);
        return engine;
    }

    private void restart() {
        engine.close();
        store.close();
        store = null;
        store = Stores.open(db.storeConfig());
        clock.advance(Duration.ofMinutes(1));
        startEngine();
    }

    private void hour(int hour, double pm25) {
        engine.committed(List.of(Fixtures.packet("A01", "hj212", clock.instant(),
                Fixtures.row("A01", "a34004", h(hour), pm25, "N"))));
        engine.processPending();
    }

    private List<Type> types() {
        return events.stream().map(AlertEvent::type).toList();
    }

    @Test
    void anAlertIsStoredAndReadBackWhole() {
        AlertRepository repo = new StoreAlertRepository(store.alerts());
        Condition c = new Condition(new AlertKey("氨氮", "钱塘江断面", "w21003"), SubjectType.SITE, Severity.CRITICAL,
                h(0), 2.5, 1.5, true, "氨氮 劣于 Ⅲ类 🚨");
        Alert a = Alert.open(repo.nextId(), c, h(1)).observe(3.25, true, h(2))
                .acknowledge("王工", "已派人核查", h(3));
        repo.save(a);
        assertThat(repo.find(a.id())).contains(a);
        assertThat(repo.findActive(a.key())).contains(a);
        assertThat(repo.list(AlertState.ACKNOWLEDGED, 10)).containsExactly(a);
        assertThat(repo.list(AlertState.OPEN, 10)).isEmpty();
        assertThat(repo.lastEventSequence()).isEqualTo(2);

        Alert city = Alert.open(repo.nextId(), new Condition(new AlertKey("aqi", "杭州", null), SubjectType.CITY,
                Severity.INFO, null, 210, null, true, null), h(4)).close(Alert.SYSTEM, null, h(5));
        repo.save(city);
        assertThat(repo.find(city.id())).contains(city);
        assertThat(repo.list(null, 10)).containsExactly(city, a);
        assertThat(repo.findActive(a.key())).contains(a);
        assertThat(repo.findActive(city.key())).isEmpty();
        assertThat(city.id()).isGreaterThan(a.id());
    }

    @Test
    void aPersistingConditionKeepsItsAlertAcrossARestartAndOperatorsCanStillActOnIt() {
        startEngine();
        hour(0, 150);
        Alert opened = engine.list(AlertState.OPEN, 10).get(0);
        assertThat(events).extracting(AlertEvent::sequence).containsExactly(1L);

        restart();
        assertThat(engine.list(AlertState.OPEN, 10)).containsExactly(opened);
        hour(1, 180); // the same condition, still present: no duplicate, the values move on
        hour(2, 160);
        assertThat(engine.list(null, 10)).hasSize(1);
        Alert same = engine.find(opened.id()).orElseThrow();
        assertThat(same.state()).isEqualTo(AlertState.OPEN);
        assertThat(same.lastValue()).isEqualTo(160);
        assertThat(same.peakValue()).isEqualTo(180);
        assertThat(events).isEmpty();

        Alert acked = engine.acknowledge(opened.id(), "li.wei", "现场核查中");
        assertThat(acked.state()).isEqualTo(AlertState.ACKNOWLEDGED);
        assertThat(events).extracting(AlertEvent::sequence).containsExactly(2L); // numbering continues

        restart();
        assertThat(engine.find(opened.id())).contains(acked);
        assertThat(engine.list(AlertState.ACKNOWLEDGED, 10)).containsExactly(acked);
        hour(3, 170);
        assertThat(engine.list(null, 10)).hasSize(1);
        Alert closed = engine.close(opened.id(), "zhang.min", "known: fireworks");
        assertThat(closed.closedBy()).isEqualTo("zhang.min");
        assertThat(closed.history()).extracting(Transition::to)
                .containsExactly(AlertState.OPEN, AlertState.ACKNOWLEDGED, AlertState.CLOSED);
        assertThat(events).extracting(AlertEvent::sequence).containsExactly(3L);
        assertThatThrownBy(() -> engine.close(opened.id(), "zhang.min", null))
                .isInstanceOf(AlertTransitionException.class);
        // closed by hand while the condition persists: not reopened in this run
        hour(4, 175);
        assertThat(engine.list(null, 10)).hasSize(1);

        restart();
        assertThat(engine.find(opened.id())).contains(closed);
        assertThat(engine.list(AlertState.OPEN, 10)).isEmpty();
        assertThatThrownBy(() -> engine.acknowledge(opened.id(), "li.wei", "again"))
                .isInstanceOf(AlertTransitionException.class);
    }

    @Test
    void aRestoredAlertIsClosedWhenItsConditionClearsAfterTheRestart() {
        startEngine();
        hour(0, 150);
        long id = engine.list(AlertState.OPEN, 10).get(0).id();
        restart();
        hour(1, 95); // within the hysteresis band: nothing changes
        assertThat(engine.find(id).orElseThrow().state()).isEqualTo(AlertState.OPEN);
        hour(2, 20);
        Alert closed = engine.find(id).orElseThrow();
        assertThat(closed.state()).isEqualTo(AlertState.CLOSED);
        assertThat(closed.closedBy()).isEqualTo(Alert.SYSTEM);
        assertThat(types()).containsExactly(Type.CLOSED);
        assertThat(events.get(0).sequence()).isEqualTo(2);
        // the condition comes back: a new alert with a new id
        hour(3, 130);
        Alert again = engine.list(AlertState.OPEN, 10).get(0);
        assertThat(again.id()).isGreaterThan(id);
        assertThat(events).extracting(AlertEvent::sequence).containsExactly(2L, 3L);
    }

    @Test
    void aConditionClosedByHandBeforeARestartIsReportedAgainIfItStillPersists() {
        startEngine();
        hour(0, 150);
        long id = engine.list(AlertState.OPEN, 10).get(0).id();
        engine.close(id, "zhang.min", "known");
        restart();
        hour(1, 150);
        Alert again = engine.list(AlertState.OPEN, 10).get(0);
        assertThat(again.id()).isNotEqualTo(id);
        assertThat(types()).containsExactly(Type.OPENED);
    }

    @Test
    void aStationStillOfflineAfterARestartKeepsItsAlertUntilItSendsAgain() {
        startEngine();
        hour(0, 40);
        clock.advance(Duration.ofMinutes(30));
        engine.tick();
        engine.processPending();
        Alert offline = engine.list(AlertState.OPEN, 10).get(0);
        assertThat(offline.ruleId()).isEqualTo("off");

        restart(); // one more minute of silence
        clock.advance(Duration.ofMinutes(9));
        engine.tick();
        engine.processPending();
        assertThat(engine.list(null, 10)).hasSize(1);
        assertThat(engine.find(offline.id()).orElseThrow().lastValue()).isEqualTo(40);
        hour(1, 40);
        Alert closed = engine.find(offline.id()).orElseThrow();
        assertThat(closed.state()).isEqualTo(AlertState.CLOSED);
        assertThat(closed.history().get(1).note()).contains("data received again");
    }

    @Test
    void aCityAlertIsPersistedAndClearedAfterARestart() {
        startEngine();
        engine.derived(new DerivedAirUpdate("杭州", h(0), 220, 5));
        engine.processPending();
        long id = engine.list(AlertState.OPEN, 10).get(0).id();
        restart();
        engine.derived(new DerivedAirUpdate("杭州", h(1), 240, 5));
        engine.processPending();
        assertThat(engine.list(null, 10)).hasSize(1);
        assertThat(engine.find(id).orElseThrow().peakValue()).isEqualTo(240);
        engine.derived(new DerivedAirUpdate("杭州", h(2), 90, 2));
        engine.processPending();
        assertThat(engine.find(id).orElseThrow().state()).isEqualTo(AlertState.CLOSED);
    }

    @Test
    void idsNeverRepeatAfterARestart() {
        startEngine();
        long before = new StoreAlertRepository(store.alerts()).nextId();
        restart();
        hour(0, 150);
        assertThat(engine.list(AlertState.OPEN, 10).get(0).id()).isGreaterThan(before);
    }

    @Test
    void theWorkerThreadWritesToTheStore() throws Exception {
        startEngine();
        engine.start(null);
        engine.committed(List.of(Fixtures.packet("A01", "hj212", clock.instant(),
                Fixtures.row("A01", "a34004", h(0), 150, "N"))));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (store.alerts().list(null, 10).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(store.alerts().findActive("pm", "A01", "a34004")).isPresent();
    }

    @Test
    void anUnreadableStoredAlertIsReportedAsSuch() throws Exception {
        AlertRepository repo = new StoreAlertRepository(store.alerts());
        repo.save(Alert.open(repo.nextId(), new Condition(new AlertKey("pm", "长江", null), SubjectType.SITE,
                Severity.MAJOR, null, 1, null, true, null), h(0)));
        // a subject type no version of the engine writes, put there behind the store's back
        store.close();
        store = null;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:"
                + db.dataDir().resolve("envmon.duckdb")); java.sql.Statement st = c.createStatement()) {
            st.execute("UPDATE alerts SET subject_type = 'basin'");
        }
        store = Stores.open(db.storeConfig());
        AlertRepository reopened = new StoreAlertRepository(store.alerts());
        assertThatThrownBy(() -> reopened.list(null, 10)).isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot be read");
    }
}
