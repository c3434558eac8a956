package org.envmon.alerts.rules.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envmon.alerts.Fixtures.h;

import java.time.Duration;
import java.util.List;
import org.envmon.alerts.AlertEvent.Type;
import org.envmon.alerts.Fixtures;
import org.envmon.alerts.rules.LoadContext;
import org.envmon.alerts.rules.RuleLoader;
import org.envmon.model.Medium;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertState;
import org.envmon.model.alert.Severity;
import org.junit.jupiter.api.Test;

class TargetClassRuleTest {

    private static Fixtures target(String... extra) {
        List<String> base = List.of("rule.tc.type=target-class");
        Fixtures f = new Fixtures(Fixtures.rules(base, extra));
        f.section("S2", "river", 2, false);     // target class II
        f.section("L3", "lake", null, false);   // no target: the rule's default
        return f;
    }

    @Test
    void opensAfterMinCountWorseThanTheSiteTargetPersistsWithoutDuplicatesAndClosesAutomatically() {
        Fixtures f = target("rule.tc.min-count=2", "rule.tc.severity=major");
        f.hour("S2", "w21003", h(0), 0.6);   // class III, worse than II: 1 of 2
        assertThat(f.events).isEmpty();
        f.hour("S2", "w21003", h(4), 0.8);
        Alert a = f.only(AlertState.OPEN);
        assertThat(a.ruleId()).isEqualTo("tc");
        assertThat(a.subject()).isEqualTo("S2");
        assertThat(a.parameter()).isEqualTo("w21003");
        assertThat(a.severity()).isEqualTo(Severity.MAJOR);
        assertThat(a.value()).isEqualTo(0.8);
        assertThat(a.threshold()).isEqualTo(0.5); // the class II limit
        assertThat(a.dataTime()).isEqualTo(h(4));
        assertThat(a.message()).contains("NH3-N (w21003) = 0.8 mg/L is class III, worse than the target class II "
                + "(limit 0.5 mg/L) at site S2");
        f.hour("S2", "w21003", h(8), 1.6);   // class V: the same alert
        f.hour("S2", "w21003", h(12), 0.4);  // class II: 1 of 2 to clear
        assertThat(f.types()).containsExactly(Type.OPENED);
        assertThat(f.only(AlertState.OPEN).peakValue()).isEqualTo(1.6);
        assertThat(f.only(AlertState.OPEN).lastValue()).isEqualTo(0.4);
        f.hour("S2", "w21003", h(16), 0.5);  // at the limit: class II
        Alert closed = f.closedAutomaticallyAfter(Type.OPENED, Type.CLOSED);
        assertThat(closed.id()).isEqualTo(a.id());
        assertThat(closed.history().get(1).note()).contains("at or better than the target class II");
    }

    @Test
    void sitesWithoutATargetUseTheDefaultAndTheWaterBodyDecidesTheTpLimit() {
        Fixtures f = target();
        // TP 0.08: class IV in a lake (0.05 < 0.08 <= 0.1), class II in a river (<= 0.1); W01 has no water body: river
        f.hour("L3", "w21011", h(0), 0.08);
        f.hour("W01", "w21011", h(0), 0.08);
        Alert a = f.only(AlertState.OPEN);
        assertThat(a.subject()).isEqualTo("L3");
        assertThat(a.threshold()).isEqualTo(0.05);
        assertThat(a.message()).contains("is class IV, worse than the target class III");
        // default-target and waterbody settings
        Fixtures g = target("rule.tc.default-target=I", "rule.tc.waterbody=lake");
        g.hour("W01", "w21011", h(0), 0.02);   // lake class II (0.01 < 0.02 <= 0.025), worse than I
        assertThat(g.only(AlertState.OPEN).threshold()).isEqualTo(0.01);
    }

