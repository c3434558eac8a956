package org.envmon.alerts.rules.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envmon.alerts.Fixtures.h;

import java.util.List;
import org.envmon.alerts.AlertEvent.Type;
import org.envmon.alerts.Fixtures;
import org.envmon.alerts.rules.RuleLoader;
import org.envmon.model.Medium;
import org.envmon.model.ObservationRow;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertState;
import org.envmon.model.alert.Severity;
import org.junit.jupiter.api.Test;

class QcSuspectRuleTest {

    private static Fixtures qc(String... extra) {
        List<String> base = List.of("rule.qc.type=qc-suspect");
        return new Fixtures(Fixtures.rules(base, extra));
    }

    /** One hourly value of {@code site}, valid or not, with these QC codes (none: a clean value). */
    private static void value(Fixtures f, String site, String code, int hour, double v, boolean valid,
                              String... codes) {
        ObservationRow r = Fixtures.row(site, code, h(hour), v, "N");
        f.feed(Fixtures.packet(site, "hj212", f.clock.instant(),
                codes.length == 0 && valid ? r : r.withQc(valid, List.of(codes))));
    }

    @Test
    void minCountMarkedValuesInARowOpenPersistAndACleanValueCloses() {
        Fixtures f = qc("rule.qc.min-count=2");
        value(f, "A01", "a34004", 0, 900, false, "ABOVE_RANGE");
        value(f, "A01", "a34004", 1, 40, true);            // clean: the run restarts
        value(f, "A01", "a34004", 2, 900, false, "ABOVE_RANGE");
        assertThat(f.events).isEmpty();
        value(f, "A01", "a34004", 3, 120, true, "SPIKE");   // a warning code counts too (any code)
        Alert a = f.only(AlertState.OPEN);
        assertThat(a.ruleId()).isEqualTo("qc");
        assertThat(a.parameter()).isEqualTo("a34004");
        assertThat(a.severity()).isEqualTo(Severity.WARNING);
        assertThat(a.threshold()).isNull();
        assertThat(a.message()).contains("a34004 at site A01: 2 value(s) in a row marked by QC, latest 120 [SPIKE]");
        value(f, "A01", "a34004", 4, 130, false, "CONSTANT", "RATE_OF_CHANGE");
        value(f, "W01", "a34004", 4, 130, false, "CONSTANT");
        assertThat(f.types()).containsExactly(Type.OPENED);
        value(f, "A01", "a34004", 5, 45, true);
        Alert closed = f.closedAutomaticallyAfter(Type.OPENED, Type.CLOSED);
        assertThat(closed.lastValue()).isEqualTo(45);
        assertThat(closed.history().get(1).note()).contains("1 clean value(s) in a row");
    }

    @Test
    void configuredCodesIgnoredCodesParametersAndMedium() {
        Fixtures f = qc("rule.qc.codes=SPIKE, FLAG_MAINTENANCE", "rule.qc.parameters=a34004, w21003",
                "rule.qc.medium=air");
        value(f, "A01", "a34004", 0, 900, false, "ABOVE_RANGE");   // not a listed code
        value(f, "A01", "a21026", 0, 5, false, "FLAG_MAINTENANCE"); // not a listed parameter
        value(f, "W01", "w21003", 0, 5, false, "FLAG_MAINTENANCE"); // not an air site
        assertThat(f.events).isEmpty();
        value(f, "A01", "a34004", 1, 900, false, "ABOVE_RANGE", "FLAG_MAINTENANCE");
        assertThat(f.only(AlertState.OPEN).message()).contains("[FLAG_MAINTENANCE]");
        // default: any code, and an invalid value without codes; ignore-codes never count
        Fixtures g = qc("rule.qc.ignore-codes=BELOW_DETECTION_LIMIT");
        g.site("W03", Medium.SURFACE_WATER, "杭州");
        value(g, "W03", "w20111", 0, 0.01, true, "BELOW_DETECTION_LIMIT");
        assertThat(g.events).isEmpty();
        value(g, "W03", "w20111", 1, 0.01, false);
        assertThat(g.only(AlertState.OPEN).message()).contains("[invalid]");
    }

    @Test
    void acknowledgeAndManualCloseThroughTheEngine() {
        Fixtures f = qc();
        value(f, "A01", "a05024", 0, 0, false, "FLAG_FAULT");
        long id = f.only(AlertState.OPEN).id();
        f.engine.acknowledge(id, "ma.ning", "O3 analyser lamp");
        value(f, "A01", "a05024", 1, 0, false, "FLAG_FAULT");
        assertThat(f.engine.list(null, 10)).hasSize(1);
        f.engine.close(id, "ma.ning", "repair booked");
        value(f, "A01", "a05024", 2, 0, false, "FLAG_FAULT");  // still suspect: not reopened
        assertThat(f.engine.list(AlertState.OPEN, 10)).isEmpty();
        value(f, "A01", "a05024", 3, 80, true);
        value(f, "A01", "a05024", 4, 0, false, "FLAG_FAULT");  // back: a new alert
        assertThat(f.only(AlertState.OPEN).id()).isNotEqualTo(id);
        assertThat(f.types()).containsExactly(Type.OPENED, Type.ACKNOWLEDGED, Type.CLOSED, Type.OPENED);
    }

    @Test
    void theShippedRuleNeedsThreeValuesAndIgnoresBelowDetectionLimitAndOutOfOrder() {
        Fixtures f = new Fixtures(RuleLoader.defaults());
        value(f, "W01", "w20111", 0, 0.01, true, "BELOW_DETECTION_LIMIT");
        value(f, "W01", "w20111", 1, 0.01, true, "BELOW_DETECTION_LIMIT");
        value(f, "W01", "w20111", 2, 0.01, true, "OUT_OF_ORDER");
        value(f, "A01", "a34004", 0, 40, false, "FLAG_CALIBRATION");
        value(f, "A01", "a34004", 1, 40, false, "FLAG_CALIBRATION");
        assertThat(f.events).isEmpty();
        value(f, "A01", "a34004", 2, 40, false, "CONSTANT");
        assertThat(f.only(AlertState.OPEN).ruleId()).isEqualTo("qc-suspect");
    }

    @Test
    void aRestoredAlertPersistsWithoutADuplicateAndClosesAutomaticallyAfterARestart() {
        String[] config = {"rule.qc.type=qc-suspect", "rule.qc.clear-count=2"};
        Fixtures f = qc("rule.qc.clear-count=2");
        value(f, "A01", "a34004", 0, 900, false, "ABOVE_RANGE");
        Alert a = f.only(AlertState.OPEN);

        Fixtures g = f.restart(Fixtures.rules(config));
        value(g, "A01", "a34004", 0, 40, true);                  // the raising hour redelivered: not taken
        value(g, "A01", "a34004", 1, 950, false, "ABOVE_RANGE"); // still suspect: the same alert
        value(g, "A01", "a34004", 2, 40, true);                  // clean: 1 of 2
        assertThat(g.events).isEmpty();
        assertThat(g.engine.list(null, 10)).hasSize(1);
        assertThat(g.only(AlertState.OPEN).peakValue()).isEqualTo(950);
        value(g, "A01", "a34004", 3, 42, true);
        g.restoredClosedAutomatically(a);
    }
}
