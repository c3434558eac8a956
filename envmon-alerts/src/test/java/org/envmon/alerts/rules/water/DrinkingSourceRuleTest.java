package org.envmon.alerts.rules.water;

import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;
import static org.envmon.alerts.Fixtures.h;

import org.envmon.alerts.AlertEvent.Type;
import org.envmon.alerts.Fixtures;
import org.envmon.alerts.rules.RuleLoader;
import org.envmon.hj212.Parameter;
import org.envmon.hj212.ParameterCatalogue;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertState;
import org.envmon.model.alert.Severity;
import org.junit.jupiter.api.Test;

class DrinkingSourceRuleTest {

    private static Fixtures drinking(String... extra) {
        return Fixtures.withSections(Fixtures.rules(List.of("rule.ds.type=drinking-source"), extra));
    }

    @Test
    void opensCriticalOnADrinkingSourceOnlyPersistsAndClosesAutomatically() {
        Fixtures f = drinking();
        f.hour("R01", "w20124", h(0), 0.5);  // Mn above 0.1, but not a drinking-water source
        assertThat(f.events).isEmpty();
        f.hour("D01", "w20124", h(0), 0.15);
        Alert a = f.only(AlertState.OPEN);
        assertThat(a.ruleId()).isEqualTo("ds");
        assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(a.parameter()).isEqualTo("w20124");
        assertThat(a.threshold()).isEqualTo(0.1);
        assertThat(a.message()).contains("manganese (w20124) = 0.15 mg/L is above the limit 0.1 mg/L at "
                + "drinking-water source D01");
        f.hour("D01", "w20124", h(1), 0.3);
        f.hour("D01", "w20124", h(2), 0.12);
        assertThat(f.types()).containsExactly(Type.OPENED);
        assertThat(f.only(AlertState.OPEN).peakValue()).isEqualTo(0.3);
        f.hour("D01", "w20124", h(3), 0.1);   // at the limit: within
        assertThat(f.types()).containsExactly(Type.OPENED, Type.CLOSED);
        assertThat(f.only(AlertState.CLOSED).closedBy()).isEqualTo(Alert.SYSTEM);
    }

    @Test
    void convertsThalliumFromNanogramsAndAntimonyFromMicrogramsExactly() {
        Fixtures f = drinking();
        f.hour("D01", "w20089", h(0), 100);   // 100 ng/L = 0.0001 mg/L: at the Table 3 limit
        f.hour("D01", "w20004", h(0), 5);     // 5 µg/L = 0.005 mg/L: at the limit
        assertThat(f.events).isEmpty();
        f.hour("D01", "w20089", h(1), 150);
        Alert tl = f.only(AlertState.OPEN);
        assertThat(tl.value()).isEqualTo(0.00015);
        assertThat(tl.threshold()).isEqualTo(0.0001);
        assertThat(tl.message()).contains("thallium (w20089) = 0.00015 mg/L (150 ng/L as sent) is above the limit "
                + "0.0001 mg/L");
        f.hour("D01", "w20004", h(1), 6);
        assertThat(f.engine.list(AlertState.OPEN, 10)).extracting(Alert::parameter)
                .containsExactlyInAnyOrder("w20089", "w20004");
        // Table 2 anions in mg/L
        f.hour("D01", "w21038", h(1), 260);
        f.hour("D01", "w21022", h(1), 240);
        f.hour("D01", "w21007", h(1), 10.5);
        assertThat(f.engine.list(AlertState.OPEN, 10)).extracting(Alert::parameter)
                .containsExactlyInAnyOrder("w20089", "w20004", "w21038", "w21007");
    }

    @Test
    void table1ItemsWorseThanClassIiiWithTheSourceWaterBody() {
        Fixtures f = drinking();
        f.hour("D01", "w21003", h(0), 0.9);  // NH3-N class III: allowed (target II is not this rule's business)
        f.hour("D01", "w21011", h(0), 0.04); // TP reservoir class III (<= 0.05)
        assertThat(f.events).isEmpty();
        f.hour("D01", "w21011", h(1), 0.06); // reservoir class IV
        Alert tp = f.only(AlertState.OPEN);
        assertThat(tp.threshold()).isEqualTo(0.05);
        assertThat(tp.message()).contains("is class IV, worse than class III (GB 3838-2002 Table 1, limit 0.05 mg/L)");
        f.hour("D01", "w01009", h(0), 4.5);  // DO below 5: class IV
        assertThat(f.engine.list(AlertState.OPEN, 10)).hasSize(2);
        // max-class II
        Fixtures g = drinking("rule.ds.max-class=II", "rule.ds.min-count=2");
        g.hour("D01", "w21003", h(0), 0.9);
        assertThat(g.events).isEmpty();
        g.hour("D01", "w21003", h(1), 0.7);
        assertThat(g.only(AlertState.OPEN).threshold()).isEqualTo(0.5);
    }

