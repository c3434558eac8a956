package org.envmon.alerts.rules.water;

import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.envmon.alerts.Fixtures.h;

import java.util.Map;
import org.envmon.alerts.AlertEvent.Type;
import org.envmon.alerts.Fixtures;
import org.envmon.alerts.rules.RuleLoader;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertState;
import org.envmon.model.alert.Severity;
import org.envmon.standards.water.TrophicStateIndex;
import org.junit.jupiter.api.Test;

class AlgalBloomRuleTest {

    private static Fixtures bloom(String... extra) {
        return Fixtures.withSections(Fixtures.rules(List.of("rule.ab.type=algal-bloom"), extra));
    }

    @Test
    void chlorophyllAtOrAboveTheThresholdInLakesAndReservoirsOnly() {
        Fixtures f = bloom("rule.ab.tli-state=none");
        f.hour("R01", "w01016", h(0), 80);    // a river
        f.hour("W01", "w01016", h(0), 80);    // no water body registered
        f.hour("L01", "w01016", h(0), 24.9);
        assertThat(f.events).isEmpty();
        f.hour("L01", "w01016", h(1), 25);
        Alert a = f.only(AlertState.OPEN);
        assertThat(a.ruleId()).isEqualTo("ab");
        assertThat(a.parameter()).isEqualTo("w01016");
        assertThat(a.threshold()).isEqualTo(25.0);
        assertThat(a.message()).contains("algal bloom risk: chlorophyll a (w01016) = 25 µg/L >= 25 µg/L at site L01");
        f.hour("L01", "w01016", h(2), 60);
        f.hour("D01", "w01016", h(2), 30);
        assertThat(f.types()).containsExactly(Type.OPENED, Type.OPENED);
        f.hour("L01", "w01016", h(3), 10);
        Alert closed = f.closedAutomaticallyAfter(Type.OPENED, Type.OPENED, Type.CLOSED);
        assertThat(closed.subject()).isEqualTo("L01");
        assertThat(closed.peakValue()).isEqualTo(60);
    }

    @Test
    void trophicStateIndexOncePerPacketFromTheLatestValuesWithRenormalisedWeights() {
        Fixtures f = bloom("rule.ab.chla-threshold=none", "rule.ab.min-count=2");
        // chla 30 µg/L, TP 0.15, TN 2.0, CODMn 8 mg/L: TLI(Σ) ≈ 62, 中度富营养; no SD
        f.values("L01", h(0), "w01016", 30, "w21011", 0.15, "w21001", 2.0, "w01019", 8);
        assertThat(f.events).isEmpty();        // one packet = one evaluation, min-count 2
        f.values("L01", h(4), "w01016", 32);   // the others are still within max-age
        Alert a = f.only(AlertState.OPEN);
        assertThat(a.parameter()).isEqualTo(AlgalBloomRule.TLI);
        double expected = TrophicStateIndex.compute(Map.of(TrophicStateIndex.Parameter.CHLA, 32.0,
                TrophicStateIndex.Parameter.TP, 0.15, TrophicStateIndex.Parameter.TN, 2.0,
                TrophicStateIndex.Parameter.CODMN, 8.0)).tli();
        assertThat(a.value()).isCloseTo(expected, within(0.01));
        assertThat(a.value()).isGreaterThan(60);
        assertThat(a.threshold()).isEqualTo(60.0);
        assertThat(a.dataTime()).isEqualTo(h(4));
        assertThat(a.message()).contains("(中度富营养, 中度富营养 or worse) at site L01 from chla 32 µg/L, tp 0.15 mg/L, "
                + "tn 2 mg/L, codmn 8 mg/L (weights renormalised over 4 of 5 parameters)");
        f.values("L01", h(8), "w01016", 40, "w21011", 0.2);
        assertThat(f.types()).containsExactly(Type.OPENED);
        // better water: two evaluations under 60 close it
        f.values("L01", h(12), "w01016", 5, "w21011", 0.03, "w21001", 0.6, "w01019", 3);
        f.values("L01", h(16), "w01016", 4);
        assertThat(f.types()).containsExactly(Type.OPENED, Type.CLOSED);
        assertThat(f.only(AlertState.CLOSED).history().get(1).note()).contains("better than 中度富营养");
    }

