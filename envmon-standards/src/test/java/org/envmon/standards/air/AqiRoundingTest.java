package org.envmon.standards.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envmon.standards.air.AqiResult.ReportType.DAILY;
import static org.envmon.standards.air.AqiResult.ReportType.REAL_TIME;

import java.math.BigDecimal;
import org.envmon.standards.air.AqiRounding.ConcentrationRounding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rounding per edition and scope: a station's IAQI is carried up (HJ 633-2012 §6.2, HJ 633-2026 §4.2.6); the
 * 2012 city real-time report rounds the concentration and the IAQI half up, as the national publication does.
 */
class AqiRoundingTest {

    static BigDecimal d(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    static AqiResult hour(AirEdition e, AqiScope scope, String pm10, String pm25, String co, String no2) {
        return AirQualityIndex.hourly(e, scope, AirQualityIndex.HourlyInput.of(null, d(no2), d(pm10), d(pm25), d(co),
                null));
    }

    static long milli(String s) {
        return s == null ? FastAqi.MISSING : FastAqi.toMilli(d(s));
    }

    static int fast(AirEdition e, AqiScope scope, String pm10, String pm25, String co, String no2) {
        return FastAqi.of(e, scope).hourly(FastAqi.MISSING, milli(no2), milli(pm10), milli(pm25), milli(co),
                FastAqi.MISSING, FastAqi.MISSING);
    }

    @Test
    void ruleTable() {
        for (AqiResult.ReportType t : AqiResult.ReportType.values()) {
            assertThat(AqiRounding.of(AirEdition.E2012, AqiScope.STATION, t))
                    .isEqualTo(new AqiRounding(ConcentrationRounding.AS_GIVEN, IaqiRounding.CEILING));
            for (AqiScope s : AqiScope.values()) {
                assertThat(AqiRounding.of(AirEdition.E2026, s, t))
                        .isEqualTo(new AqiRounding(ConcentrationRounding.GBT8170, IaqiRounding.CEILING));
            }
        }
        assertThat(AqiRounding.of(AirEdition.E2012, AqiScope.CITY, REAL_TIME))
                .isEqualTo(new AqiRounding(ConcentrationRounding.HALF_UP, IaqiRounding.HALF_UP));
        assertThat(AqiRounding.of(AirEdition.E2012, AqiScope.CITY, DAILY))
                .isEqualTo(new AqiRounding(ConcentrationRounding.AS_GIVEN, IaqiRounding.CEILING));
    }

    @ParameterizedTest(name = "{0} {1}: PM10 {2} PM2.5 {3} CO {4} NO2 {5} -> {6}")
    @CsvSource({
        // 2012, PM2.5 75.4: a station scores it as given, 100.5 carried up = 101 (轻度污染); a city publishes 75,
        // IAQI 100 (良)
        "2012, STATION, , 75.4, , , 101",
        "2012, CITY,    , 75.4, , , 100",
        // the concentration half up: 74.5 -> 75 (half-even would give 74 -> 98.75 -> 99)
        "2012, CITY,    , 74.5, , , 100",
        "2012, STATION, , 74.5, , , 100",
        "2012, CITY,    , 75.5, , , 101",
        // IAQI fraction below .5: 36 -> 51.25, carried up 52, half up 51
        "2012, STATION, , 36, , , 52",
        "2012, CITY,    , 36, , , 51",
        // IAQI exactly x.5 goes up either way: NO2 1-h 101 -> 50.5, 199 -> 99.5
        "2012, STATION, , , , 101, 51",
        "2012, CITY,    , , , 101, 51",
        "2012, CITY,    , , , 199, 100",
        // NO2 1-h 201 -> 100.1: a station 101 (轻度污染), a city 100 (良)
        "2012, STATION, , , , 201, 101",
        "2012, CITY,    , , , 201, 100",
        // IAQI fraction above .5: PM10 149.2 -> 149 -> 99.5 -> 100 (city); a station 99.6 -> 100
        "2012, CITY,    149.2, , , , 100",
        "2012, STATION, 149.2, , , , 100",
        "2012, STATION, 150.2, , , , 101",
        "2012, CITY,    150.2, , , , 100",
        // CO 1-h to one decimal: 5.04 -> 5.0 -> 50 (city); the station 50.4 -> 51; 5.05 -> 5.1 -> 51
        "2012, CITY,    , , 5.04, , 50",
        "2012, STATION, , , 5.04, , 51",
        "2012, CITY,    , , 5.05, , 51",
        // 2026, both scopes as the text says: GB/T 8170 half-even first, then carried up
        "2026, STATION, , 60.5, , , 100",
        "2026, CITY,    , 60.5, , , 100",
        "2026, STATION, , 61.5, , , 102",
        "2026, CITY,    , 61.5, , , 102",
        "2026, CITY,    , 36, , , 52",
        "2026, CITY,    , , 5.05, , 50",
        "2026, CITY,    , , 5.15, , 52",
    })
    void realTimeAtTheBoundaries(String edition, AqiScope scope, String pm10, String pm25, String co, String no2,
            int expected) {
        AirEdition e = AirEdition.parse(edition);
        assertThat(hour(e, scope, pm10, pm25, co, no2).aqi()).hasValue(expected);
        assertThat(fast(e, scope, pm10, pm25, co, no2)).isEqualTo(expected);
    }

    @Test
    void theCityReportShowsTheRoundedConcentrationAndTheRawIaqi() {
        SubIndex pm25 = hour(AirEdition.E2012, AqiScope.CITY, null, "75.4", null, null).subIndices().get("pm25");
        assertThat(pm25.concentration()).isEqualByComparingTo("75.4");
        assertThat(pm25.scored()).isEqualByComparingTo("75");
        assertThat(pm25.raw()).isEqualByComparingTo("100");
        assertThat(hour(AirEdition.E2012, AqiScope.CITY, null, "75.4", null, null).level())
                .contains(AqiLevel.LEVEL_2);
        assertThat(hour(AirEdition.E2012, AqiScope.STATION, null, "75.4", null, null).level())
                .contains(AqiLevel.LEVEL_3);
        // the station default of the two-argument form
        assertThat(AirQualityIndex.hourly(AirEdition.E2012, AirQualityIndex.HourlyInput.of(null, null, null,
                d("75.4"), null, null)).aqi()).hasValue(101);
    }

    @Test
    void dailyCityKeepsTheStandardsRule() {
        AirQualityIndex.DailyInput in = new AirQualityIndex.DailyInput(null, null, null, d("36"), null, null, null);
        assertThat(AirQualityIndex.daily(AirEdition.E2012, AqiScope.CITY, in).aqi()).hasValue(52);
        assertThat(AirQualityIndex.daily(AirEdition.E2012, AqiScope.STATION, in).aqi()).hasValue(52);
        assertThat(FastAqi.of(AirEdition.E2012, AqiScope.CITY).daily(FastAqi.MISSING, FastAqi.MISSING,
                FastAqi.MISSING, 36_000, FastAqi.MISSING, FastAqi.MISSING, FastAqi.MISSING)).isEqualTo(52);
    }

    @ParameterizedTest(name = "{0} mean of {1}/{2} to {3} dp -> {4}")
    @CsvSource({
        "HALF_UP, 74500, 1, 0, 75000",
        "GBT8170, 74500, 1, 0, 74000",
        "GBT8170, 75500, 1, 0, 76000",
        // three stations 40, 40, 41.5 -> 40.5 exactly; 121.499 / 3 = 40.4997 stays 40 (rounded once, from the sum)
        "HALF_UP, 121500, 3, 0, 41000",
        "HALF_UP, 121499, 3, 0, 40000",
        "GBT8170, 121499, 3, 0, 40000",
        // CO to one decimal: 3 stations, 1.549 mean 0.5163 -> 0.5; 0.15 / 1 -> 0.2 half up, 0.2 half-even
        "HALF_UP, 1549, 3, 1, 500",
        "HALF_UP, 150, 1, 1, 200",
        "GBT8170, 150, 1, 1, 200",
        "GBT8170, 250, 1, 1, 200",
        "AS_GIVEN, 1001, 2, 0, 500",
    })
    void meanRoundedOnceFromTheSum(ConcentrationRounding r, long sum, long n, int decimals, long expected) {
        assertThat(r.roundMean(sum, n, decimals)).isEqualTo(expected);
    }
}
