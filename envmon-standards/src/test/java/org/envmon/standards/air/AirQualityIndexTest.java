package org.envmon.standards.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AirQualityIndexTest {

    static BigDecimal d(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    static AqiResult hour(AirEdition e, String so2, String no2, String pm10, String pm25, String co, String o3) {
        return AirQualityIndex.hourly(e, AirQualityIndex.HourlyInput.of(d(so2), d(no2), d(pm10), d(pm25), d(co), d(o3)));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
        // digest §1A.2: CO 24-h 2.2 gives exactly 55 (double would give 56)
        "2012, CO_24H, 2.2, 55",
        "2026, CO_24H, 2.2, 55",
        // digest §1A.2: PM2.5 75.4 gives 101 raw under 2012 (scored as given)
        "2012, PM25_24H, 75.4, 101",
        "2012, PM25_24H, 75, 100",
        "2026, PM25_24H, 60, 100",
        "2026, PM25_24H, 61, 101",
        "2026, PM25_24H, 75, 114",
        "2012, PM25_24H, 61, 83",
        "2026, PM10_24H, 121, 101",
        "2026, PM10_24H, 150, 112",
        "2012, PM10_24H, 121, 86",
        "2012, PM25_24H, 501, 500",
        "2012, PM25_24H, 9999, 500",
        "2026, NO2_1H, 3841, 500",
        "2012, SO2_1H, 800, 200",
        "2012, O3_8H, 800, 300",
        "2012, PM25_24H, 0, 0",
    })
    void iaqiExamples(String edition, AqiIndicator row, String c, int expected) {
        assertThat(AirQualityIndex.iaqi(AirEdition.parse(edition), row, d(c))).isEqualTo(expected);
    }

    @Test
    void edition2026RoundsConcentrationsHalfEvenBeforeScoring() {
        // HJ 633-2026 §4.2.2: PM2.5 60.5 -> 60 -> IAQI 100; 61.5 -> 62 -> 102 (digest §1B.2)
        assertThat(hour(AirEdition.E2026, null, null, null, "60.5", null, null).aqi()).hasValue(100);
        assertThat(hour(AirEdition.E2026, null, null, null, "61.5", null, null).aqi()).hasValue(102);
        assertThat(hour(AirEdition.E2012, null, null, null, "60.5", null, null).aqi()).hasValue(82); // 50 + 50*25.5/40 = 81.9
        // CO to 1 decimal: 5.05 -> 5.0 (even) -> 50; 5.15 -> 5.2 -> 52
        assertThat(hour(AirEdition.E2026, null, null, null, null, "5.05", null).aqi()).hasValue(50);
        assertThat(hour(AirEdition.E2026, null, null, null, null, "5.15", null).aqi()).hasValue(52);
        assertThat(hour(AirEdition.E2012, null, null, null, null, "5.05", null).aqi()).hasValue(51);
    }

    @Test
    void so2Above800() {
        // 2012: the 24-h (moving) mean IAQI is used (Table 1 note 2)
        AqiResult r12 = AirQualityIndex.hourly(AirEdition.E2012,
                new AirQualityIndex.HourlyInput(d("900"), d("10"), null, null, null, null, null, d("475")));
        assertThat(r12.aqi()).hasValue(150);
        assertThat(r12.subIndices().get("so2").indicator()).isEqualTo(AqiIndicator.SO2_24H);
        assertThat(r12.primaryKeys()).containsExactly("so2");
        assertThat(r12.exceeding()).containsExactly(Pollutant.SO2);
        // 2012 without a 24-h mean: SO2 not computable
        AqiResult r12m = hour(AirEdition.E2012, "900", "10", null, null, null, null);
        assertThat(r12m.aqi()).hasValue(5); // NO2 1-h 10 -> 5
        assertThat(r12m.missing()).contains("so2");
        // 2026: IAQI 200 (Table 3 note b)
        assertThat(hour(AirEdition.E2026, "900", "10", null, null, null, null).aqi()).hasValue(200);
        // 2026: 800.4 rounds to 800 first -> 200 by the table
        assertThat(hour(AirEdition.E2026, "800.4", null, null, null, null, null).aqi()).hasValue(200);
    }

    @Test
    void o3EightHourAbove800() {
        // daily 2012: no 8-h IAQI, O3 reported by the 1-h IAQI (note 3)
        AqiResult d12 = AirQualityIndex.daily(AirEdition.E2012,
                new AirQualityIndex.DailyInput(null, null, null, null, null, d("1000"), d("850")));
        assertThat(d12.iaqi("o3_8h")).isEmpty();
        assertThat(d12.aqi()).hasValue(400);
        assertThat(d12.primaryKeys()).containsExactly("o3_1h");
        // daily 2026: 300 (note c); o3_1h is not a 2026 daily indicator
        AqiResult d26 = AirQualityIndex.daily(AirEdition.E2026,
                new AirQualityIndex.DailyInput(null, null, null, null, null, d("1000"), d("850")));
        assertThat(d26.iaqi("o3_8h")).hasValue(300);
        assertThat(d26.iaqi("o3_1h")).isEmpty();
        assertThat(d26.aqi()).hasValue(300);
    }

    @Test
    void hourlyO3EightHourIsInformationalOnly() {
        AqiResult r = AirQualityIndex.hourly(AirEdition.E2012,
                new AirQualityIndex.HourlyInput(null, null, null, null, null, d("100"), d("200"), null));
        assertThat(r.iaqi("o3_8h")).hasValue(137); // 100 + 50*40/55 = 136.4
        assertThat(r.aqi()).hasValue(32);
        assertThat(r.primaryKeys()).isEmpty();
    }

    @Test
    void primaryPollutantsOnlyAbove50AndTiesAllListed() {
        // PM10 50 and PM2.5 35 both give 50: AQI 50, no primary pollutant
        assertThat(hour(AirEdition.E2012, null, null, "50", "35", null, null).primaryKeys()).isEmpty();
        // PM10 150 and PM2.5 75 both give 100 under 2012: both primary
        AqiResult tie = hour(AirEdition.E2012, "5", null, "150", "75", null, null);
        assertThat(tie.aqi()).hasValue(100);
        assertThat(tie.primaryKeys()).containsExactly("pm10", "pm25");
        assertThat(tie.exceeding()).isEmpty();
        // 51 -> primary
        assertThat(hour(AirEdition.E2012, null, null, "51", null, null, null).primaryKeys()).containsExactly("pm10");
    }

    @Test
    void exceedingPollutantsOnlyIn2012() {
        AqiResult r12 = hour(AirEdition.E2012, null, "250", "200", null, null, null);
        assertThat(r12.exceeding()).containsExactlyInAnyOrder(Pollutant.NO2, Pollutant.PM10);
        AqiResult r26 = hour(AirEdition.E2026, null, "250", "200", null, null, null);
        assertThat(r26.exceeding()).isEmpty();
    }

    @Test
    void daily2012HasSevenIndicatorsIncludingO3OneHourMax() {
        AqiResult d = AirQualityIndex.daily(AirEdition.E2012, new AirQualityIndex.DailyInput(
                d("10"), d("20"), d("40"), d("20"), d("0.5"), d("250"), d("150")));
        assertThat(d.aqi()).hasValue(125);
        assertThat(d.primaryKeys()).containsExactly("o3_1h");
        assertThat(d.missing()).isEmpty();
        AqiResult d26 = AirQualityIndex.daily(AirEdition.E2026, new AirQualityIndex.DailyInput(
                d("10"), d("20"), d("40"), d("20"), d("0.5"), d("250"), d("150")));
        assertThat(d26.aqi()).hasValue(92); // O3 8-h 150: 50 + 50*50/60 = 91.7
        assertThat(d26.primaryKeys()).containsExactly("o3_8h");
    }

    @Test
    void missingPollutantsAndPublication() {
        AqiResult none = hour(AirEdition.E2026, null, null, null, null, null, null);
        assertThat(none.aqi()).isEmpty();
        assertThat(none.level()).isEmpty();
        assertThat(none.publishable()).isFalse();
        // HJ 633-2026 §5.3.1: with a missing indicator, AQI <= 100 is not published, > 100 is
        AqiResult partial = hour(AirEdition.E2026, null, "20", "40", "20", "0.5", "50");
        assertThat(partial.aqi()).hasValue(40);
        assertThat(partial.missing()).containsExactly("so2");
        assertThat(partial.publishable()).isFalse();
        assertThat(hour(AirEdition.E2026, null, "20", "40", "120", "0.5", "50").publishable()).isTrue();
        assertThat(hour(AirEdition.E2012, null, "20", "40", "20", "0.5", "50").publishable()).isTrue();
    }

    @Test
    void levels() {
        assertThat(AqiLevel.of(0)).isEqualTo(AqiLevel.LEVEL_1);
        assertThat(AqiLevel.of(50)).isEqualTo(AqiLevel.LEVEL_1);
        assertThat(AqiLevel.of(51).categoryZh()).isEqualTo("良");
        assertThat(AqiLevel.of(101).categoryZh()).isEqualTo("轻度污染");
        assertThat(AqiLevel.of(151).categoryZh()).isEqualTo("中度污染");
        assertThat(AqiLevel.of(201).categoryZh()).isEqualTo("重度污染");
        assertThat(AqiLevel.of(300).number()).isEqualTo(5);
        assertThat(AqiLevel.of(301).categoryZh()).isEqualTo("严重污染");
        assertThat(AqiLevel.of(500).hex()).isEqualTo("#7E0023");
        assertThat(AqiLevel.LEVEL_5.hex()).isEqualTo("#99004C");
        assertThat(hour(AirEdition.E2012, "0", "0", "0", "0", "0", "0").level()).contains(AqiLevel.LEVEL_1);
    }

    @Test
    void negativeRejected() {
        assertThatThrownBy(() -> AirQualityIndex.iaqi(AirEdition.E2012, AqiIndicator.NO2_1H, d("-1")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
