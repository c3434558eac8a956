package org.envmon.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.envmon.standards.air.AirEdition;
import org.envmon.standards.air.AirQualityEvaluation;
import org.envmon.standards.air.FastAqi;

/**
 * Daily derived values of one station or city ({@link AirEvaluator#daily}): per natural day the 24-h means of SO2,
 * NO2, PM10, PM2.5, CO (≥ 20 valid hours), the O3 daily maximum 8-h mean (HJ 663 windows and validity), the O3
 * daily maximum 1-h value (a 2012 daily indicator), the valid-hour counts, and the daily AQI with its primary
 * pollutants under the day's edition ({@link HourGrid#dayEdition(int)}). Values are reported values (GB/T 8170,
 * integers µg/m³, CO 1 decimal) in milli units, {@link FastAqi#MISSING} when the day is not valid for that indicator.
 */
public final class StationDaily extends StationAqiSeries {

    /** Indicator index of the O3 daily maximum 8-h mean (0–4 are the pollutants' 24-h means). */
    public static final int O3_MAX_8H = 5;
    /** Indicator index of the O3 daily maximum 1-h value. */
    public static final int O3_MAX_1H = 6;
    /** Number of daily indicators. */
    public static final int INDICATORS = 7;

    final long[][] values;
    final short[][] validHours;
    final byte[] o3Windows;

    StationDaily(String code, StationHourSeries.Kind kind, HourGrid grid) {
        super(code, kind, grid, grid.days());
        int n = grid.days();
        values = new long[INDICATORS][n];
        for (long[] c : values) {
            Arrays.fill(c, FastAqi.MISSING);
        }
        validHours = new short[AirPollutants.COUNT][n];
        o3Windows = new byte[n];
    }

    private StationDaily(StationDaily o) {
        super(o);
        values = new long[INDICATORS][];
        for (int k = 0; k < INDICATORS; k++) {
            values[k] = o.values[k].clone();
        }
        validHours = new short[AirPollutants.COUNT][];
        for (int p = 0; p < validHours.length; p++) {
            validHours[p] = o.validHours[p].clone();
        }
        o3Windows = o.o3Windows.clone();
    }

    public StationDaily copy() {
        return new StationDaily(this);
    }

    public int days() {
        return packed.length;
    }

    public LocalDate day(int d) {
        return grid.day(d);
    }

    public AirEdition edition(int d) {
        return grid.dayEdition(d);
    }

    /** Indicator {@code k} (pollutant index 0–4, {@link #O3_MAX_8H}, {@link #O3_MAX_1H}) of day {@code d}, milli. */
    public long value(int k, int d) {
        return values[k][d];
    }

    /** Indicator as a decimal (µg/m³, CO mg/m³), empty when not valid. */
    public Optional<BigDecimal> decimal(int k, int d) {
        long v = values[k][d];
        return v < 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(v, 3).stripTrailingZeros());
    }

    /** Valid hourly values of pollutant {@code p} on day {@code d} (daily validity: ≥ 20 for a 24-h mean). */
    public int validHours(int p, int d) {
        return validHours[p][d];
    }

    /** Valid O3 8-h windows (of the 17 ending 08:00 … 24:00) on day {@code d}. */
    public int o3ValidWindows(int d) {
        return o3Windows[d];
    }

    /**
     * Daily values restored from the derived store (what {@link AirEvaluator#daily} computed and the recompute
     * worker stored): days of {@code rows} outside the grid or of another code are ignored; days without a row stay
     * missing.
     */
    public static StationDaily restored(String code, StationHourSeries.Kind kind, HourGrid grid,
            Iterable<org.envmon.model.DerivedStore.Day> rows) {
        StationDaily r = new StationDaily(code, kind, grid);
        for (org.envmon.model.DerivedStore.Day row : rows) {
            int d = grid.dayIndex(row.day());
            if (d < 0 || !row.code().equals(code)) {
                continue;
            }
            for (int k = 0; k < INDICATORS; k++) {
                r.values[k][d] = row.values()[k] < 0 ? FastAqi.MISSING : row.values()[k];
            }
            for (int p = 0; p < AirPollutants.COUNT; p++) {
                r.validHours[p][d] = (short) row.validHours()[p];
            }
            r.o3Windows[d] = (byte) row.o3Windows();
            r.packed[d] = row.aqi() < 0 ? AqiKernel.NONE : row.primaryMask() << 16 | row.aqi();
        }
        return r;
    }

    /**
     * The days {@code from … to} (inclusive) as {@link AirQualityEvaluation.DailyValues} for the reference
     * evaluation; days outside the grid are absent.
     */
    public List<AirQualityEvaluation.DailyValues> dailyValues(LocalDate from, LocalDate to) {
        List<AirQualityEvaluation.DailyValues> out = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            int d = grid.dayIndex(day);
            if (d < 0) {
                continue;
            }
            out.add(new AirQualityEvaluation.DailyValues(day, dec(0, d), dec(1, d), dec(2, d), dec(3, d), dec(4, d),
                    dec(O3_MAX_8H, d), dec(O3_MAX_1H, d), false));
        }
        return out;
    }

    private BigDecimal dec(int k, int d) {
        return decimal(k, d).orElse(null);
    }
}
