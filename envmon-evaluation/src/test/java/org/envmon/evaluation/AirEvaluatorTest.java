package org.envmon.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.envmon.standards.air.AirEdition;
import org.envmon.standards.air.AirQualityEvaluation;
import org.envmon.standards.air.AirQualityEvaluation.PeriodEvaluation;
import org.envmon.standards.air.AirQualityEvaluation.PeriodStatistic;
import org.envmon.standards.air.AirQualityIndex;
import org.envmon.standards.air.AqiResult;
import org.envmon.standards.air.FastAqi;
import org.envmon.standards.air.Gb3095Stage;
import org.envmon.standards.air.Pollutant;
import org.envmon.store.Interval;
import org.envmon.store.Medium;
import org.envmon.store.Observation;
import org.envmon.store.Site;
import org.envmon.store.Statistic;
import org.junit.jupiter.api.Test;

/** Derived air values against the standards library on the same inputs. */
class AirEvaluatorTest {

    static final HourGrid GRID = HourGrid.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 20));

    private static BigDecimal dec(long m) {
        return m < 0 ? null : BigDecimal.valueOf(m, 3);
    }

    private static long milli(Optional<BigDecimal> v) {
        return v.map(FastAqi::toMilli).orElse(FastAqi.MISSING);
    }

    private static List<BigDecimal> hours(StationHourSeries s, int p, int from, int n) {
        List<BigDecimal> l = new ArrayList<>(n);
        for (int i = from; i < from + n; i++) {
            l.add(i < 0 ? null : dec(s.value(p, i)));
        }
        return l;
    }

    @Test
    void stationHourlyEqualsReference() {
        StationHourSeries s = Synthetic.station("1001A", "北京", false, GRID, 11, 0.08);
        StationHourly h = AirEvaluator.hourly(s);
        for (int i = 0; i < GRID.hours(); i++) {
            AqiResult ref = AirEvaluator.hourlyReport(s, h, i);
            assertThat(h.aqi(i)).isEqualTo(ref.aqi().orElse(-1));
            assertThat(h.level(i)).isEqualTo(ref.level());
            assertThat(h.primary(i)).containsExactlyElementsOf(
                    ref.primaryKeys().stream().map(k -> ref.subIndices().get(k).pollutant()).toList());
            assertThat(h.edition(i)).isEqualTo(AirEdition.E2012);
            // also equals the standards library's fast path on the same six values
            assertThat(h.aqi(i)).isEqualTo(FastAqi.of(AirEdition.E2012).hourly(s.value(0, i), s.value(1, i),
                    s.value(2, i), s.value(3, i), s.value(4, i), s.value(5, i), h.movingMean24h(0, i)));
            // O3 8-h moving mean = HJ 663 8-h mean (≥ 6 of 8) of hours i-7..i, reported
            if (i >= 7) {
                Optional<BigDecimal> m8 = AirQualityEvaluation.eightHourMean(hours(s, AirPollutants.O3, i - 7, 8));
                assertThat(h.o3EightHour(i)).isEqualTo(
                        milli(m8.map(x -> AirQualityEvaluation.report(Pollutant.O3, x))));
            }
            if (i >= 23) {
                Optional<BigDecimal> m24 = AirQualityEvaluation.dailyMean(hours(s, AirPollutants.PM25, i - 23, 24));
                assertThat(h.movingMean24h(AirPollutants.PM25, i)).isEqualTo(
                        milli(m24.map(x -> AirQualityEvaluation.report(Pollutant.PM25, x))));
            }
        }
    }

    @Test
    void stationDailyEqualsReference() {
        StationHourSeries s = Synthetic.station("1001A", "北京", false, GRID, 12, 0.12);
        StationDaily d = AirEvaluator.daily(s);
        int validAqi = 0;
        for (int k = 0; k < GRID.days(); k++) {
            for (int p = 0; p < AirPollutants.O3; p++) {
                Optional<BigDecimal> m = AirQualityEvaluation.dailyMean(hours(s, p, 24 * k, 24));
                Pollutant pol = AirPollutants.POLLUTANTS.get(p);
                assertThat(d.value(p, k)).isEqualTo(milli(m.map(x -> AirQualityEvaluation.report(pol, x))));
            }
            AirQualityEvaluation.O3Max8h o3 = AirQualityEvaluation.o3DailyMax8h(hours(s, AirPollutants.O3, 24 * k, 24),
                    BigDecimal.valueOf(160));
            assertThat(d.o3ValidWindows(k)).isEqualTo(o3.validWindows());
            assertThat(d.value(StationDaily.O3_MAX_8H, k)).isEqualTo(o3.valid()
                    ? FastAqi.toMilli(AirQualityEvaluation.report(Pollutant.O3, o3.value().get())) : FastAqi.MISSING);
            Optional<BigDecimal> o31 = AirQualityEvaluation.o3DailyMax1h(hours(s, AirPollutants.O3, 24 * k, 24),
                    BigDecimal.valueOf(200));
            assertThat(d.value(StationDaily.O3_MAX_1H, k)).isEqualTo(
                    milli(o31.map(x -> AirQualityEvaluation.report(Pollutant.O3, x))));
            // station daily AQI = AirQualityIndex.daily on the daily values
            AqiResult ref = AirQualityIndex.daily(AirEdition.E2012, new AirQualityIndex.DailyInput(
                    d.decimal(0, k).orElse(null), d.decimal(1, k).orElse(null), d.decimal(2, k).orElse(null),
                    d.decimal(3, k).orElse(null), d.decimal(4, k).orElse(null),
                    d.decimal(StationDaily.O3_MAX_1H, k).orElse(null), d.decimal(StationDaily.O3_MAX_8H, k).orElse(null)));
            assertThat(d.aqi(k)).isEqualTo(ref.aqi().orElse(-1));
            assertThat(AirEvaluator.dailyReport(d, k).aqi()).isEqualTo(ref.aqi());
            assertThat(d.primary(k)).containsExactlyElementsOf(
                    ref.primaryKeys().stream().map(x -> ref.subIndices().get(x).pollutant()).toList());
            if (d.aqi(k) >= 0) {
                validAqi++;
            }
        }
        assertThat(validAqi).isGreaterThan(GRID.days() / 2);
    }

    @Test
    void editionFollowsTheHourAndTheDay() {
        HourGrid g = HourGrid.of(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 1));
        StationHourSeries.Builder b = StationHourSeries.builder("1001A", "北京", false, g);
        for (int i = 0; i < g.hours(); i++) {
            b.put(AirPollutants.PM25, i, 70_000); // 2012: IAQI 94 (good); 2026: IAQI 110 (light)
        }
        StationHourSeries s = b.build();
        StationHourly h = AirEvaluator.hourly(s);
        // stored 2026-02-28 23:00 = label 2026-03-01 00:00: still 2012
        int last2012 = 23;
        assertThat(g.endLabel(last2012)).isEqualTo(LocalDateTime.of(2026, 3, 1, 0, 0));
        assertThat(h.edition(last2012)).isEqualTo(AirEdition.E2012);
        assertThat(h.aqi(last2012)).isEqualTo(94);
        assertThat(h.edition(24)).isEqualTo(AirEdition.E2026);
        assertThat(h.aqi(24)).isEqualTo(110);
        StationDaily d = AirEvaluator.daily(s);
        assertThat(d.edition(0)).isEqualTo(AirEdition.E2012);
        assertThat(d.aqi(0)).isEqualTo(94);
        assertThat(d.edition(1)).isEqualTo(AirEdition.E2026);
        assertThat(d.aqi(1)).isEqualTo(110);
    }

    @Test
    void seriesFromObservationsUsesOnlyValidHourlyValues() {
        HourGrid g = HourGrid.of(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 1));
        Site site = new Site("1001A", "万寿西宫", Medium.AIR, "MN1", null, "北京市", "北京", null, null, null, null,
                false);
        Instant t0 = Instant.parse("2025-05-31T16:00:00Z"); // 2025-06-01 00:00 Beijing
        List<Observation> obs = List.of(
                new Observation("1001A", "a34004", Interval.HOUR, Statistic.VALUE, t0, 40.0, "N", t0, 1),
                new Observation("1001A", "a34004", Interval.HOUR, Statistic.VALUE, t0.plusSeconds(3600), 50.0, "N",
                        t0, 1, false, "RANGE", null),
                new Observation("1001A", "a34004", Interval.HOUR, Statistic.VALUE, t0.plusSeconds(7200), 60.0, "N",
                        t0, 1, false, "RANGE", true),
                new Observation("1001A", "a34004", Interval.HOUR, Statistic.VALUE, t0.plusSeconds(10800), 70.0,
                        "N", t0, 1, true, null, false),
                new Observation("1001A", "a34004", Interval.HOUR, Statistic.MAX, t0.plusSeconds(14400), 80.0, "N",
                        t0, 1),
                new Observation("1001A", "a34004", Interval.MINUTE, Statistic.VALUE, t0.plusSeconds(18000), 90.0,
                        "N", t0, 1),
                new Observation("1001A", "a01001", Interval.HOUR, Statistic.VALUE, t0, 20.0, "N", t0, 1),
                new Observation("1001A", "a21005", Interval.HOUR, Statistic.VALUE, t0, 0.7, "N", t0, 1));
        StationHourSeries s = StationHourSeries.of(site, g, obs);
        assertThat(s.value(AirPollutants.PM25, 0)).isEqualTo(40_000);
        assertThat(s.value(AirPollutants.PM25, 1)).isEqualTo(FastAqi.MISSING); // QC invalid
        assertThat(s.value(AirPollutants.PM25, 2)).isEqualTo(60_000);          // reviewed valid
        assertThat(s.value(AirPollutants.PM25, 3)).isEqualTo(FastAqi.MISSING); // reviewed invalid
        assertThat(s.value(AirPollutants.PM25, 4)).isEqualTo(FastAqi.MISSING); // a Max, not the value
        assertThat(s.value(AirPollutants.PM25, 5)).isEqualTo(FastAqi.MISSING); // minute value
        assertThat(s.value(AirPollutants.CO, 0)).isEqualTo(700);
        assertThat(s.validHours(AirPollutants.PM25)).isEqualTo(2);
    }

    @Test
    void cityAqiIsFromMeanConcentrationsNotMeanOfStationAqis() {
        HourGrid g = HourGrid.of(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 1));
        // A: PM2.5 10 (IAQI 15), O3 300 (IAQI 150) -> AQI 150, O3; B: PM2.5 250 (IAQI 300), O3 10 -> AQI 300, PM2.5
        StationHourSeries a = StationHourSeries.builder("A", "X", false, g).put(AirPollutants.PM25, 0, 10_000)
                .put(AirPollutants.O3, 0, 300_000).build();
        StationHourSeries b = StationHourSeries.builder("B", "X", false, g).put(AirPollutants.PM25, 0, 250_000)
                .put(AirPollutants.O3, 0, 10_000).build();
        // a control site (excluded) and a station of another city (excluded)
        StationHourSeries c = StationHourSeries.builder("C", "X", true, g).put(AirPollutants.PM25, 0, 500_000)
                .build();
        StationHourSeries other = StationHourSeries.builder("D", "Y", false, g).put(AirPollutants.PM25, 0, 1_000)
                .build();
        StationHourly ha = AirEvaluator.hourly(a);
        StationHourly hb = AirEvaluator.hourly(b);
        assertThat(ha.aqi(0)).isEqualTo(150);
        assertThat(hb.aqi(0)).isEqualTo(300);
        StationHourSeries city = AirEvaluator.cityMean("X", List.of(a, b, c, other));
        assertThat(city.kind()).isEqualTo(StationHourSeries.Kind.CITY);
        assertThat(city.value(AirPollutants.PM25, 0)).isEqualTo(130_000);
        assertThat(city.value(AirPollutants.O3, 0)).isEqualTo(155_000);
        assertThat(city.stationCount(AirPollutants.PM25, 0)).isEqualTo(2);
        StationHourly hc = AirEvaluator.hourly(city);
        // PM2.5 130: 150 + (130-115)·50/35 = 171.43 -> 171 (a city rounds half up; a station would carry up to
        // 172); O3 155 -> 49; mean of station AQIs would be 225
        assertThat(hc.aqi(0)).isEqualTo(171);
        assertThat(hc.primary(0)).containsExactly(Pollutant.PM25);
        assertThat((ha.aqi(0) + hb.aqi(0)) / 2).isEqualTo(225).isNotEqualTo(hc.aqi(0));
        assertThat(AirEvaluator.hourlyReport(city, hc, 0).aqi().getAsInt()).isEqualTo(171);
    }

    @Test
    void cityMeanIsRoundedBeforeScoringAndQuorumApplies() {
        HourGrid g = HourGrid.of(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 1));
        // 75 and 76 -> mean 75.5 -> reported 76 (half up) -> 2012 city IAQI of 76 = 101.25 -> 101 (half up)
        StationHourSeries a = StationHourSeries.builder("A", "X", false, g).put(AirPollutants.PM25, 0, 75_000).build();
        StationHourSeries b = StationHourSeries.builder("B", "X", false, g).put(AirPollutants.PM25, 0, 76_000).build();
        StationHourSeries city = AirEvaluator.cityMean("X", List.of(a, b));
        assertThat(city.value(AirPollutants.PM25, 0)).isEqualTo(75_500);
        assertThat(city.reportedValue(AirPollutants.PM25, 0)).isEqualTo(76_000);
        assertThat(AirEvaluator.hourly(city).aqi(0)).isEqualTo(101);
        // a station at 76 carries up: 102
        assertThat(AirEvaluator.hourly(b).aqi(0)).isEqualTo(102);
        StationHourSeries strict = AirEvaluator.cityMean("X", List.of(a, StationHourSeries.builder("B", "X", false, g)
                .build()), 2);
        assertThat(strict.value(AirPollutants.PM25, 0)).isEqualTo(FastAqi.MISSING);
    }

    @Test
    void cityDailyFromCityHoursVersusFromStationDays() {
        HourGrid g = HourGrid.of(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 1));
        // A: 24 h of 100; B: only 20 h of 20 (hours 0-19). City hourly means: 60 for 20 h, 100 for 4 h -> 66.67 -> 67.
        // Mean of station days: (100 + 20) / 2 = 60. The two orders differ when stations miss different hours.
        StationHourSeries.Builder ba = StationHourSeries.builder("A", "X", false, g);
        StationHourSeries.Builder bb = StationHourSeries.builder("B", "X", false, g);
        for (int i = 0; i < 24; i++) {
            ba.put(AirPollutants.PM10, i, 100_000);
            if (i < 20) {
                bb.put(AirPollutants.PM10, i, 20_000);
            }
        }
        StationHourSeries a = ba.build();
        StationHourSeries b = bb.build();
        StationDaily fromHours = AirEvaluator.daily(AirEvaluator.cityMean("X", List.of(a, b)));
        StationDaily fromDays = AirEvaluator.cityDailyFromStationDays("X",
                List.of(AirEvaluator.daily(a), AirEvaluator.daily(b)), 1);
        assertThat(fromHours.value(AirPollutants.PM10, 0)).isEqualTo(67_000);
        assertThat(fromDays.value(AirPollutants.PM10, 0)).isEqualTo(60_000);
        assertThat(fromHours.aqi(0)).isEqualTo(59);
        assertThat(fromDays.aqi(0)).isEqualTo(55);
    }

    @Test
    void periodEvaluationEqualsReference() {
        HourGrid year = HourGrid.ofYear(2025);
        StationHourSeries s = Synthetic.station("1001A", "北京", false, year, 5, 0.03);
        StationDaily d = AirEvaluator.daily(s);
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2025, 12, 31);
        PeriodEvaluation fast = AirEvaluator.period(d, from, to);
        PeriodEvaluation ref = AirQualityEvaluation.evaluate(AirEdition.E2012, Gb3095Stage.GB3095_2012,
                d.dailyValues(from, to), AirQualityEvaluation.ExceptionalEvents.INCLUDE);
        assertThat(fast.edition()).isEqualTo(AirEdition.E2012);
        assertThat(fast.goodDays()).isEqualTo(ref.goodDays());
        assertThat(fast.heavyDays()).isEqualTo(ref.heavyDays());
        assertThat(fast.aqiValidDays()).isEqualTo(ref.aqiValidDays());
        assertThat(fast.composite().total()).isEqualTo(ref.composite().total());
        for (int i = 0; i < ref.statistics().size(); i++) {
            PeriodStatistic a = fast.statistics().get(i);
            PeriodStatistic b = ref.statistics().get(i);
            assertThat(a.value().map(BigDecimal::stripTrailingZeros)).isEqualTo(
                    b.value().map(BigDecimal::stripTrailingZeros));
            assertThat(a.complete()).isEqualTo(b.complete());
        }
        // good days = daily AQI <= 100 over days whose AQI counts (all indicators present here or AQI > 100)
        int good = 0;
        for (int k = 0; k < d.days(); k++) {
            if (d.aqi(k) >= 0 && d.aqi(k) <= 100 && AirEvaluator.dailyReport(d, k).missing().stream()
                    .noneMatch(x -> !x.equals("o3_1h"))) {
                good++;
            }
        }
        assertThat(fast.goodDays()).isEqualTo(good);
    }

    @Test
    void incrementalRangeEqualsFullRecompute() {
        StationHourSeries s = Synthetic.station("1001A", "北京", false, GRID, 3, 0.05);
        StationHourly full = AirEvaluator.hourly(s);
        StationHourly part = new StationHourly(s.code(), s.kind(), s.grid());
        AirEvaluator.hourly(s, 0, 100, part);
        AirEvaluator.hourly(s, 100, 101, part);
        AirEvaluator.hourly(s, 101, GRID.hours(), part);
        for (int i = 0; i < GRID.hours(); i++) {
            assertThat(part.aqi(i)).isEqualTo(full.aqi(i));
            assertThat(part.o3EightHour(i)).isEqualTo(full.o3EightHour(i));
            assertThat(part.movingMean24h(AirPollutants.CO, i)).isEqualTo(full.movingMean24h(AirPollutants.CO, i));
        }
    }
}