    @Test
    void acknowledgeAndManualCloseThroughTheEngine() {
        Fixtures f = drinking();
        f.hour("D01", "w20125", h(0), 0.5);  // Fe > 0.3
        long id = f.only(AlertState.OPEN).id();
        f.engine.acknowledge(id, "zhao.lei", "water works informed");
        f.hour("D01", "w20125", h(1), 0.6);
        assertThat(f.engine.list(null, 10)).hasSize(1);
        assertThat(f.only(AlertState.ACKNOWLEDGED).lastValue()).isEqualTo(0.6);
        f.engine.close(id, "zhao.lei", "intake switched");
        f.hour("D01", "w20125", h(2), 0.7);  // persists: not reopened
        assertThat(f.engine.list(AlertState.OPEN, 10)).isEmpty();
        f.hour("D01", "w20125", h(3), 0.1);
        f.hour("D01", "w20125", h(4), 0.4);  // cleared and back: a new alert
        assertThat(f.only(AlertState.OPEN).id()).isNotEqualTo(id);
        assertThat(f.types()).containsExactly(Type.OPENED, Type.ACKNOWLEDGED, Type.CLOSED, Type.OPENED);
    }

    @Test
    void theCatalogueHasTheItemsMarkedUncertain() {
        ParameterCatalogue c = ParameterCatalogue.standard();
        String[][] rows = {{"w20124", "mg/L"}, {"w20125", "mg/L"}, {"w20089", "ng/L"}, {"w20004", "μg/L"},
            {"w21007", "mg/L"}, {"w21022", "mg/L"}, {"w21038", "mg/L"}};
        for (String[] r : rows) {
            Parameter p = c.find(r[0], Parameter.Category.WATER).orElseThrow();
            assertThat(p.unit()).as(r[0]).isEqualTo(r[1]);
            assertThat(p.uncertain()).as(r[0]).isTrue();
            assertThat(p.note()).as(r[0]).contains("not confirmed from HJ 212-2017 Annex B");
        }
    }

    @Test
    void theShippedRuleIsCritical() {
        Fixtures f = Fixtures.withSections(RuleLoader.defaults());
        f.hour("D01", "w21022", h(0), 300);  // chloride > 250
        assertThat(f.only(AlertState.OPEN).ruleId()).isEqualTo("drinking-source");
        assertThat(f.only(AlertState.OPEN).severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aRestoredAlertPersistsWithoutADuplicateAndClosesAutomaticallyAfterARestart() {
        String[] config = {"rule.ds.type=drinking-source", "rule.ds.clear-count=2"};
        Fixtures f = Fixtures.withSections(Fixtures.rules(config));
        f.hour("D01", "w20124", h(0), 0.15);  // Mn above 0.1
        Alert a = f.only(AlertState.OPEN);

        Fixtures g = f.restart(Fixtures.rules(config));
        g.hour("D01", "w20124", h(1), 0.3);   // still above: the same alert
        g.hour("D01", "w20124", h(2), 0.05);  // within: 1 of 2
        assertThat(g.events).isEmpty();
        assertThat(g.engine.list(null, 10)).hasSize(1);
        assertThat(g.only(AlertState.OPEN).peakValue()).isEqualTo(0.3);
        g.hour("D01", "w20124", h(3), 0.1);   // at the limit: within, 2 of 2
        g.restoredClosedAutomatically(a);
    }

    @Test
    void table1ValuesAreClassedAsReported() {
        Fixtures f = drinking();
        f.hour("D01", "w21011", h(0), 0.0504); // reservoir TP reported 0.050: class III, allowed
        f.hour("D01", "w01001", h(0), 9.04);   // pH reported 9: within 6-9
        assertThat(f.events).isEmpty();
        f.hour("D01", "w21011", h(1), 0.0506); // reported 0.051: class IV
        assertThat(f.only(AlertState.OPEN).message()).contains("= 0.0506 mg/L (reported 0.051) is class IV");
        Fixtures g = drinking("rule.ds.rounding=none");
        g.hour("D01", "w21011", h(0), 0.0504);
        assertThat(g.only(AlertState.OPEN).message()).contains("= 0.0504 mg/L is class IV");
    }
}