    @Test
    void convertsMicrogramsToTheTable1UnitExactlyAndFollowsDissolvedOxygenDownwards() {
        Fixtures f = target();
        // Hg arrives in µg/L (catalogue); class III limit 0.0001 mg/L = 0.1 µg/L exactly: not worse
        f.hour("W01", "w20111", h(0), 0.1);
        assertThat(f.events).isEmpty();
        f.hour("W01", "w20111", h(1), 0.2);
        Alert hg = f.only(AlertState.OPEN);
        assertThat(hg.value()).isEqualTo(0.0002);
        assertThat(hg.threshold()).isEqualTo(0.0001);
        assertThat(hg.message()).contains("mercury (w20111) = 0.0002 mg/L is class IV");
        // DO is worse when lower: 4 mg/L is class IV; the peak is the lowest value
        f.hour("W02", "w01009", h(0), 4);
        f.hour("W02", "w01009", h(1), 2.5);
        f.hour("W02", "w01009", h(2), 3.5);
        Alert dissolvedOxygen = f.engine.list(AlertState.OPEN, 10).stream()
                .filter(x -> x.parameter().equals("w01009")).findFirst().orElseThrow();
        assertThat(dissolvedOxygen.threshold()).isEqualTo(5.0);
        assertThat(dissolvedOxygen.peakValue()).isEqualTo(2.5);
        f.hour("W02", "w01009", h(3), 6);
        assertThat(f.engine.list(AlertState.CLOSED, 10)).extracting(Alert::parameter).containsExactly("w01009");
        // pH outside 6-9 is 劣V; no threshold (a range)
        f.hour("W02", "w01001", h(0), 9.5);
        Alert ph = f.engine.list(AlertState.OPEN, 10).stream().filter(x -> x.parameter().equals("w01001"))
                .findFirst().orElseThrow();
        assertThat(ph.threshold()).isNull();
        assertThat(ph.message()).contains("is class 劣V");
    }

    @Test
    void acknowledgeThenManualCloseWhileWorseIsNotReopenedUntilItClearsAndComesBack() {
        Fixtures f = target();
        f.hour("S2", "w01019", h(0), 5);   // CODMn class III > II
        long id = f.only(AlertState.OPEN).id();
        Alert acked = f.engine.acknowledge(id, "li.wei", "sampling crew sent");
        assertThat(acked.state()).isEqualTo(AlertState.ACKNOWLEDGED);
        f.hour("S2", "w01019", h(4), 7);   // persists: no new alert while acknowledged
        assertThat(f.engine.list(null, 10)).hasSize(1);
        assertThat(f.engine.find(id).orElseThrow().lastValue()).isEqualTo(7);
        f.engine.close(id, "li.wei", "upstream works, known");
        f.hour("S2", "w01019", h(8), 8);   // still worse: not reopened
        assertThat(f.engine.list(AlertState.OPEN, 10)).isEmpty();
        assertThat(f.engine.list(AlertState.ACKNOWLEDGED, 10)).isEmpty();
        f.hour("S2", "w01019", h(12), 3);  // class II: cleared (nothing to close)
        f.hour("S2", "w01019", h(16), 5);  // back: a new alert
        assertThat(f.only(AlertState.OPEN).id()).isNotEqualTo(id);
        assertThat(f.types()).containsExactly(Type.OPENED, Type.ACKNOWLEDGED, Type.CLOSED, Type.OPENED);
        assertThat(f.engine.find(id).orElseThrow().closedBy()).isEqualTo("li.wei");
    }

    @Test
    void skipsOtherItemsOtherMediaInvalidFlaggedOldAndReplayedValues() {
        Fixtures f = target();
        f.hour("W01", "w21001", h(0), 5);    // TN: not a routine item
        f.hour("W01", "w02003", h(0), 1e6);  // fecal coliform: not a routine item
        f.hour("A01", "w21003", h(0), 5);    // air site
        f.site("U01", Medium.SURFACE_WATER, "杭州");
        f.sites.remove("U01");
        f.hour("U01", "w21003", h(0), 5);    // unknown site
        f.feed(Fixtures.packet("W01", "hj212", f.clock.instant(), Fixtures.row("W01", "w21003", h(1), 5, "M")));
        f.feed(Fixtures.packet("W01", "hj212", f.clock.instant(),
                Fixtures.row("W01", "w21003", h(2), 5, "N").withQc(false, List.of("ABOVE_RANGE"))));
        f.hour("W01", "w21003", Fixtures.T0.minus(Duration.ofDays(3)), 5); // history upload
        assertThat(f.events).isEmpty();
        f.hour("W01", "w21003", h(5), 0.2);
        f.hour("W01", "w21003", h(4), 5);    // older than the latest evaluated value
        assertThat(f.events).isEmpty();
    }

