package org.envmon.alerts.rules.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envmon.alerts.Fixtures.h;

import java.time.Duration;
import org.envmon.alerts.AlertEvent.Type;
import org.envmon.alerts.Fixtures;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertState;
import org.junit.jupiter.api.Test;

class OfflineRuleTest {

    private static Fixtures offlineAfter30Minutes() {
        return new Fixtures(Fixtures.rules("rule.off.type=offline", "rule.off.after=30m"));
    }

    private static void tick(Fixtures f) {
        f.engine.tick();
        f.engine.processPending();
    }

    @Test
    void opensAfterTheSilenceOnceAndClosesWhenTheStationSendsAgain() {
        Fixtures f = offlineAfter30Minutes();
        f.hour("A01", "a34004", h(0), 40);
        f.clock.advance(Duration.ofMinutes(29));
        tick(f);
        assertThat(f.events).isEmpty();
        f.clock.advance(Duration.ofMinutes(1));
        tick(f);
        Alert a = f.onlyOpen("off", "A01", "");
        assertThat(a.value()).isEqualTo(30);
        assertThat(a.message()).contains("no data from site A01 for 30 min");
        f.clock.advance(Duration.ofMinutes(20));
        tick(f);
        tick(f);
        assertThat(f.types()).containsExactly(Type.OPENED);
        assertThat(f.only(AlertState.OPEN).lastValue()).isEqualTo(50);
        f.engine.acknowledge(a.id(), "wang.fang", "power cut at the station, crew on the way");
        f.hour("A01", "a34004", h(1), 40);
        Alert closed = f.closedAutomatically();
        assertThat(closed.history().get(2).note()).contains("data received again");
        assertThat(f.types()).containsExactly(Type.OPENED, Type.ACKNOWLEDGED, Type.CLOSED);
    }

    @Test
    void watchesOnlyLiveStationsHeardFrom() {
        Fixtures f = offlineAfter30Minutes();
        // a file import is not a live station
        f.feed(Fixtures.packet("W01", "import:cnemc", f.clock.instant(), Fixtures.row("W01", "w21003", h(0), 1, null)));
        f.clock.advance(Duration.ofHours(3));
        tick(f);
        assertThat(f.events).isEmpty();
    }
}
