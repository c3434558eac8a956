package org.envmon.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.envmon.standards.air.AirEdition;
import org.junit.jupiter.api.Test;

/**
 * A city's hourly values as the national publication gives them (2012: the mean of the assessment stations rounded
 * half up from the exact sum, the IAQI rounded half up), a station's AQI carried up, 2026 as HJ 633-2026 says; the
 * city's daily AQI keeps the carry-up.
 */
class CityRoundingTest {

    /** 2026-02-28 (2012 rules) and 2026-03-01 (2026 rules). */
    static final HourGrid G = HourGrid.of(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 1));
    static final int H2012 = 10;
    static final int H2026 = 24 + 10;

    static StationHourSeries station(String code, boolean control, int p, long... values) {
        StationHourSeries.Builder b = StationHourSeries.builder(code, "X", control, G);
        for (int i = 0; i < G.hours(); i++) {
            b.put(p, i, values[i % values.length]);
        }
        return b.build();
    }

    static StationHourSeries city(int p, long... perStation) {
        List<StationHourSeries> s = new ArrayList<>();
        for (int k = 0; k < perStation.length; k++) {
            s.add(station("S" + k, false, p, perStation[k]));
        }
        s.add(station("C", true, p, 500_000)); // a control station: excluded
        return AirEvaluator.cityMean("X", s);
    }

    @Test
    void editionsSplitAtTheSwitchHour() {
        assertThat(G.hourEdition(H2012)).isEqualTo(AirEdition.E2012);
        assertThat(G.hourEdition(H2026)).isEqualTo(AirEdition.E2026);
    }

    @Test
    void concentrationHalfUpIn2012AndGbt8170In2026() {
        // 74 and 75 -> 74.5: 2012 city 75 -> IAQI 100; 2026 GB/T 8170 74 -> 100 + 50·14/55 = 112.7 -> 113
        StationHourSeries c = city(AirPollutants.PM25, 74_000, 75_000);
        assertThat(c.reportedValue(AirPollutants.PM25, H2012)).isEqualTo(75_000);
        assertThat(c.reportedValue(AirPollutants.PM25, H2026)).isEqualTo(74_000);
        StationHourly h = AirEvaluator.hourly(c);
        assertThat(h.aqi(H2012)).isEqualTo(100);
        assertThat(h.aqi(H2026)).isEqualTo(113);
        assertThat(AirEvaluator.hourlyReport(c, h, H2012).aqi()).hasValue(100);
        assertThat(AirEvaluator.hourlyReport(c, h, H2026).aqi()).hasValue(113);
    }

    @Test
    void theMeanIsRoundedOnceFromTheExactSum() {
        // CO to one decimal: (0.549 + 0.5 + 0.5) / 3 = 0.516 -> 0.5; (0.15 + 0.15) / 2 = 0.15 -> 0.2 (half up)
        StationHourSeries c = city(AirPollutants.CO, 549, 500, 500);
        assertThat(c.reportedValue(AirPollutants.CO, H2012)).isEqualTo(500);
        // 40, 40, 41.499 -> 121.499 / 3 = 40.49967: the 0.001 intermediate is 40.500, which half up would make 41;
        // rounded once from the exact sum it is 40
        StationHourSeries d = city(AirPollutants.PM10, 40_000, 40_000, 41_499);
        assertThat(d.value(AirPollutants.PM10, H2012)).isEqualTo(40_500);
        assertThat(d.reportedValue(AirPollutants.PM10, H2012)).isEqualTo(40_000);
        assertThat(d.reportedValue(AirPollutants.PM10, H2026)).isEqualTo(40_000);
        StationHourSeries e = city(AirPollutants.CO, 150, 150);
        assertThat(e.reportedValue(AirPollutants.CO, H2012)).isEqualTo(200);
    }

    @Test
    void iaqiHalfUpForTheCityCarriedUpForTheStation() {
        // NO2 1-h 201 -> 100.1: the station 101 (轻度污染), the city of one station 100 (良), 2026 101 either way
        StationHourly s = AirEvaluator.hourly(station("S0", false, AirPollutants.NO2, 201_000));
        StationHourly c = AirEvaluator.hourly(city(AirPollutants.NO2, 201_000));
        assertThat(s.aqi(H2012)).isEqualTo(101);
        assertThat(c.aqi(H2012)).isEqualTo(100);
        assertThat(c.level(H2012).orElseThrow().categoryZh()).isEqualTo("良");
        assertThat(s.aqi(H2026)).isEqualTo(101);
        assertThat(c.aqi(H2026)).isEqualTo(101);
    }

    @Test
    void cityDailyAqiIsCarriedUp() {
        // PM2.5 36 all day, one station: daily mean 36 -> 51.25 -> 52 for the station and the city alike (2012);
        // the city's hours are 51
        StationHourSeries s = station("S0", false, AirPollutants.PM25, 36_000);
        StationHourSeries c = city(AirPollutants.PM25, 36_000);
        assertThat(AirEvaluator.hourly(c).aqi(H2012)).isEqualTo(51);
        assertThat(AirEvaluator.hourly(s).aqi(H2012)).isEqualTo(52);
        assertThat(AirEvaluator.daily(c).aqi(0)).isEqualTo(52);
        assertThat(AirEvaluator.daily(s).aqi(0)).isEqualTo(52);
        assertThat(AirEvaluator.dailyReport(AirEvaluator.daily(c), 0).aqi()).hasValue(52);
    }
}
