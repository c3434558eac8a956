package org.envmon.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.envmon.standards.air.AqiResult;
import org.envmon.standards.air.FastAqi;
import org.junit.jupiter.api.Test;

/** Hours after the last data (or not yet happened) carry no O3 8-h or 24-h moving value, station or city. */
class MovingMeansAfterLastDataTest {
    static final HourGrid DAY = HourGrid.of(LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 28));
    static final int LAST = 17; // data for hours 0 … 17, nothing after (as at 18:00 on a live day)

    static StationHourSeries station(String code) {
        StationHourSeries.Builder b = StationHourSeries.builder(code, "模拟市", false, DAY);
        for (int i = 0; i <= LAST; i++) {
            for (int p = 0; p < AirPollutants.COUNT; p++) {
                b.put(p, i, p == AirPollutants.CO ? 800 : 40_000 + 1_000 * i);
            }
        }
        return b.build();
    }

    @Test
    void noMovingMeanAfterTheLastHourWithData() {
        StationHourSeries s = station("SIM0001");
        check(s);
        check(AirEvaluator.cityMean("模拟市", List.of(s, station("SIM0002"))));
    }

    private static void check(StationHourSeries s) {
        StationHourly h = AirEvaluator.hourly(s);
        assertThat(h.o3EightHour(LAST)).isPositive();
        assertThat(h.movingMean24h(AirPollutants.PM25, LAST)).isEqualTo(FastAqi.MISSING); // 18 of 24 hours
        for (int i = LAST + 1; i < DAY.hours(); i++) {
            // hours 18 and 19 still have ≥ 6 of 8 valid O3 hours in their window: no value all the same
            assertThat(h.o3EightHour(i)).as("hour %d", i).isEqualTo(FastAqi.MISSING);
            for (int p = 0; p < AirPollutants.O3; p++) {
                assertThat(h.movingMean24h(p, i)).isEqualTo(FastAqi.MISSING);
            }
            assertThat(h.aqi(i)).isEqualTo(-1);
            AqiResult r = AirEvaluator.hourlyReport(s, h, i);
            assertThat(r.subIndices()).as("hour %d", i).isEmpty();
            assertThat(r.aqi()).isEmpty();
        }
    }

    @Test
    void aGapInsideTheDataHasNoMovingMeanEitherAndIncrementalEqualsFull() {
        StationHourSeries s = station("SIM0001").with(AirPollutants.SO2, 10, FastAqi.MISSING);
        for (int p = 0; p < AirPollutants.COUNT; p++) {
            s = s.with(p, 12, FastAqi.MISSING);
        }
        StationHourly full = AirEvaluator.hourly(s);
        assertThat(full.o3EightHour(10)).isPositive(); // other pollutants measured at 10:00
        assertThat(full.o3EightHour(12)).isEqualTo(FastAqi.MISSING);
        assertThat(full.o3EightHour(13)).isPositive();
        StationHourly part = new StationHourly(s.code(), s.kind(), s.grid());
        AirEvaluator.hourly(s, 0, 12, part);
        AirEvaluator.hourly(s, 12, DAY.hours(), part);
        for (int i = 0; i < DAY.hours(); i++) {
            assertThat(part.o3EightHour(i)).isEqualTo(full.o3EightHour(i));
        }
    }
}