    @Test
    void needsChlorophyllAndEnoughRecentParameters() {
        Fixtures f = bloom("rule.ab.chla-threshold=none");
        f.values("L01", h(0), "w01016", 80, "w21011", 0.5);    // 2 of 5 (min 3)
        f.values("L01", h(1), "w21011", 0.5, "w21001", 5, "w01019", 15); // with the 1 h old chl-a: 4 of 5
        assertThat(f.only(AlertState.OPEN).parameter()).isEqualTo("TLI");
        Fixtures g = bloom("rule.ab.chla-threshold=none");
        g.values("L01", h(0), "w21011", 0.5, "w21001", 5, "w01019", 15); // no chlorophyll a
        assertThat(g.events).isEmpty();
        g.values("L01", h(60), "w01016", 80);  // the others are 60 h older than chl-a: beyond max-age P2D
        assertThat(g.events).isEmpty();
        g.values("L01", h(61), "w21011", 0.5, "w21001", 5);
        assertThat(g.only(AlertState.OPEN).message()).contains("over 3 of 5 parameters");
    }

    @Test
    void acknowledgeAndManualCloseThroughTheEngine() {
        Fixtures f = bloom("rule.ab.tli-state=none");
        f.hour("L01", "w01016", h(0), 40);
        long id = f.only(AlertState.OPEN).id();
        f.engine.acknowledge(id, "he.yu", "boat patrol");
        f.hour("L01", "w01016", h(1), 50);
        assertThat(f.engine.list(null, 10)).hasSize(1);
        f.engine.close(id, "he.yu", "bloom confirmed, handled by the lake authority");
        f.hour("L01", "w01016", h(2), 55);
        assertThat(f.engine.list(AlertState.OPEN, 10)).isEmpty();
        f.hour("L01", "w01016", h(3), 5);
        f.hour("L01", "w01016", h(4), 45);
        assertThat(f.only(AlertState.OPEN).id()).isNotEqualTo(id);
        assertThat(f.types()).containsExactly(Type.OPENED, Type.ACKNOWLEDGED, Type.CLOSED, Type.OPENED);
    }

    @Test
    void theShippedRule() {
        Fixtures f = Fixtures.withSections(RuleLoader.defaults());
        f.values("L01", h(0), "w01016", 30);
        assertThat(f.only(AlertState.OPEN).ruleId()).isEqualTo("algal-bloom");
        assertThat(f.only(AlertState.OPEN).severity()).isEqualTo(Severity.MAJOR);
    }

    @Test
    void restoredChlorophyllAndTrophicStateAlertsPersistAndCloseAutomaticallyAfterARestart() {
        String[] config = {"rule.ab.type=algal-bloom"};
        Fixtures f = Fixtures.withSections(Fixtures.rules(config));
        // chl-a 30 >= 25, TLI(Σ) ≈ 62: both conditions
        f.values("L01", h(0), "w01016", 30, "w21011", 0.15, "w21001", 2.0, "w01019", 8);
        assertThat(f.engine.list(AlertState.OPEN, 10)).extracting(Alert::parameter)
                .containsExactlyInAnyOrder("w01016", AlgalBloomRule.TLI);

        Fixtures g = f.restart(Fixtures.rules(config));
        g.values("L01", h(4), "w01016", 40);   // chl-a persists; the TLI needs 3 parameters: left as it is
        g.values("L01", h(8), "w01016", 35, "w21011", 0.2, "w21001", 2.5, "w01019", 9); // both persist
        assertThat(g.events).isEmpty();
        assertThat(g.engine.list(null, 10)).hasSize(2);
        Alert tli = g.engine.list(AlertState.OPEN, 10).stream()
                .filter(a -> a.parameter().equals(AlgalBloomRule.TLI)).findFirst().orElseThrow();
        assertThat(tli.lastValue()).isGreaterThan(tli.value());
        Alert chla = g.engine.list(AlertState.OPEN, 10).stream()
                .filter(a -> a.parameter().equals("w01016")).findFirst().orElseThrow();
        assertThat(chla.peakValue()).isEqualTo(40);
        // better water: both close automatically
        g.values("L01", h(12), "w01016", 5, "w21011", 0.03, "w21001", 0.6, "w01019", 3);
        assertThat(g.types()).containsExactly(Type.CLOSED, Type.CLOSED);
        assertThat(g.engine.list(AlertState.OPEN, 10)).isEmpty();
        assertThat(g.engine.list(AlertState.CLOSED, 10)).extracting(Alert::closedBy)
                .containsOnly(Alert.SYSTEM);
        assertThat(g.engine.list(null, 10)).hasSize(2);
    }
}
