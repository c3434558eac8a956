package org.envmon.alerts.rules.air;

import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.envmon.alerts.AlertEvent.Type;
import org.envmon.alerts.Fixtures;
import org.envmon.alerts.rules.DerivedAirDay;
import org.envmon.alerts.rules.RuleLoader;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertState;
import org.envmon.model.alert.Severity;
import org.envmon.model.alert.SubjectType;
import org.junit.jupiter.api.Test;

class HeavyPollutionRuleTest {

    /** Day n of an episode; the engine clock's day (Beijing) is 2026-07-01, day 6. */
    private static LocalDate d(int n) {
        return LocalDate.of(2026, 6, 25).plusDays(n);
    }

    private static void day(Fixtures f, String city, int n, int aqi, boolean provisional) {
        int level = aqi <= 50 ? 1 : aqi <= 100 ? 2 : aqi <= 150 ? 3 : aqi <= 200 ? 4 : aqi <= 300 ? 5 : 6;
        f.engine.derivedDay(new DerivedAirDay(city, d(n), aqi, level, provisional));
        f.engine.processPending();
    }

    private static void day(Fixtures f, int n, int aqi) {
        day(f, "石家庄", n, aqi, false);
    }

    private static Fixtures episode(String... extra) {
        List<String> base = List.of("rule.hp.type=heavy-pollution");
        return new Fixtures(Fixtures.rules(base, extra));
    }

    @Test
    void yellowAfterTwoDaysAbove200PersistsAndClosesOnAFinalDayAtOrBelow200() {
        Fixtures f = episode();
        day(f, 1, 250);
        assertThat(f.events).isEmpty();
        day(f, 2, 260);
        Alert a = f.onlyOpen("hp", "石家庄", "AQI");
        assertThat(a.subjectType()).isEqualTo(SubjectType.CITY);
        assertThat(a.severity()).isEqualTo(Severity.WARNING);
        assertThat(a.value()).isEqualTo(260);
        assertThat(a.threshold()).isEqualTo(200.0);
        assertThat(a.dataTime()).isEqualTo(Instant.parse("2026-06-25T16:00:00Z")); // day 1, 00:00 Beijing
        assertThat(a.message()).contains("heavy-pollution episode, yellow (黄色预警): 石家庄 daily AQI > 200 for 2 "
                + "day(s) 2026-06-26 to 2026-06-27, > 300 on 0");
        day(f, 3, 270);                      // 3 days but none above 300: still yellow, same alert
        day(f, "保定", 3, 280, false);       // another city: nothing yet
        assertThat(f.types()).containsExactly(Type.OPENED);
        assertThat(f.only(AlertState.OPEN).lastValue()).isEqualTo(270);
        day(f, 4, 200);                      // at 200: the episode ends
        Alert closed = f.closedAutomaticallyAfter(Type.OPENED, Type.CLOSED);
        assertThat(closed.history().get(1).note()).contains("the episode (yellow) has ended");
    }

