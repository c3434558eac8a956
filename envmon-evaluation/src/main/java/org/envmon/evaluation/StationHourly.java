package org.envmon.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.envmon.standards.air.AirEdition;
import org.envmon.standards.air.AqiLevel;
import org.envmon.standards.air.FastAqi;
import org.envmon.standards.air.Pollutant;

/**
 * Hourly derived values of one station or city ({@link AirEvaluator#hourly}): real-time AQI with its primary
 * pollutants, the O3 8-h moving mean and the 24-h moving means of SO2, NO2, PM10, PM2.5 and CO. Index {@code i} is
 * hour {@code i} of the {@link HourGrid}; concentrations are reported values in milli units
 * ({@link FastAqi#MISSING} when not valid). The edition of each hour is {@link HourGrid#hourEdition(int)}. For the
 * full report of one hour (IAQI per pollutant, concentrations scored) use {@link AirEvaluator#hourlyReport}.
 * Mutable only through {@link AirEvaluator#hourly(StationHourSeries, int, int, StationHourly)}.
 */
public final class StationHourly {

    final String code;
    final StationHourSeries.Kind kind;
    final HourGrid grid;
    final int[] packed;
    final long[] o3EightHour;
    /** [SO2, NO2, PM10, PM2.5, CO][hour]. */
    final long[][] movingDay;

    StationHourly(String code, StationHourSeries.Kind kind, HourGrid grid) {
        this.code = code;
        this.kind = kind;
        this.grid = grid;
        int n = grid.hours();
        packed = new int[n];
        Arrays.fill(packed, AqiKernel.NONE);
        o3EightHour = new long[n];
        Arrays.fill(o3EightHour, FastAqi.MISSING);
        movingDay = new long[AirPollutants.O3][n];
        for (long[] c : movingDay) {
            Arrays.fill(c, FastAqi.MISSING);
        }
    }

    private StationHourly(StationHourly o) {
        code = o.code;
        kind = o.kind;
        grid = o.grid;
        packed = o.packed.clone();
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

    public String code() {
        return code;
    }

    public StationHourSeries.Kind kind() {
        return kind;
    }

    public HourGrid grid() {
        return grid;
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

    /** Real-time AQI of hour {@code i}, −1 if no pollutant was available. */
    public int aqi(int i) {
        return AqiKernel.aqi(packed[i]);
    }

    public Optional<AqiLevel> level(int i) {
        int a = aqi(i);
        return a < 0 ? Optional.empty() : Optional.of(AqiLevel.of(a));
    }

    /** Primary pollutants of hour {@code i} (AQI &gt; 50 only; ties all listed), in {@link AirPollutants} order. */
    /** Primary pollutants of hour {@code i} as a bit mask by pollutant index (0 when AQI ≤ 50 or none). */
    public int primaryMask(int i) {
        return AqiKernel.primaryMask(packed[i]);
    }

    public List<Pollutant> primary(int i) {
        return pollutants(AqiKernel.primaryMask(packed[i]));
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

    static List<Pollutant> pollutants(int mask) {
        if (mask == 0) {
            return List.of();
        }
        List<Pollutant> out = new ArrayList<>(2);
        for (int p = 0; p < AirPollutants.COUNT; p++) {
            if ((mask & (1 << p)) != 0) {
                out.add(AirPollutants.POLLUTANTS.get(p));
            }
        }
        return List.copyOf(out);
    }
}
