package org.envmon.alerts.rules.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envmon.alerts.Fixtures.h;

import java.time.Duration;
import java.util.List;
import org.envmon.alerts.AlertEvent.Type;
import org.envmon.alerts.Fixtures;
import org.envmon.alerts.rules.AlertRule;
import org.envmon.model.ObservationRow;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertState;
import org.junit.jupiter.api.Test;

class CaptureRuleTest {

    private static Fixtures capture(String... extra) {
        return new Fixtures(captureRules(extra));
    }

    private static List<AlertRule> captureRules(String... extra) {
        List<String> base = List.of("rule.cap.type=capture", "rule.cap.parameters=a34004, a21026",
                "rule.cap.medium=air");
        return Fixtures.rules(base, extra);
    }

    /** The clock at 2 minutes past the end of hour {@code hour}. */
    private static void at(Fixtures f, int hour) {
        f.clock.set(h(hour + 1).plus(Duration.ofMinutes(2)));
    }

    /** Hour {@code hour}'s PM2.5 value arriving 2 minutes after the hour ended, then a tick. */
    private static void hourly(Fixtures f, int hour, boolean valid) {
        at(f, hour);
        ObservationRow r = Fixtures.row("A01", "a34004", h(hour), 40, "N");
        f.feed(Fixtures.packet("A01", "hj212", f.clock.instant(), valid ? r : r.withQc(false, List.of("CONSTANT"))));
        f.tick();
    }

    /** Valid values of hours {@code from} to {@code to} (inclusive), each arriving as in {@code hourly}. */
    private static void hourly(Fixtures f, int from, int to) {
        for (int k = from; k <= to; k++) {
            hourly(f, k, true);
        }
    }

    /** Ticks after hours {@code from} to {@code to} (inclusive), no data. */
    private static void silent(Fixtures f, int from, int to) {
        for (int k = from; k <= to; k++) {
            silent(f, k);
        }
    }

    /** A tick at 2 minutes past the end of hour {@code hour}, no data. */
    private static void silent(Fixtures f, int hour) {
        at(f, hour);
        f.tick();
    }

    @Test
    void opensBelowTargetOnTicksPersistsAndClosesWhenBackAtTarget() {
        Fixtures f = capture();
        hourly(f, 0, 24);
        silent(f, 25, 30);                   // 6 of 24 missing: 75%, at the target
        assertThat(f.events).isEmpty();
        silent(f, 31);                       // 7 missing: 17 of 24
        Alert a = f.onlyOpen("cap", "A01", "a34004");
        assertThat(a.value()).isEqualTo(17 / 24.0);
        assertThat(a.threshold()).isEqualTo(0.75);
        assertThat(a.dataTime()).isEqualTo(h(8));   // the window's first hour
        assertThat(a.message()).contains("a34004 at site A01: 17 of 24 expected values (70.8%) received and valid "
                + "in the last PT24H, target 75%");
        silent(f, 32);
        silent(f, 32);
        assertThat(f.types()).containsExactly(Type.OPENED);
        assertThat(f.only(AlertState.OPEN).peakValue()).isEqualTo(16 / 24.0); // the lowest share
        // the station re-uploads the missing hours (补传): back at 24 of 24
        at(f, 32);
        for (int k = 25; k <= 32; k++) {
            f.feed(Fixtures.packet("A01", "hj212", f.clock.instant(), Fixtures.row("A01", "a34004", h(k), 40, "N")));
        }
        f.tick();
        Alert closed = f.closedAutomaticallyAfter(Type.OPENED, Type.CLOSED);
        assertThat(closed.lastValue()).isEqualTo(1.0);
        assertThat(closed.history().get(1).note()).contains("24 of 24 expected values (100%)");
    }

    @Test
    void noAlertFloodAtBootOnlyPairsHeardFromAfterAFullWindow() {
        Fixtures f = capture();
        hourly(f, 0, true);                  // A01 sends PM2.5 once, never SO2; W01 is not an air site
        f.hour("W01", "a34004", h(0), 40);
        silent(f, 1, 23);
        assertThat(f.events).isEmpty();      // less than a window since A01's first value
        silent(f, 24);
        assertThat(f.only(AlertState.OPEN).parameter()).isEqualTo("a34004");
        assertThat(f.only(AlertState.OPEN).value()).isEqualTo(0.0); // hour 0 is out of the window by now
    }

