package org.envmon.standards.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.envmon.standards.air.AirQualityEvaluation.DailyValues;
import org.envmon.standards.air.AirQualityEvaluation.ExceptionalEvents;
import org.envmon.standards.air.AirQualityEvaluation.PeriodEvaluation;
import org.envmon.standards.air.AirQualityEvaluation.PeriodStatistic;
import org.junit.jupiter.api.Test;

class AirQualityEvaluationTest {

    static BigDecimal d(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    static List<BigDecimal> ints(int... v) {
        List<BigDecimal> l = new ArrayList<>();
        for (int x : v) {
            l.add(BigDecimal.valueOf(x));
        }
        return l;
    }

    @Test
    void percentileAnnexA() {
        // k = 1 + (n-1) p%: 1..10, p90 -> k = 9.1 -> 9 + 0.1 = 9.1 (type 7)
        assertThat(AirQualityEvaluation.percentile(ints(10, 9, 8, 7, 6, 5, 4, 3, 2, 1), 90)).isEqualByComparingTo("9.1");
        assertThat(AirQualityEvaluation.percentile(ints(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 95)).isEqualByComparingTo("9.55");
        assertThat(AirQualityEvaluation.percentile(ints(42), 98)).isEqualByComparingTo("42");
        assertThat(AirQualityEvaluation.percentile(ints(10, 12), 98)).isEqualByComparingTo("11.96");
        assertThat(AirQualityEvaluation.percentile(ints(3, 1, 2), 100)).isEqualByComparingTo("3");
        assertThat(AirQualityEvaluation.percentile(ints(3, 1, 2), 0)).isEqualByComparingTo("1");
        // 365 values 1..365, p98 -> k = 1 + 364*0.98 = 357.72 -> 357.72
        List<BigDecimal> year = new ArrayList<>();
        for (int i = 1; i <= 365; i++) {
            year.add(BigDecimal.valueOf(i));
        }
        Collections.shuffle(year, new java.util.Random(1));
        assertThat(AirQualityEvaluation.percentile(year, 98)).isEqualByComparingTo("357.72");
    }

    @Property(tries = 500)
    void percentileBetweenMinAndMaxAndMonotoneInP(@ForAll @Size(min = 1, max = 400) List<@IntRange(max = 2000) Integer> v,
            @ForAll @IntRange(max = 100) int p, @ForAll @IntRange(max = 100) int q) {
        List<BigDecimal> x = v.stream().map(BigDecimal::valueOf).toList();
        BigDecimal m = AirQualityEvaluation.percentile(x, p);
        assertThat(m).isBetween(BigDecimal.valueOf(Collections.min(v)), BigDecimal.valueOf(Collections.max(v)));
        BigDecimal n = AirQualityEvaluation.percentile(x, q);
        assertThat(p <= q ? m.compareTo(n) <= 0 : m.compareTo(n) >= 0).isTrue();
    }

    @Test
    void dailyMeanNeedsTwentyHours() {
        List<BigDecimal> h = new ArrayList<>(Collections.nCopies(24, (BigDecimal) null));
        for (int i = 0; i < 19; i++) {
            h.set(i, BigDecimal.TEN);
        }
        assertThat(AirQualityEvaluation.dailyMean(h)).isEmpty();
        h.set(19, BigDecimal.valueOf(30));
        assertThat(AirQualityEvaluation.dailyMean(h)).hasValueSatisfying(m -> assertThat(m).isEqualByComparingTo("11"));
    }

    @Test
    void o3DailyMax8hUsesTheSeventeenWindowsOfTheDay() {
        List<BigDecimal> h = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            h.add(BigDecimal.valueOf(i < 16 ? 50 : 200)); // hours 16..23 high: last window k=16 = 200
        }
        var r = AirQualityEvaluation.o3DailyMax8h(h, d("160"));
        assertThat(r.validWindows()).isEqualTo(17);
        assertThat(r.valid()).isTrue();
        assertThat(r.value()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("200"));
        // 6 of 8 hours suffice for a window; blank out hours 0..9 -> windows k=0..3 have < 6 valid -> 13 left... 
        for (int i = 0; i < 10; i++) {
            h.set(i, null);
        }
        var r2 = AirQualityEvaluation.o3DailyMax8h(h, d("160"));
        // window k valid iff hours k..k+7 contain >= 6 valid, i.e. k >= 8: k = 8..16 -> 9 windows
        assertThat(r2.validWindows()).isEqualTo(9);
        assertThat(r2.valid()).isTrue(); // fewer than 14 windows but above the limit
        var r3 = AirQualityEvaluation.o3DailyMax8h(h, d("250"));
        assertThat(r3.valid()).isFalse();
    }

    @Test
    void annualCompleteness() {
        List<LocalDate> all = new ArrayList<>();
        for (LocalDate x = LocalDate.of(2019, 1, 1); x.getYear() == 2019; x = x.plusDays(1)) {
            all.add(x);
        }
        assertThat(AirQualityEvaluation.annualComplete(all)).isTrue();
        // February with 25 days still complete; 24 not
        List<LocalDate> feb25 = new ArrayList<>(all);
        feb25.removeIf(x -> x.getMonthValue() == 2 && x.getDayOfMonth() > 25);
        assertThat(AirQualityEvaluation.annualComplete(feb25)).isTrue();
        feb25.remove(LocalDate.of(2019, 2, 1));
        assertThat(AirQualityEvaluation.annualComplete(feb25)).isFalse();
        // a month with 26 days fails
        List<LocalDate> may26 = new ArrayList<>(all);
        may26.removeIf(x -> x.getMonthValue() == 5 && x.getDayOfMonth() > 26);
        assertThat(AirQualityEvaluation.annualComplete(may26)).isFalse();
    }

    @Test
    void limitsByStage() {
        assertThat(AmbientAirLimits.class2(Gb3095Stage.GB3095_2012, Pollutant.PM25, Averaging.ANNUAL)).isEqualByComparingTo("35");
        assertThat(AmbientAirLimits.class2(Gb3095Stage.GB3095_2026_TRANSITION, Pollutant.PM25, Averaging.ANNUAL)).isEqualByComparingTo("30");
        assertThat(AmbientAirLimits.class2(Gb3095Stage.GB3095_2026_FINAL, Pollutant.PM25, Averaging.DAY_24H)).isEqualByComparingTo("50");
        assertThat(AmbientAirLimits.class2(Gb3095Stage.GB3095_2026_FINAL, Pollutant.SO2, Averaging.ANNUAL)).isEqualByComparingTo("20");
        assertThat(AmbientAirLimits.class2(Gb3095Stage.GB3095_2026_FINAL, Pollutant.NO2, Averaging.DAY_24H)).isEqualByComparingTo("50");
        assertThat(AmbientAirLimits.class2(Gb3095Stage.GB3095_2026_TRANSITION, Pollutant.PM10, Averaging.DAY_24H)).isEqualByComparingTo("120");
        assertThat(AmbientAirLimits.limit(Gb3095Stage.GB3095_2012, Pollutant.CO, Averaging.ANNUAL,
                AmbientAirLimits.ZoneClass.CLASS_2)).isEmpty();
        assertThat(AmbientAirLimits.limit(Gb3095Stage.GB3095_2026_FINAL, Pollutant.PM25, Averaging.ANNUAL,
                AmbientAirLimits.ZoneClass.CLASS_1)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("10"));
        // HJ 633-2026 IAQI=100 column equals the transition Class 2 24-h limits (digest §0, §3C)
        for (AqiIndicator r : List.of(AqiIndicator.PM25_24H, AqiIndicator.PM10_24H, AqiIndicator.SO2_24H,
                AqiIndicator.NO2_24H, AqiIndicator.CO_24H)) {
            assertThat(BigDecimal.valueOf(AqiBreakpoints.of(AirEdition.E2026).concentration(r, 2)))
                    .isEqualByComparingTo(AmbientAirLimits.class2(Gb3095Stage.GB3095_2026_TRANSITION, r.pollutant(),
                            Averaging.DAY_24H));
        }
    }

    static List<DailyValues> year(int y, int pm25) {
        List<DailyValues> days = new ArrayList<>();
        int i = 0;
        for (LocalDate x = LocalDate.of(y, 1, 1); x.getYear() == y; x = x.plusDays(1), i++) {
            days.add(new DailyValues(x, d("10"), d("30"), d("60"), BigDecimal.valueOf(pm25 + i % 20), d("0.8"),
                    d("100"), null, x.getDayOfYear() <= 5));
        }
        return days;
    }

    @Test
    void annualEvaluationEditionsAndExceptionalEvents() {
        List<DailyValues> days = year(2019, 30); // PM2.5 30..49, mean 39.45...; first 5 days flagged
        PeriodEvaluation e12 = AirQualityEvaluation.evaluate(AirEdition.E2012, Gb3095Stage.GB3095_2012, days,
                ExceptionalEvents.INCLUDE);
        PeriodStatistic pm25 = e12.statistics().stream()
                .filter(s -> s.key().equals("pm25") && s.statistic().equals("annual_mean")).findFirst().orElseThrow();
        assertThat(pm25.complete()).isTrue();
        assertThat(pm25.validDays()).isEqualTo(365);
        assertThat(pm25.limitClass2()).isEqualByComparingTo("35");
        assertThat(pm25.compliantClass2()).contains(false);
        assertThat(e12.goodDaysRatio()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("100.0"));
        assertThat(e12.composite().total()).isPresent();
        PeriodEvaluation e26 = AirQualityEvaluation.evaluate(AirEdition.E2026,
                Gb3095Stage.GB3095_2026_TRANSITION, days, ExceptionalEvents.EXCLUDE_PARTICULATES);
        PeriodStatistic pm25b = e26.statistics().stream()
                .filter(s -> s.key().equals("pm25") && s.statistic().equals("annual_mean")).findFirst().orElseThrow();
        assertThat(pm25b.validDays()).isEqualTo(360);
        assertThat(pm25b.limitClass2()).isEqualByComparingTo("30");
        // 2026: PM2.5 >= 61 ... none here (max 49) -> still all good
        assertThat(e26.goodDaysRatio()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("100.0"));
        assertThat(e26.compliantClass2()).contains(false);
    }

    @Test
    void compositeIndexAndRanking() {
        Map<Pollutant, BigDecimal> c = Map.of(Pollutant.SO2, d("11"), Pollutant.NO2, d("36"), Pollutant.PM10,
                d("75"), Pollutant.PM25, d("57"), Pollutant.CO, d("1.4"), Pollutant.O3, d("164"));
        var r = CompositeIndex.compute(Gb3095Stage.GB3095_2012, c, CompositeIndex.Weights.NONE);
        // 11/60 + 36/40 + 75/70 + 57/35 + 1.4/4 + 164/160 = 5.158...
        assertThat(r.total()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("5.16"));
        assertThat(r.single().get(Pollutant.PM25)).isEqualByComparingTo("1.629");
        assertThat(r.primary()).contains(Pollutant.PM25);
        var w = CompositeIndex.compute(Gb3095Stage.GB3095_2012, c, CompositeIndex.Weights.RANKING_2018);
        // + 2*1.62857 + 1*0.9 + 1*1.025 = 10.34
        assertThat(w.total()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("10.34"));
        var ranks = CityRanking.rank(Map.of("A", d("4.10"), "B", d("3.90"), "C", d("4.10"), "D", d("5.00")));
        assertThat(ranks).extracting(CityRanking.Entry::rank).containsExactly(1, 2, 2, 4);
        assertThat(CityRanking.changeRate(d("4.40"), d("4.00"))).isEqualByComparingTo("10.0");
    }

    @Test
    void threeYearMovingEvaluation() {
        List<PeriodEvaluation> y = List.of(
                AirQualityEvaluation.evaluate(AirEdition.E2012, Gb3095Stage.GB3095_2012, year(2017, 30), ExceptionalEvents.INCLUDE),
                AirQualityEvaluation.evaluate(AirEdition.E2012, Gb3095Stage.GB3095_2012, year(2018, 20), ExceptionalEvents.INCLUDE),
                AirQualityEvaluation.evaluate(AirEdition.E2012, Gb3095Stage.GB3095_2012, year(2019, 10), ExceptionalEvents.INCLUDE));
        var s = ThreeYearEvaluation.evaluate(y).stream()
                .filter(x -> x.key().equals("pm25") && x.statistic().equals("annual_mean")).findFirst().orElseThrow();
        // yearly exact means ~39.4, ~29.4, ~19.4 -> mean ~29.4 -> 29 <= 35
        assertThat(s.value()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("29"));
        assertThat(s.compliantClass2()).contains(true);
    }
}
