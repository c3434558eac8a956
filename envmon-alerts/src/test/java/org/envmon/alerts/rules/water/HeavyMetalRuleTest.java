package org.envmon.alerts.rules.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envmon.alerts.Fixtures.h;

import org.envmon.alerts.AlertEvent.Type;
import org.envmon.alerts.Fixtures;
import org.envmon.alerts.rules.RuleLoader;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertState;
import org.envmon.model.alert.Severity;
import org.junit.jupiter.api.Test;

class HeavyMetalRuleTest {

    @Test
    void oneThresholdPerMetalInTheCatalogueUnitOpensPersistsAndClosesAutomatically() {
        Fixtures f = new Fixtures(Fixtures.rules("rule.hm.type=heavy-metal"));
        f.hour("W01", "w20089", h(0), 100);   // Tl 100 ng/L = 0.0001 mg/L: at the limit
        f.hour("A01", "w20124", h(0), 0.05);  // Mn below 0.1, any site
        assertThat(f.events).isEmpty();
        f.hour("W01", "w20089", h(1), 120);
        Alert tl = f.only(AlertState.OPEN);
        assertThat(tl.ruleId()).isEqualTo("hm");
        assertThat(tl.parameter()).isEqualTo("w20089");
        assertThat(tl.value()).isEqualTo(120);
        assertThat(tl.threshold()).isEqualTo(100.0);
        assertThat(tl.message()).contains("heavy metal above the limit (thallium 0.0001 mg/L): w20089 = 120 ng/L > 100 "
                + "at site W01");
        f.hour("W01", "w20004", h(1), 7);     // Sb 7 µg/L > 5: the same rule, another alert
        f.hour("W01", "w20089", h(2), 300);
        assertThat(f.types()).containsExactly(Type.OPENED, Type.OPENED);
        f.hour("W01", "w20089", h(3), 80);
        Alert closed = f.closedAutomaticallyAfter(Type.OPENED, Type.OPENED, Type.CLOSED);
        assertThat(closed.parameter()).isEqualTo("w20089");
        assertThat(closed.peakValue()).isEqualTo(300);
    }

    @Test
    void acknowledgeAndManualCloseThroughTheEngine() {
        Fixtures f = new Fixtures(Fixtures.rules("rule.hm.type=heavy-metal", "rule.hm.limits=w20124:0.1"));
        f.hour("W01", "w20124", h(0), 0.2);
        long id = f.only(AlertState.OPEN).id();
        f.engine.acknowledge(id, "sun.li", "checking the smelter upstream");
        f.hour("W01", "w20124", h(1), 0.25);
        assertThat(f.engine.list(null, 10)).hasSize(1);
        f.engine.close(id, "sun.li", null);
        f.hour("W01", "w20124", h(2), 0.3);
        assertThat(f.engine.list(AlertState.OPEN, 10)).isEmpty();
        f.hour("W01", "w20004", h(2), 50);    // not listed any more
        assertThat(f.types()).containsExactly(Type.OPENED, Type.ACKNOWLEDGED, Type.CLOSED);
    }

    @Test
    void theShippedRuleWatchesSurfaceWaterWithTwoValuesInARow() {
        Fixtures f = new Fixtures(RuleLoader.defaults());
        f.hour("A01", "w20089", h(0), 500);
        f.hour("A01", "w20089", h(1), 500);
        f.hour("W01", "w20089", h(0), 500);
        assertThat(f.events).isEmpty();
        f.hour("W01", "w20089", h(1), 500);
        assertThat(f.only(AlertState.OPEN).ruleId()).isEqualTo("heavy-metal");
        assertThat(f.only(AlertState.OPEN).severity()).isEqualTo(Severity.MAJOR);
    }

    @Test
    void aRestoredAlertGoesToItsMetalsThresholdRuleAfterARestart() {
        String[] config = {"rule.hm.type=heavy-metal"};
        Fixtures f = new Fixtures(Fixtures.rules(config));
        f.hour("W01", "w20089", h(0), 120);   // Tl above 100 ng/L
        f.hour("W01", "w20004", h(0), 7);     // Sb above 5 µg/L
        assertThat(f.engine.list(AlertState.OPEN, 10)).hasSize(2);

        Fixtures g = f.restart(Fixtures.rules(config));
        g.hour("W01", "w20089", h(1), 300);   // still above: the same alert
        g.hour("W01", "w20004", h(1), 6);
        assertThat(g.events).isEmpty();
        assertThat(g.engine.list(null, 10)).hasSize(2);
        g.hour("W01", "w20089", h(2), 80);    // Tl below: closed; Sb stays open
        Alert closed = g.closedAutomaticallyAfter(Type.CLOSED);
        assertThat(closed.parameter()).isEqualTo("w20089");
        assertThat(closed.peakValue()).isEqualTo(300);
        assertThat(g.only(AlertState.OPEN).parameter()).isEqualTo("w20004");
        g.hour("W01", "w20004", h(2), 2);
        assertThat(g.engine.list(AlertState.OPEN, 10)).isEmpty();
        assertThat(g.types()).containsExactly(Type.CLOSED, Type.CLOSED);
    }
}
