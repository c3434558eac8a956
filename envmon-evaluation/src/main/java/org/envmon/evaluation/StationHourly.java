package org.envmon.evaluation;

import java.time.Instant;
import java.util.Arrays;
import org.envmon.standards.air.AirEdition;
import org.envmon.standards.air.FastAqi;

/**
 * Hourly derived values of one station or city ({@link AirEvaluator#hourly}): real-time AQI with its primary
 * pollutants, the O3 8-h moving mean and the 24-h moving means of SO2, NO2, PM10, PM2.5 and CO. Index {@code i} is
 * hour {@code i} of the {@link HourGrid}; concentrations are reported values in milli units
 * ({@link FastAqi#MISSING} when not valid). The edition of each hour is {@link HourGrid#hourEdition(int)}. For the
 * full report of one hour (IAQI per pollutant, concentrations scored) use {@link AirEvaluator#hourlyReport}.
 * Mutable only through {@link AirEvaluator#hourly(StationHourSeries, int, int, StationHourly)}.
 */
public final class StationHourly extends StationAqiSeries {

    final long[] o3EightHour;
    /** [SO2, NO2, PM10, PM2.5, CO][hour]. */
    final long[][] movingDay;

    StationHourly(String code, StationHourSeries.Kind kind, HourGrid grid) {
        super(code, kind, grid, grid.hours());
        int n = grid.hours();
        o3EightHour = new long[n];
        Arrays.fill(o3EightHour, FastAqi.MISSING);
        movingDay = new long[AirPollutants.O3][n];
        for (long[] c : movingDay) {
            Arrays.fill(c, FastAqi.MISSING);
        }
    }

    private StationHourly(StationHourly o) {
        super(o);
        o3EightHour = o.o3EightHour.clone();
        movingDay = new long[o.movingDay.length][];
        for (int p = 0; p < movingDay.length; p++) {
            movingDay[p] = o.movingDay[p].clone();
        }
    }

    /** An independent copy. */
    public StationHourly copy() {
        return new StationHourly(this);
    }

    public int hours() {
        return packed.length;
    }

    public Instant start(int i) {
        return grid.start(i);
    }

    /** Edition whose rules gave hour {@code i}. */
    public AirEdition edition(int i) {
        return grid.hourEdition(i);
    }

    /** O3 8-h moving mean ending with hour {@code i} (hours i−7 … i, ≥ 6 valid), reported, milli. */
    public long o3EightHour(int i) {
        return o3EightHour[i];
    }

    /**
     * 24-h moving mean ending with hour {@code i} (hours i−23 … i, ≥ 20 valid) of pollutant {@code p} (SO2, NO2,
     * PM10, PM2.5 or CO), reported, milli.
     */
    public long movingMean24h(int p, int i) {
        if (p < 0 || p >= AirPollutants.O3) {
            throw new IllegalArgumentException("no 24-h moving mean for pollutant index " + p);
        }
        return movingDay[p][i];
    }
}