    @Test
    void invalidValuesDoNotCount() {
        Fixtures f = capture("rule.cap.window=PT6H", "rule.cap.target=0.5");
        for (int k = 0; k <= 6; k++) {
            hourly(f, k, k % 2 == 0);        // every other value invalid
        }
        assertThat(f.events).isEmpty();     // 3 of 6 valid: 50%
        hourly(f, 7, false);                // hours 2..7: 2, 4, 6 valid... 3 of 6
        hourly(f, 8, false);                // hours 3..8: 4, 6: 2 of 6
        assertThat(f.only(AlertState.OPEN).value()).isEqualTo(2 / 6.0);
    }

    @Test
    void acknowledgeAndManualCloseThroughTheEngine() {
        Fixtures f = capture("rule.cap.window=PT4H");
        hourly(f, 0, 4);
        silent(f, 5);                        // 3 of 4
        silent(f, 6);                        // 2 of 4: below 75%
        long id = f.only(AlertState.OPEN).id();
        f.engine.acknowledge(id, "qian.jun", "analyser pump replaced");
        silent(f, 7);
        assertThat(f.engine.list(null, 10)).hasSize(1);
        assertThat(f.only(AlertState.ACKNOWLEDGED).lastValue()).isEqualTo(0.25);
        f.engine.close(id, "qian.jun", null);
        silent(f, 8);                        // still below: not reopened
        assertThat(f.engine.list(AlertState.OPEN, 10)).isEmpty();
        hourly(f, 9, 12);                    // back at 4 of 4: cleared
        silent(f, 13);
        silent(f, 14);                       // below again: a new alert
        assertThat(f.only(AlertState.OPEN).id()).isNotEqualTo(id);
        assertThat(f.types()).containsExactly(Type.OPENED, Type.ACKNOWLEDGED, Type.CLOSED, Type.OPENED);
    }

    /** Opens the PM2.5 capture alert of A01 (17 of 24 at the tick after hour 31), as in the first test. */
    private static Alert openCaptureAlert(Fixtures f) {
        hourly(f, 0, 24);
        silent(f, 25, 31);
        return f.only(AlertState.OPEN);
    }

    @Test
    void aRestoredPairIsEvaluatedAfterAFullWindowSinceTheRestartThenPersistsAndClosesWhenCaptureRecovers() {
        Fixtures f = capture();
        Alert a = openCaptureAlert(f);
        Fixtures g = f.restart(captureRules());
        silent(g, 32, 55);                   // first window since the restart (first tick after hour 32): not reported
        assertThat(g.only(AlertState.OPEN)).isEqualTo(a);
        silent(g, 56);                       // a full window: 0 of 24, the same alert
        assertThat(g.events).isEmpty();
        assertThat(g.engine.list(null, 10)).hasSize(1);
        assertThat(g.only(AlertState.OPEN).lastValue()).isEqualTo(0.0);
        hourly(g, 57, 73);                   // 17 of 24: still below
        assertThat(g.events).isEmpty();
        assertThat(g.only(AlertState.OPEN).lastValue()).isEqualTo(17 / 24.0);
        hourly(g, 74, true);                 // 18 of 24: at the target
        assertThat(g.restoredClosedAutomatically(a).lastValue()).isEqualTo(0.75);
    }

    @Test
    void aRestoredPairWhoseCaptureIsBackAtTheTargetClosesWithinTheFirstWindowAfterTheRestart() {
        Fixtures f = capture();
        Alert a = openCaptureAlert(f);
        Fixtures g = f.restart(captureRules());
        hourly(g, 32, 48);                   // 17 since the restart: a lower bound below the target, not reported
        assertThat(g.events).isEmpty();
        assertThat(g.only(AlertState.OPEN)).isEqualTo(a);
        hourly(g, 49, true);                 // 18 of 24 known already: at the target
        assertThat(g.types()).containsExactly(Type.CLOSED);
        assertThat(g.only(AlertState.CLOSED).id()).isEqualTo(a.id());
    }
}
