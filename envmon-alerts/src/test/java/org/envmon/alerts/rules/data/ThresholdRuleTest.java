package org.envmon.alerts.rules.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.envmon.alerts.Fixtures.h;
import static org.envmon.alerts.Fixtures.rules;

import java.time.Duration;
import java.util.List;
import org.envmon.alerts.AlertEvent.Type;
import org.envmon.alerts.AlertNotFoundException;
import org.envmon.alerts.Fixtures;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertState;
import org.envmon.model.alert.AlertTransitionException;
import org.envmon.model.alert.Transition;
import org.junit.jupiter.api.Test;

class ThresholdRuleTest {

    private static Fixtures pm25(String... extra) {
        List<String> base = List.of("rule.pm.type=threshold", "rule.pm.parameter=a34004", "rule.pm.threshold=100",
                "rule.pm.hysteresis=10", "rule.pm.unit=ug/m3");
        return new Fixtures(rules(base, extra));
    }

    @Test
    void opensOnceAndUpdatesWhileTheExceedancePersists() {
        Fixtures f = pm25();
        f.hour("A01", "a34004", h(0), 80);
        assertThat(f.events).isEmpty();
        f.hours("A01", "a34004", 1, 120, 180, 150);
        assertThat(f.types()).containsExactly(Type.OPENED);
        Alert a = f.onlyOpen("pm", "A01", "a34004");
        assertThat(a.value()).isEqualTo(120);
        assertThat(a.lastValue()).isEqualTo(150);
        assertThat(a.peakValue()).isEqualTo(180);
        assertThat(a.threshold()).isEqualTo(100.0);
        assertThat(a.dataTime()).isEqualTo(h(1));
        assertThat(a.message()).contains("a34004 = 120 ug/m3 > 100 at site A01");
        // another site is another subject
        f.hour("W01", "a34004", h(3), 130);
        assertThat(f.engine.list(AlertState.OPEN, 10)).hasSize(2);
    }

    @Test
    void hysteresisKeepsTheAlertOpenUntilTheValueIsClearlyBelow() {
        Fixtures f = pm25();
        f.hour("A01", "a34004", h(0), 120);
        f.hour("A01", "a34004", h(1), 95); // below 100, but not below 100 - 10
        f.hour("A01", "a34004", h(2), 105); // back above: still the same alert
        f.hour("A01", "a34004", h(3), 91);
        assertThat(f.types()).containsExactly(Type.OPENED);
        f.hour("A01", "a34004", h(4), 89);
        Alert closed = f.closedAutomaticallyAfter(Type.OPENED, Type.CLOSED);
        assertThat(closed.history()).extracting(Transition::to).containsExactly(AlertState.OPEN, AlertState.CLOSED);
        assertThat(closed.history().get(1).note()).contains("below 90");
        // the condition coming back is a new alert
        f.hour("A01", "a34004", h(5), 130);
        assertThat(f.engine.list(AlertState.OPEN, 10)).singleElement()
                .satisfies(a -> assertThat(a.id()).isNotEqualTo(closed.id()));
    }

    @Test
    void minimumCountAndDurationBeforeOpeningAndClosing() {
        Fixtures f = pm25("rule.pm.min-count=2", "rule.pm.min-duration=2h", "rule.pm.clear-count=2",
                "rule.pm.clear-duration=0");
        f.hour("A01", "a34004", h(0), 120);
        f.hour("A01", "a34004", h(1), 80); // interrupts the run
        f.hour("A01", "a34004", h(2), 120);
        f.hour("A01", "a34004", h(3), 120); // 2 values, but spanning only 1 h
        assertThat(f.events).isEmpty();
        f.hour("A01", "a34004", h(4), 120); // spans 2 h
        assertThat(f.types()).containsExactly(Type.OPENED);
        assertThat(f.only(AlertState.OPEN).dataTime()).isEqualTo(h(4));
        f.hour("A01", "a34004", h(5), 50);
        f.hour("A01", "a34004", h(6), 120);
        f.hour("A01", "a34004", h(7), 50);
        assertThat(f.types()).containsExactly(Type.OPENED);
        f.hour("A01", "a34004", h(8), 50);
        assertThat(f.types()).containsExactly(Type.OPENED, Type.CLOSED);
    }