    @Test
    void escalationClosesTheAlertAndOpensOneAtTheHigherLevel() {
        Fixtures f = episode();
        day(f, 1, 250);
        day(f, 2, 320);                      // 2 days: yellow (orange needs 3)
        day(f, 3, 280);                      // 3 days, one above 300: orange
        assertThat(f.types()).containsExactly(Type.OPENED, Type.CLOSED, Type.OPENED);
        Alert orange = f.only(AlertState.OPEN);
        assertThat(orange.severity()).isEqualTo(Severity.MAJOR);
        assertThat(orange.message()).contains("orange (橙色预警)", "for 3 day(s)", "> 300 on 1");
        assertThat(orange.peakValue()).isEqualTo(320);
        assertThat(orange.lastValue()).isEqualTo(280);
        assertThat(f.only(AlertState.CLOSED).history().get(1).note()).contains("level changed from yellow to orange");
        day(f, 4, 310);                      // 4 days, two above 300: red
        Alert red = f.only(AlertState.OPEN);
        assertThat(red.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(red.message()).contains("red (红色预警)");
        day(f, 5, 330);                      // still red: no new alert
        assertThat(f.types()).containsExactly(Type.OPENED, Type.CLOSED, Type.OPENED, Type.CLOSED, Type.OPENED);
        day(f, 6, 120);
        assertThat(f.engine.list(AlertState.OPEN, 10)).isEmpty();
        assertThat(f.engine.list(AlertState.CLOSED, 10)).extracting(Alert::severity)
                .containsExactlyInAnyOrder(Severity.WARNING, Severity.MAJOR, Severity.CRITICAL);
    }

    @Test
    void oneDayAt500IsRed() {
        Fixtures f = episode();
        day(f, 3, 500);
        assertThat(f.only(AlertState.OPEN).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.only(AlertState.OPEN).message()).contains("red", "for 1 day(s)");
    }

    @Test
    void lateAndResentDaysAreRecomputed() {
        Fixtures f = episode();
        day(f, 3, 250);
        day(f, 1, 260);                      // day 2 missing: the run is day 3 alone
        assertThat(f.events).isEmpty();
        day(f, 2, 240);                      // the gap filled: 3 days
        assertThat(f.only(AlertState.OPEN).message()).contains("yellow", "for 3 day(s) 2026-06-26 to 2026-06-28");
        day(f, 2, 190);                      // day 2 re-sent lower: the run is day 3 alone again
        assertThat(f.types()).containsExactly(Type.OPENED, Type.CLOSED);
        day(f, 2, 330);                      // and higher: orange
        assertThat(f.only(AlertState.OPEN).severity()).isEqualTo(Severity.MAJOR);
        day(f, "石家庄", -30, 400, false);   // older than max-age (P7D): ignored
        assertThat(f.types()).containsExactly(Type.OPENED, Type.CLOSED, Type.OPENED);
    }

    @Test
    void todaysRunningValueCountsAboveTheThresholdButDoesNotEndTheEpisode() {
        Fixtures f = episode();
        day(f, 5, 250);
        day(f, "石家庄", 6, 230, true);      // today, running
        assertThat(f.only(AlertState.OPEN).severity()).isEqualTo(Severity.WARNING);
        day(f, "石家庄", 6, 150, true);      // the running value drops: today is not over
        assertThat(f.types()).containsExactly(Type.OPENED);
        day(f, 6, 150);                      // the final value ends it
        assertThat(f.types()).containsExactly(Type.OPENED, Type.CLOSED);
        Fixtures g = episode("rule.hp.provisional=false", "rule.hp.cities=石家庄");
        day(g, 5, 250);
        day(g, "石家庄", 6, 230, true);
        day(g, "保定", 5, 250, false);
        day(g, "保定", 6, 250, false);       // not a listed city
        assertThat(g.events).isEmpty();
    }

    @Test
    void acknowledgeAndManualCloseThroughTheEngineAndEscalationAfterAManualClose() {
        Fixtures f = episode();
        day(f, 1, 250);
        day(f, 2, 250);
        long id = f.only(AlertState.OPEN).id();
        f.engine.acknowledge(id, "wu.hao", "emergency plan level III started");
        day(f, 3, 260);                      // still yellow: the same alert
        assertThat(f.engine.list(null, 10)).hasSize(1);
        assertThat(f.only(AlertState.ACKNOWLEDGED).lastValue()).isEqualTo(260);
        f.engine.close(id, "wu.hao", "handled under the city plan");
        day(f, 4, 270);                      // still yellow: not reopened
        assertThat(f.engine.list(AlertState.OPEN, 10)).isEmpty();
        day(f, 5, 350);                      // 5 days, one above 300: orange is new
        assertThat(f.only(AlertState.OPEN).severity()).isEqualTo(Severity.MAJOR);
        assertThat(f.types()).containsExactly(Type.OPENED, Type.ACKNOWLEDGED, Type.CLOSED, Type.OPENED);
    }

    @Test
    void theShippedRuleAndTheEngineInput() {
        Fixtures f = new Fixtures(RuleLoader.defaults());
        day(f, 1, 320);
        day(f, 2, 330);
        day(f, 3, 340);
        Alert a = f.only(AlertState.OPEN);
        assertThat(a.ruleId()).isEqualTo("heavy-pollution");
        assertThat(a.severity()).isEqualTo(Severity.MAJOR);  // orange: red needs 4 days
    }

    @Test
    void aRestoredEpisodePersistsEscalatesAcrossRestartsAndClosesOnAFinalDayAtOrBelow200() {
        Fixtures f = episode();
        day(f, 1, 250);
        day(f, 2, 260);                      // yellow
        Alert yellow = f.only(AlertState.OPEN);

        Fixtures g = f.restart(Fixtures.rules("rule.hp.type=heavy-pollution"));
        day(g, 3, 270);                      // 3 days, none above 300: still yellow, the same alert
        assertThat(g.events).isEmpty();
        assertThat(g.engine.list(null, 10)).hasSize(1);
        assertThat(g.only(AlertState.OPEN).id()).isEqualTo(yellow.id());
        assertThat(g.only(AlertState.OPEN).lastValue()).isEqualTo(270);
        day(g, 4, 310);                      // 4 days (2 rebuilt), one above 300: orange
        assertThat(g.types()).containsExactly(Type.CLOSED, Type.OPENED);
        assertThat(g.only(AlertState.CLOSED).history().get(1).note()).contains("level changed from yellow to orange");
        Alert orange = g.only(AlertState.OPEN);
        assertThat(orange.severity()).isEqualTo(Severity.MAJOR);
        assertThat(orange.dataTime()).isEqualTo(yellow.dataTime());
        assertThat(orange.message()).contains("for 4 day(s) 2026-06-26 to 2026-06-29, > 300 on 1");

        Fixtures g2 = g.restart(Fixtures.rules("rule.hp.type=heavy-pollution"));
        day(g2, 5, 320);                     // the rebuilt day above 300 counts: 5 days, 2 above 300: red
        assertThat(g2.types()).containsExactly(Type.CLOSED, Type.OPENED);
        Alert red = g2.engine.list(AlertState.OPEN, 10).get(0);
        assertThat(red.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(red.message()).contains("red (红色预警)", "for 5 day(s)", "> 300 on 2");

        Fixtures g3 = g2.restart(Fixtures.rules("rule.hp.type=heavy-pollution"));
        day(g3, "石家庄", 6, 150, true);     // today's running value at or below 200: neither ends nor extends
        assertThat(g3.events).isEmpty();
        assertThat(g3.engine.find(red.id()).orElseThrow().state()).isEqualTo(AlertState.OPEN);
        day(g3, 6, 150);                     // final: the episode has ended
        assertThat(g3.types()).containsExactly(Type.CLOSED);
        Alert closed = g3.engine.find(red.id()).orElseThrow();
        assertThat(closed.closedBy()).isEqualTo(Alert.SYSTEM);
        assertThat(closed.history().get(1).note()).contains("the episode (red) has ended");
        assertThat(g3.engine.list(AlertState.OPEN, 10)).isEmpty();
    }

    @Test
    void daysTheEngineDidNotSeeDuringARestartDoNotBreakTheRestoredRun() {
        Fixtures f = episode();
        day(f, 1, 250);
        day(f, 2, 260);                      // yellow
        long id = f.only(AlertState.OPEN).id();
        Fixtures g = f.restart(Fixtures.rules("rule.hp.type=heavy-pollution"));
        day(g, 5, 240);                      // days 3 and 4 not seen: the run goes on
        assertThat(g.events).isEmpty();
        assertThat(g.engine.find(id).orElseThrow().lastValue()).isEqualTo(240);
        day(g, 6, 200);
        assertThat(g.types()).containsExactly(Type.CLOSED);
        assertThat(g.engine.find(id).orElseThrow().state()).isEqualTo(AlertState.CLOSED);
    }
}
