package org.envmon.alerts.rules.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envmon.alerts.Fixtures.h;

import org.envmon.alerts.AlertEvent.Type;
import org.envmon.alerts.Fixtures;
import org.envmon.alerts.rules.DerivedAirUpdate;
import org.envmon.alerts.rules.RuleLoader;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertState;
import org.envmon.model.alert.Severity;
import org.envmon.model.alert.SubjectType;
import org.junit.jupiter.api.Test;

class CityAqiRuleTest {

    private static void aqi(Fixtures f, String city, int hour, int aqi, int level) {
        f.engine.derived(new DerivedAirUpdate(city, h(hour), aqi, level));
        f.engine.processPending();
    }

    @Test
    void shippedRuleOpensAtLevelFourPerCityAndClosesAfterTwoBetterHours() {
        Fixtures f = new Fixtures(RuleLoader.defaults());
        aqi(f, "北京", 0, 140, 3);
        assertThat(f.events).isEmpty();
        aqi(f, "北京", 1, 160, 4);
        Alert a = f.onlyOpen("city-aqi-4", "北京", "AQI");
        assertThat(a.subjectType()).isEqualTo(SubjectType.CITY);
        assertThat(a.severity()).isEqualTo(Severity.MAJOR);
        assertThat(a.message()).contains("北京 AQI 160 (level 4)");
        aqi(f, "北京", 2, 230, 5);
        aqi(f, "北京", 3, 120, 3);
        aqi(f, "北京", 4, 155, 4); // not yet 2 hours at level 3 or better
        aqi(f, "天津", 4, 90, 2);
        assertThat(f.types()).containsExactly(Type.OPENED);
        assertThat(f.only(AlertState.OPEN).peakValue()).isEqualTo(230);
        aqi(f, "北京", 5, 120, 3);
        aqi(f, "北京", 6, 80, 2);
        assertThat(f.types()).containsExactly(Type.OPENED, Type.CLOSED);
        assertThat(f.only(AlertState.CLOSED).id()).isEqualTo(a.id());
    }

    @Test
    void ignoresOldHoursAndRestartsCountingAfterAGap() {
        Fixtures f = new Fixtures(RuleLoader.defaults());
        aqi(f, "北京", 1, 160, 4);
        aqi(f, "北京", 0, 40, 1); // older than the latest hour
        aqi(f, "北京", 2, 40, 1);
        aqi(f, "北京", 3, 160, 4); // first better hour interrupted
        aqi(f, "北京", 4, 40, 1);
        aqi(f, "北京", 7, 40, 1); // gap: the counting restarts
        assertThat(f.types()).containsExactly(Type.OPENED);
        aqi(f, "北京", 8, 40, 1);
        assertThat(f.types()).containsExactly(Type.OPENED, Type.CLOSED);
    }
}
