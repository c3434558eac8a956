package org.envmon.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.envmon.standards.air.AqiLevel;
import org.envmon.standards.air.Pollutant;

/**
 * What the hourly and the daily results of one station or city share: the AQI with its primary pollutants per slot
 * of the {@link HourGrid} (an hour of {@link StationHourly}, a day of {@link StationDaily}).
 */
public abstract sealed class StationAqiSeries permits StationHourly, StationDaily {
    final String code;
    final StationHourSeries.Kind kind;
    final HourGrid grid;
    /** Per slot the AQI and the primary-pollutant mask ({@link AqiKernel}), {@link AqiKernel#NONE} when none. */
    final int[] packed;

    StationAqiSeries(String code, StationHourSeries.Kind kind, HourGrid grid, int slots) {
        this.code = code;
        this.kind = kind;
        this.grid = grid;
        packed = new int[slots];
        Arrays.fill(packed, AqiKernel.NONE);
    }

    /** A copy of {@code o}'s AQI. */
    StationAqiSeries(StationAqiSeries o) {
        code = o.code;
        kind = o.kind;
        grid = o.grid;
        packed = o.packed.clone();
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

    /** AQI of slot {@code i}, −1 if no pollutant was available. */
    public int aqi(int i) {
        return AqiKernel.aqi(packed[i]);
    }

    public Optional<AqiLevel> level(int i) {
        int a = aqi(i);
        return a < 0 ? Optional.empty() : Optional.of(AqiLevel.of(a));
    }

    /** Primary pollutants of slot {@code i} as a bit mask by pollutant index (0 when AQI ≤ 50 or none). */
    public int primaryMask(int i) {
        return AqiKernel.primaryMask(packed[i]);
    }

    /** Primary pollutants of slot {@code i} (AQI &gt; 50 only; ties all listed), in {@link AirPollutants} order. */
    public List<Pollutant> primary(int i) {
        return pollutants(primaryMask(i));
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
