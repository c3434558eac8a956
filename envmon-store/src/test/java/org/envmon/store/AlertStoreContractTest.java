package org.envmon.store;

import org.envmon.model.AlertStore;
import org.envmon.model.Store;
import org.envmon.model.StoreException;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertState;
import org.envmon.model.alert.Severity;
import org.envmon.model.alert.SubjectType;
import org.envmon.model.alert.Transition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of {@link Store#alerts()} on every engine. An engine's test extends this and opens a fresh, empty
 * store per test, and can reopen it (the same database) to show what survives a restart.
 */
public abstract class AlertStoreContractTest extends OneStorePerTest {
    protected static final Instant T0 = Instant.parse("2026-07-01T00:00:00Z");

    // ---------------------------------------------------------------- fixtures

    private static Instant t(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    /** An open alert as the engine opens it. */
    protected static Alert open(long id, String rule, String subject, String parameter) {
        return new Alert(id, rule, SubjectType.SITE, subject, parameter, Severity.MAJOR, AlertState.OPEN, t(0), t(0),
                null, t(-60), 120.5, 120.5, 120.5, 100.0, rule + ": " + parameter + " = 120.5 > 100 at site "
                + subject, null, null, null, List.of(new Transition(null, AlertState.OPEN, t(0), "system",
                        "opened")));
    }

    protected static Alert acknowledged(Alert a, String operator, String note, Instant at) {
        return new Alert(a.id(), a.ruleId(), a.subjectType(), a.subject(), a.parameter(), a.severity(),
                AlertState.ACKNOWLEDGED, a.openedAt(), at, null, a.dataTime(), a.value(), a.lastValue(),
                a.peakValue(), a.threshold(), a.message(), note, operator, null,
                append(a, new Transition(a.state(), AlertState.ACKNOWLEDGED, at, operator, note)));
    }

    protected static Alert closed(Alert a, String operator, String note, Instant at) {
        return new Alert(a.id(), a.ruleId(), a.subjectType(), a.subject(), a.parameter(), a.severity(),
                AlertState.CLOSED, a.openedAt(), at, at, a.dataTime(), a.value(), a.lastValue(), a.peakValue(),
                a.threshold(), a.message(), a.ackNote(), a.ackOperator(), operator,
                append(a, new Transition(a.state(), AlertState.CLOSED, at, operator, note)));
    }

    private static List<Transition> append(Alert a, Transition t) {
        List<Transition> h = new ArrayList<>(a.history());
        h.add(t);
        return h;
    }

    private List<Long> ids(AlertState state, int limit) {
        return store.alerts().list(state, limit).stream().map(Alert::id).toList();
    }

    // ---------------------------------------------------------------- ids

    @Test
    void idsIncreaseAndNeverRepeatAfterTheStoreIsReopened() {
        AlertStore alerts = store.alerts();
        long a = alerts.nextId();
        long b = alerts.nextId();
        assertThat(a).isPositive();
        assertThat(b).isGreaterThan(a);
        alerts.save(open(b, "pm", "S1", "a34004"));
        long unused = alerts.nextId(); // handed out, never saved: still not handed out again
        reopen();
        long c = store.alerts().nextId();
        assertThat(c).isGreaterThan(unused);
        reopen();
        assertThat(store.alerts().nextId()).isGreaterThan(c);
        assertThat(store.alerts().find(b)).isPresent();
    }

    // ---------------------------------------------------------------- save and find

    @Test
    void saveInsertsThenReplacesEveryColumnAndTheHistoryById() {
        AlertStore alerts = store.alerts();
        long id = alerts.nextId();
        Alert a = open(id, "pm", "S1", "a34004");
        alerts.save(a);
        assertThat(alerts.find(id)).contains(a);
        assertThat(alerts.find(id + 1000)).isEmpty();

        Alert observed = new Alert(id, "pm", SubjectType.SITE, "S1", "a34004", Severity.MAJOR, AlertState.OPEN,
                a.openedAt(), t(5), null, a.dataTime(), a.value(), 99.0, 180.25, 100.0, a.message(), null, null, null,
                a.history());
        alerts.save(observed);
        assertThat(alerts.find(id)).contains(observed);

        Alert acked = acknowledged(observed, "li.wei", "field team sent", t(10));
        alerts.save(acked);
        Alert done = closed(acked, "system", "condition cleared: a34004 = 20", t(20));
        alerts.save(done);
        assertThat(alerts.find(id)).contains(done);
        assertThat(alerts.find(id).orElseThrow().history()).extracting(Transition::to)
                .containsExactly(AlertState.OPEN, AlertState.ACKNOWLEDGED, AlertState.CLOSED);

        // a replacement with a shorter history and other values replaces everything
        Alert other = new Alert(id, "aqi", SubjectType.CITY, "杭州市", "AQI", Severity.CRITICAL, AlertState.OPEN, t(30),
                t(31), null, null, 1, 2, 3, null, null, null, null, null, List.of());
        alerts.save(other);
        assertThat(alerts.find(id)).contains(other);
        assertThat(alerts.list(null, 10)).containsExactly(other);
        assertThat(alerts.transitionCount()).isZero();
    }

    @Test
    void alertsSurviveReopeningTheStore() {
        long id1 = store.alerts().nextId();
        long id2 = store.alerts().nextId();
        Alert a1 = acknowledged(open(id1, "pm", "S1", "a34004"), "li.wei", "checking", t(3));
        Alert a2 = closed(open(id2, "offline", "S2", ""), "zhang.min", null, t(4));
        store.alerts().save(a1);
        store.alerts().save(a2);
        reopen();
        assertThat(store.alerts().find(id1)).contains(a1);
        assertThat(store.alerts().find(id2)).contains(a2);
        assertThat(store.alerts().findActive("pm", "S1", "a34004")).contains(a1);
        assertThat(store.alerts().list(null, 10)).containsExactly(a2, a1);
        assertThat(store.alerts().transitionCount()).isEqualTo(4);
    }

    // ---------------------------------------------------------------- the active alert of a key

    @Test
    void onlyAnOpenOrAcknowledgedAlertIsTheActiveOneOfItsKey() {
        AlertStore alerts = store.alerts();
        Alert a = open(alerts.nextId(), "pm", "S1", "a34004");
        alerts.save(a);
        assertThat(alerts.findActive("pm", "S1", "a34004")).contains(a);
        assertThat(alerts.findActive("pm", "S1", "a21026")).isEmpty();
        assertThat(alerts.findActive("pm", "S2", "a34004")).isEmpty();
        assertThat(alerts.findActive("pm2", "S1", "a34004")).isEmpty();

        Alert acked = acknowledged(a, "li.wei", "on it", t(1));
        alerts.save(acked);
        assertThat(alerts.findActive("pm", "S1", "a34004")).contains(acked);

        alerts.save(closed(acked, "system", "cleared", t(2)));
        assertThat(alerts.findActive("pm", "S1", "a34004")).isEmpty();

        // the condition comes back: a new alert for the same key
        Alert again = open(alerts.nextId(), "pm", "S1", "a34004");
        alerts.save(again);
        assertThat(alerts.findActive("pm", "S1", "a34004")).contains(again);
        alerts.save(closed(again, "zhang.min", "known", t(5)));
        assertThat(alerts.findActive("pm", "S1", "a34004")).isEmpty();
        assertThat(alerts.list(AlertState.CLOSED, 10)).hasSize(2);
    }

    @Test
    void aSecondActiveAlertOfTheSameKeyIsRefused() {
        AlertStore alerts = store.alerts();
        Alert first = open(alerts.nextId(), "pm", "S1", "a34004");
        alerts.save(first);
        alerts.save(first); // replacing the active one itself is fine
        Alert second = open(alerts.nextId(), "pm", "S1", "a34004");
        assertThatThrownBy(() -> alerts.save(second)).isInstanceOf(StoreException.class)
                .hasMessageContaining("already active");
        assertThatThrownBy(() -> alerts.save(acknowledged(second, "x", "y", t(1))))
                .isInstanceOf(StoreException.class);
        assertThat(alerts.find(second.id())).isEmpty();
        assertThat(alerts.transitionCount()).isEqualTo(1);
        // a closed alert of the key can always be stored
        alerts.save(closed(second, "system", null, t(1)));
        alerts.save(closed(first, "system", null, t(2)));
        Alert third = open(alerts.nextId(), "pm", "S1", "a34004");
        alerts.save(third);
        assertThat(alerts.findActive("pm", "S1", "a34004")).contains(third);
    }

    @Test
    void keysThatWouldRunTogetherAreStillDifferentKeys() {
        AlertStore alerts = store.alerts();
        Alert a = open(alerts.nextId(), "ab", "c", "");
        Alert b = open(alerts.nextId(), "a", "bc", "");
        Alert c = open(alerts.nextId(), "a", "b", "c");
        Alert d = open(alerts.nextId(), "1:a", "b", "");
        Alert e = open(alerts.nextId(), "1", "a1:b", "");
        for (Alert x : List.of(a, b, c, d, e)) {
            alerts.save(x);
        }
        assertThat(alerts.findActive("ab", "c", "")).contains(a);
        assertThat(alerts.findActive("a", "bc", null)).contains(b);
        assertThat(alerts.findActive("a", "b", "c")).contains(c);
        assertThat(alerts.findActive("1:a", "b", "")).contains(d);
        assertThat(alerts.findActive("1", "a1:b", "")).contains(e);
        assertThat(alerts.findActive("a", "b", "")).isEmpty();
    }

    // ---------------------------------------------------------------- listing

    @Test
    void listIsNewestFirstFilteredByStateAndLimited() {
        AlertStore alerts = store.alerts();
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long id = alerts.nextId();
            all.add(0, id);
            Alert a = open(id, "pm", "S" + i, "a34004");
            alerts.save(switch (i % 3) {
                case 0 -> a;
                case 1 -> acknowledged(a, "li.wei", "note " + i, t(i));
                default -> closed(a, "system", null, t(i));
            });
        }
        assertThat(ids(null, 100)).isEqualTo(all);
        assertThat(ids(null, 2)).isEqualTo(all.subList(0, 2));
        assertThat(ids(AlertState.OPEN, 100)).containsExactly(all.get(2), all.get(5));
        assertThat(ids(AlertState.ACKNOWLEDGED, 100)).containsExactly(all.get(1), all.get(4));
        assertThat(ids(AlertState.CLOSED, 1)).containsExactly(all.get(0));
        assertThat(alerts.list(AlertState.CLOSED, 1).get(0).history()).hasSize(2);
        assertThat(ids(null, 0)).isEmpty();
        assertThatThrownBy(() -> alerts.list(AlertState.fromCode("pending"), 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pending");
        assertThatThrownBy(() -> alerts.list(null, -1)).isInstanceOf(IllegalArgumentException.class);
        // every alert in a listing carries its own, whole history
        for (Alert a : alerts.list(null, 100)) {
            assertThat(alerts.find(a.id())).contains(a);
        }
    }

    @Test
    void anEmptyStoreHasNoAlerts() {
        assertThat(store.alerts().list(null, 10)).isEmpty();
        assertThat(store.alerts().findActive("pm", "S1", "")).isEmpty();
        assertThat(store.alerts().transitionCount()).isZero();
    }

    // ---------------------------------------------------------------- values

    @Test
    void unicodeTextIsKeptExactly() {
        long id = store.alerts().nextId();
        Alert a = new Alert(id, "氨氮超标", SubjectType.SITE, "钱塘江-闸口断面", "w21003", Severity.CRITICAL,
                AlertState.ACKNOWLEDGED, t(0), t(1), null, t(-60), 2.5, 2.75, 3.125, 1.5,
                "氨氮(NH₃-N) 劣于 GB 3838 Ⅲ类: 2.5 mg/L > 1.5 mg/L 🚨 \"quoted\" 'single' \\ back\nnew line\ttab",
                "已派现场组核查 ✅", "王工程师", null, List.of(
                        new Transition(null, AlertState.OPEN, t(0), "system", "超标"),
                        new Transition(AlertState.OPEN, AlertState.ACKNOWLEDGED, t(1), "王工程师",
                                "已派现场组核查 ✅")));
        store.alerts().save(a);
        reopen();
        assertThat(store.alerts().find(id)).contains(a);
        assertThat(store.alerts().findActive("氨氮超标", "钱塘江-闸口断面", "w21003")).contains(a);
    }

    @Test
    void nullableColumnsStayNullAndAMissingParameterIsEmpty() {
        long id = store.alerts().nextId();
        Alert a = new Alert(id, "offline", SubjectType.SITE, "S1", null, Severity.WARNING, AlertState.OPEN, t(0), t(0),
                null, null, 0, 0, 0, null, null, null, null, null,
                List.of(new Transition(null, AlertState.OPEN, t(0), null, null)));
        assertThat(a.parameter()).isEmpty();
        store.alerts().save(a);
        Alert read = store.alerts().find(id).orElseThrow();
        assertThat(read).isEqualTo(a);
        assertThat(read.closedAt()).isNull();
        assertThat(read.dataTime()).isNull();
        assertThat(read.threshold()).isNull();
        assertThat(read.message()).isNull();
        assertThat(read.history().get(0).from()).isNull();
        assertThat(read.history().get(0).operator()).isNull();
        assertThat(store.alerts().findActive("offline", "S1", null)).contains(a);
        assertThat(store.alerts().findActive("offline", "S1", "")).contains(a);

        Alert noHistory = new Alert(store.alerts().nextId(), "offline", SubjectType.SITE, "S2", "", Severity.INFO,
                AlertState.CLOSED, t(0), t(1), t(1), null, -0.5, Double.MAX_VALUE, -Double.MAX_VALUE, 0.0, "",
                "", "", "", List.of());
        store.alerts().save(noHistory);
        assertThat(store.alerts().find(noHistory.id())).contains(noHistory);
    }

    @Test
    void timesAreKeptToTheMicrosecondInUtc() {
        Instant nanos = Instant.parse("2026-07-01T08:30:15.123456789Z");
        long id = store.alerts().nextId();
        Alert a = new Alert(id, "pm", SubjectType.SITE, "S1", "a34004", Severity.MAJOR, AlertState.OPEN, nanos, nanos,
                null, nanos, 1, 1, 1, null, "m", null, null, null,
                List.of(new Transition(null, AlertState.OPEN, nanos, "system", null)));
        assertThat(a.openedAt()).isEqualTo(Instant.parse("2026-07-01T08:30:15.123456Z"));
        store.alerts().save(a);
        assertThat(store.alerts().find(id)).contains(a);
    }

    @Test
    void invalidAlertsAreRefusedBeforeTheDatabase() {
        assertThatThrownBy(() -> new Alert(1, "pm", SubjectType.SITE, "S1", "", Severity.MAJOR,
                AlertState.fromCode("pending"), t(0), t(0), null, null, 1, 1, 1, null, null, null, null, null,
                List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("state");
        assertThatThrownBy(() -> store.alerts().save(new Alert(1, "pm", SubjectType.SITE, "S1", "", Severity.MAJOR,
                AlertState.OPEN, t(0), t(0), null, null, 1, 1, 1, null, "a\0b", null, null, null, List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("message");
        assertThatThrownBy(() -> store.alerts().save(new Alert(1, "pm", SubjectType.SITE, "S1", "", Severity.MAJOR,
                AlertState.OPEN, t(0), t(0), null, null, 1, 1, 1, null, null, null, null, null,
                List.of(new Transition(null, AlertState.OPEN, t(0), "x", "\0")))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.alerts().find(1)).isEmpty();
        assertThatThrownBy(() -> new Alert(1, null, SubjectType.SITE, "S1", "", Severity.MAJOR, AlertState.OPEN,
                t(0), t(0), null, null, 1, 1, 1, null, null, null, null, null, List.of()))
                .isInstanceOf(NullPointerException.class);
    }
}