    @Test
    void theShippedRuleReplacesTheClassIiiThresholdsOnSurfaceWaterSites() {
        Fixtures f = new Fixtures(RuleLoader.defaults());
        f.hour("W01", "w21003", h(0), 1.2);  // NH3-N > 1.0 (class III): two values in a row
        assertThat(f.events).isEmpty();
        f.hour("W01", "w21003", h(4), 1.3);
        Alert a = f.only(AlertState.OPEN);
        assertThat(a.ruleId()).isEqualTo("water-target");
        assertThat(a.severity()).isEqualTo(Severity.MAJOR);
        assertThat(a.threshold()).isEqualTo(1.0);
        f.hour("A01", "w21003", h(0), 5);    // not on an air site
        f.hour("A01", "w21003", h(4), 5);
        f.hour("W01", "w21003", h(8), 0.9);
        f.hour("W01", "w21003", h(12), 1.0); // at the limit: class III
        assertThat(f.types()).containsExactly(Type.OPENED, Type.CLOSED);
    }

    @Test
    void aRestoredAlertPersistsWithoutADuplicateAndClosesAutomaticallyAfterARestart() {
        String[] config = {"rule.tc.type=target-class"};
        Fixtures f = new Fixtures(Fixtures.rules(config));
        f.section("S2", "river", 2, false);  // target class II
        f.hour("S2", "w21003", h(0), 0.8);   // class III
        Alert a = f.only(AlertState.OPEN);

        Fixtures g = f.restart(Fixtures.rules(config));
        g.hour("S2", "w21003", h(0), 0.3);   // the raising hour redelivered: not taken
        g.hour("S2", "w21003", h(1), 1.2);   // still worse: the same alert
        assertThat(g.events).isEmpty();
        assertThat(g.only(AlertState.OPEN).id()).isEqualTo(a.id());
        assertThat(g.only(AlertState.OPEN).peakValue()).isEqualTo(1.2);
        g.hour("S2", "w21003", h(2), 0.4);   // class II: closed automatically
        assertThat(g.restoredClosedAutomatically(a).lastValue()).isEqualTo(0.4);
    }

    @Test
    void valuesAreClassedAsReportedUnlessTheDeploymentOrTheRuleSaysNone() {
        // real values just past a limit that the national publication classes one class better:
        // NH3-N 0.5049 is reported 0.50 (class II, the target); DO 5.95 reported 6.0 (class II)
        Fixtures f = target();
        f.hour("S2", "w21003", h(0), 0.5049);
        f.hour("S2", "w01009", h(0), 5.95);
        assertThat(f.events).isEmpty();
        f.hour("S2", "w21003", h(4), 0.506);  // reported 0.51: class III
        Alert a = f.only(AlertState.OPEN);
        assertThat(a.value()).isEqualTo(0.506);
        assertThat(a.message()).contains("NH3-N (w21003) = 0.506 mg/L (reported 0.51) is class III, worse than the "
                + "target class II (limit 0.5 mg/L)");
        // the rule's own setting
        Fixtures g = target("rule.tc.rounding=none");
        g.hour("S2", "w21003", h(0), 0.5049);
        assertThat(g.only(AlertState.OPEN).message()).contains("= 0.5049 mg/L is class III");
        // the deployment's policy, given to the loader
        java.util.Properties p = new java.util.Properties();
        p.setProperty("defaults", "false");
        p.setProperty("rule.tc.type", "target-class");
        TargetClassRule rule = (TargetClassRule) RuleLoader.load(
                new LoadContext(org.envmon.standards.water.WaterRounding.NONE), p).get(0);
        assertThat(rule.spec().rounding()).isEqualTo(org.envmon.standards.water.WaterRounding.NONE);
        assertThat(((TargetClassRule) RuleLoader.load(p).get(0)).spec().rounding())
                .isEqualTo(org.envmon.standards.water.WaterRounding.REPORTED);
    }
}