    @Test
    void acknowledgeNeedsANoteAndAnOperatorThenClosesAutomatically() {
        Fixtures f = pm25();
        f.hour("A01", "a34004", h(0), 120);
        long id = f.only(AlertState.OPEN).id();
        assertThatThrownBy(() -> f.engine.acknowledge(id, "li.wei", " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("note");
        assertThatThrownBy(() -> f.engine.acknowledge(id, null, "x")).hasMessageContaining("operator");
        assertThatThrownBy(() -> f.engine.acknowledge(999, "li.wei", "x")).isInstanceOf(AlertNotFoundException.class);
        f.clock.advance(Duration.ofMinutes(5));
        Alert acked = f.engine.acknowledge(id, "li.wei", "field team sent");
        assertThat(acked.state()).isEqualTo(AlertState.ACKNOWLEDGED);
        assertThat(acked.ackNote()).isEqualTo("field team sent");
        assertThat(acked.ackOperator()).isEqualTo("li.wei");
        assertThat(acked.updatedAt()).isEqualTo(Fixtures.T0.plus(Duration.ofMinutes(5)));
        assertThatThrownBy(() -> f.engine.acknowledge(id, "li.wei", "again"))
                .isInstanceOf(AlertTransitionException.class);
        f.hour("A01", "a34004", h(1), 140); // persists: no new alert while acknowledged
        assertThat(f.engine.list(null, 10)).hasSize(1);
        f.hour("A01", "a34004", h(2), 20);
        Alert closed = f.only(AlertState.CLOSED);
        assertThat(closed.id()).isEqualTo(id);
        assertThat(closed.ackNote()).isEqualTo("field team sent");
        assertThat(closed.history()).extracting(Transition::to)
                .containsExactly(AlertState.OPEN, AlertState.ACKNOWLEDGED, AlertState.CLOSED);
        assertThat(f.types()).containsExactly(Type.OPENED, Type.ACKNOWLEDGED, Type.CLOSED);
    }

    @Test
    void manualCloseWhileTheConditionPersistsDoesNotReopenUntilItClears() {
        Fixtures f = pm25();
        f.hour("A01", "a34004", h(0), 120);
        long id = f.only(AlertState.OPEN).id();
        Alert closed = f.engine.close(id, "zhang.min", "known: fireworks");
        assertThat(closed.closedBy()).isEqualTo("zhang.min");
        assertThat(closed.history().get(1).note()).isEqualTo("known: fireworks");
        assertThatThrownBy(() -> f.engine.close(id, "zhang.min", null)).isInstanceOf(AlertTransitionException.class);
        f.hour("A01", "a34004", h(1), 150);
        assertThat(f.engine.list(AlertState.OPEN, 10)).isEmpty();
        f.hour("A01", "a34004", h(2), 50); // clears (nothing to close)
        f.hour("A01", "a34004", h(3), 150); // comes back: new alert
        assertThat(f.only(AlertState.OPEN).id()).isNotEqualTo(id);
        assertThat(f.types()).containsExactly(Type.OPENED, Type.CLOSED, Type.OPENED);
    }

    @Test
    void skipsFlaggedInvalidStaleAndOldValues() {
        Fixtures f = pm25();
        f.feed(Fixtures.packet("A01", "hj212", f.clock.instant(), Fixtures.row("A01", "a34004", h(0), 500, "M")));
        f.feed(Fixtures.packet("A01", "hj212", f.clock.instant(),
                Fixtures.row("A01", "a34004", h(0), 500, "N").withQc(false, List.of("RANGE"))));
        f.hour("A01", "a34004", Fixtures.T0.minus(Duration.ofDays(3)), 500); // history upload, older than max-age
        assertThat(f.events).isEmpty();
        f.hour("A01", "a34004", h(2), 50);
        f.hour("A01", "a34004", h(1), 500); // older than the latest evaluated hour
        assertThat(f.events).isEmpty();
        // another interval is not followed by this rule (interval=hour by default)
        f.feed(Fixtures.packet("A01", "hj212", f.clock.instant(), new org.envmon.model.ObservationRow("A01", "a34004",
                org.envmon.model.Interval.MINUTE, org.envmon.model.Statistic.VALUE, h(3), 500, "N")));
        assertThat(f.events).isEmpty();
    }
}
