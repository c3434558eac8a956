package org.envmon.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.envmon.evaluation.Recompute.Affected;
import org.envmon.evaluation.Recompute.Change;
import org.envmon.evaluation.Recompute.Output;
import org.envmon.evaluation.Recompute.Scope;
import org.envmon.evaluation.Recompute.Target;
import org.envmon.model.Medium;
import org.envmon.model.Site;
import org.junit.jupiter.api.Test;

/** Recomputation after one changed hour changes exactly the outputs the seam names. */
class RecomputeTest {

    static final HourGrid GRID = HourGrid.of(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 5));
    static final Site A = air("A", false);
    static final Site B = air("B", false);
    static final Site C = air("C", true);
    static final Site W = new Site("W1", "断面", Medium.SURFACE_WATER, "MNW", null, "江苏省", "南京", null, "长江",
            null, null, false);
    static final Function<String, Site> SITES = Recompute.lookup(List.of(A, B, C, W));

    static Site air(String code, boolean control) {
        return new Site(code, code, Medium.AIR, "MN" + code, null, "P", "X", null, null, null, null, control);
    }

    /** All outputs of one state of the data. */
    static final class State {
        final Map<String, StationHourSeries> series = new HashMap<>();
        final Map<String, StationHourly> hourly = new HashMap<>();
        final Map<String, StationDaily> daily = new HashMap<>();

        State(List<StationHourSeries> stations) {
            for (StationHourSeries s : stations) {
                series.put("S:" + s.code(), s);
            }
            series.put("C:X", AirEvaluator.cityMean("X", stations));
            series.forEach((k, s) -> {
                hourly.put(k, AirEvaluator.hourly(s));
                daily.put(k, AirEvaluator.daily(s));
            });
        }
    }

    static Set<Target> diff(State a, State b) {
        Set<Target> out = new TreeSet<>();
        for (String k : a.series.keySet()) {
            Scope scope = k.startsWith("S:") ? Scope.STATION : Scope.CITY;
            String code = k.substring(2);
            StationHourly x = a.hourly.get(k);
            StationHourly y = b.hourly.get(k);
            for (int i = 0; i < GRID.hours(); i++) {
                Instant t = GRID.start(i);
                if (x.packed[i] != y.packed[i]) {
                    out.add(new Target(scope, Output.HOURLY_AQI, code, t));
                }
                if (x.o3EightHour(i) != y.o3EightHour(i)) {
                    out.add(new Target(scope, Output.O3_8H, code, t));
                }
                for (int p = 0; p < AirPollutants.O3; p++) {
                    if (x.movingMean24h(p, i) != y.movingMean24h(p, i)) {
                        out.add(new Target(scope, Output.MOVING_24H, code, t));
                    }
                }
            }
            StationDaily dx = a.daily.get(k);
            StationDaily dy = b.daily.get(k);
            for (int d = 0; d < GRID.days(); d++) {
                boolean same = dx.packed[d] == dy.packed[d] && dx.o3Windows[d] == dy.o3Windows[d];
                for (int m = 0; m < StationDaily.INDICATORS; m++) {
                    same &= dx.value(m, d) == dy.value(m, d);
                }
                for (int p = 0; p < AirPollutants.COUNT; p++) {
                    same &= dx.validHours(p, d) == dy.validHours(p, d);
                }
                if (!same) {
                    out.add(new Target(scope, Output.DAILY, code, GRID.start(24 * d)));
                }
            }
        }
        return out;
    }

    static List<StationHourSeries> stations(double gaps) {
        return new ArrayList<>(List.of(Synthetic.station("A", "X", false, GRID, 1, gaps),
                Synthetic.station("B", "X", false, GRID, 2, gaps), Synthetic.station("C", "X", true, GRID, 3, gaps)));
    }

    @Test
    void onePm25HourChangesExactlyTheNamedOutputs() {
        List<StationHourSeries> before = stations(0);
        int h = 50; // 2025-03-03 02:00-03:00 Beijing
        List<StationHourSeries> after = new ArrayList<>(before);
        after.set(0, before.get(0).with(AirPollutants.PM25, h, before.get(0).value(AirPollutants.PM25, h) + 300_000));
        Affected affected = Recompute.affected(List.of(new Change("A", "a34004", GRID.start(h))), SITES);
        Set<Target> changed = diff(new State(before), new State(after));
        assertThat(changed).isEqualTo(affected.targets());
        // spelled out: station A and city X, AQI of h, 24-h moving means of h..h+23, the day
        assertThat(affected.starts(Scope.STATION, Output.HOURLY_AQI, "A")).containsExactly(GRID.start(h));
        assertThat(affected.starts(Scope.CITY, Output.MOVING_24H, "X")).hasSize(24).first().isEqualTo(GRID.start(h));
        assertThat(affected.days(Scope.CITY, "X")).containsExactly(LocalDate.of(2025, 3, 3));
        assertThat(affected.codes(Scope.STATION)).containsExactly("A");
        assertThat(affected.starts(Scope.STATION, Output.O3_8H, "A")).isEmpty();
        assertThat(affected.inputWindow(Scope.STATION, "A").get())
                .isEqualTo(new Recompute.Window(GRID.start(h - 23), GRID.start(h + 24)));
    }

    @Test
    void oneO3HourChangesTheEightHourWindowsContainingIt() {
        List<StationHourSeries> before = stations(0);
        int h = 60;
        List<StationHourSeries> after = new ArrayList<>(before);
        after.set(1, before.get(1).with(AirPollutants.O3, h, before.get(1).value(AirPollutants.O3, h) + 500_000));
        Affected affected = Recompute.affected(List.of(new Change("B", "a05024", GRID.start(h))), SITES);
        Set<Target> changed = diff(new State(before), new State(after));
        assertThat(changed).isEqualTo(affected.targets());
        assertThat(affected.starts(Scope.STATION, Output.O3_8H, "B")).hasSize(8);
    }

    @Test
    void withGapsAndUnknownParameterTheChangesStayInsideTheNamedSet() {
        for (int seed = 0; seed < 6; seed++) {
            List<StationHourSeries> before = stations(0.15);
            int h = 7 + seed * 17;
            int p = seed % AirPollutants.COUNT;
            List<StationHourSeries> after = new ArrayList<>(before);
            StationHourSeries a = before.get(0);
            // a review invalidates a value, or late data brings one
            after.set(0, a.with(p, h, a.value(p, h) >= 0 ? -1 : 123_000));
            Affected affected = Recompute.affected(List.of(new Change("A", null, GRID.start(h))), SITES);
            State s0 = new State(before);
            State s1 = new State(after);
            assertThat(affected.targets()).containsAll(diff(s0, s1));
            // incremental: recompute only the named hours and days on the old results -> equals full recompute
            for (String code : List.of("S:A", "C:X")) {
                Scope scope = code.startsWith("S:") ? Scope.STATION : Scope.CITY;
                String c = code.substring(2);
                StationHourly inc = s0.hourly.get(code).copy();
                StationDaily incD = s0.daily.get(code).copy();
                StationHourSeries series = s1.series.get(code);
                for (Output o : List.of(Output.HOURLY_AQI, Output.O3_8H, Output.MOVING_24H)) {
                    for (Instant t : affected.starts(scope, o, c)) {
                        int i = GRID.index(t);
                        if (i >= 0) {
                            AirEvaluator.hourly(series, i, i + 1, inc);
                        }
                    }
                }
                for (LocalDate d : affected.days(scope, c)) {
                    int k = GRID.dayIndex(d);
                    AirEvaluator.daily(series, k, k + 1, incD);
                }
                State full = s1;
                for (int i = 0; i < GRID.hours(); i++) {
                    assertThat(inc.packed[i]).isEqualTo(full.hourly.get(code).packed[i]);
                    assertThat(inc.o3EightHour(i)).isEqualTo(full.hourly.get(code).o3EightHour(i));
                    assertThat(inc.movingMean24h(AirPollutants.SO2, i))
                            .isEqualTo(full.hourly.get(code).movingMean24h(AirPollutants.SO2, i));
                }
                for (int d = 0; d < GRID.days(); d++) {
                    assertThat(incD.packed[d]).isEqualTo(full.daily.get(code).packed[d]);
                    assertThat(incD.value(StationDaily.O3_MAX_8H, d))
                            .isEqualTo(full.daily.get(code).value(StationDaily.O3_MAX_8H, d));
                }
            }
        }
    }

    @Test
    void controlSiteDoesNotTouchTheCity() {
        Affected a = Recompute.affected(List.of(new Change("C", "a34002", GRID.start(40))), SITES);
        assertThat(a.codes(Scope.CITY)).isEmpty();
        assertThat(a.codes(Scope.STATION)).containsExactly("C");
        List<StationHourSeries> before = stations(0);
        List<StationHourSeries> after = new ArrayList<>(before);
        after.set(2, before.get(2).with(AirPollutants.PM10, 40, 999_000));
        assertThat(diff(new State(before), new State(after))).isEqualTo(a.targets());
    }

    @Test
    void so2ChangeIn2012ReachesTheNextDayOfHourlyAqi() {
        // 2012 SO2 > 800 scores the SO2 24-h moving mean, so the next 23 hours' AQI may change (not after 2026-03-01)
        Instant h = Instant.parse("2026-02-28T10:00:00Z"); // 18:00 Beijing, 2012 edition
        Affected a = Recompute.affected(List.of(new Change("A", "a21026", h)), SITES);
        // hours up to the one stored at 2026-02-28 23:00 Beijing (= 15:00Z) are 2012: 18:00 ... 23:00 -> 6 hours
        assertThat(a.starts(Scope.STATION, Output.HOURLY_AQI, "A")).hasSize(6);
        Affected no2 = Recompute.affected(List.of(new Change("A", "a21004", h)), SITES);
        assertThat(no2.starts(Scope.STATION, Output.HOURLY_AQI, "A")).hasSize(1);
    }

    @Test
    void waterChangeNamesTheMonthOfSectionBasinProvinceAndCity() {
        Affected a = Recompute.affected(List.of(new Change("W1", "w21003", Instant.parse("2025-03-31T17:00:00Z"))),
                SITES);
        // 2025-04-01 01:00 Beijing: April
        assertThat(a.months(Scope.WATER_SECTION, "W1")).containsExactly(java.time.YearMonth.of(2025, 4));
        assertThat(a.codes(Scope.WATER_BASIN)).containsExactly("长江");
        assertThat(a.codes(Scope.WATER_PROVINCE)).containsExactly("江苏省");
        assertThat(a.codes(Scope.WATER_CITY)).containsExactly("南京");
        assertThat(Recompute.affected(List.of(new Change("W1", "w01010", Instant.EPOCH)), SITES).isEmpty()).isTrue();
    }

    @Test
    void rankingsOfThePeriodAndOfTheNextYearAreAffected() {
        Affected a = Recompute.affected(List.of(new Change("A", "a34004", GRID.start(30))), SITES);
        assertThat(a.affectsRanking(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))).isTrue();
        assertThat(a.affectsRanking(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))).isTrue();
        assertThat(a.affectsRanking(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30))).isFalse();
        assertThat(a.affectsPeriod(Scope.CITY, "X", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31))).isTrue();
    }
}
