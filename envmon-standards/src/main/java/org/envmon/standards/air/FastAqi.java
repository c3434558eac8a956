package org.envmon.standards.air;

import java.math.BigDecimal;
import org.envmon.standards.Rounding;

/**
 * Fast exact real-time (hourly) AQI on scaled integers, for bulk work (millions of station-hours per second).
 * Same rules as {@link AirQualityIndex#hourly}; a property test proves both agree.
 *
 * <h2>Exact scheme</h2>
 * Concentrations are passed as non-negative {@code long}s in thousandths of the table unit ("milli": µg/m³ × 1000,
 * CO mg/m³ × 1000), so any value with at most 3 decimals is represented exactly; {@link #MISSING} (−1) marks a
 * missing value. All breakpoints are integers, so with C, BP in milli units
 * {@code IAQI = I_lo + ceil(ΔI·(C − BP_lo) / ΔBP)} is computed exactly with integer division (no {@code double}).
 * For 2026 the GB/T 8170 input rounding is done on the integer (half-even) before scoring.
 * Immutable; thread-safe.
 */
public final class FastAqi {

    /** Marker for a missing value. */
    public static final long MISSING = -1;
    /** Fixed-point scale of the inputs. */
    public static final int SCALE = 1000;

    private static final FastAqi E2012 = new FastAqi(AirEdition.E2012);
    private static final FastAqi E2026 = new FastAqi(AirEdition.E2026);
    private static final long L800 = 800L * SCALE;

    private final AirEdition edition;
    private final boolean round;
    /** Per row (AqiIndicator ordinal): upper breakpoints in milli, segment base IAQI, ΔI, lower bp, ΔBP. */
    private final long[][] upper;
    private final int[][] base;
    private final long[][] dI;
    private final long[][] lower;
    private final long[][] dBp;

    private FastAqi(AirEdition edition) {
        this.edition = edition;
        this.round = edition == AirEdition.E2026;
        AqiBreakpoints t = AqiBreakpoints.of(edition);
        int rows = AqiIndicator.values().length;
        upper = new long[rows][];
        base = new int[rows][];
        dI = new long[rows][];
        lower = new long[rows][];
        dBp = new long[rows][];
        for (AqiIndicator r : AqiIndicator.values()) {
            int n = t.size(r) - 1;
            int o = r.ordinal();
            upper[o] = new long[n];
            base[o] = new int[n];
            dI[o] = new long[n];
            lower[o] = new long[n];
            dBp[o] = new long[n];
            for (int i = 0; i < n; i++) {
                upper[o][i] = (long) t.concentration(r, i + 1) * SCALE;
                lower[o][i] = (long) t.concentration(r, i) * SCALE;
                base[o][i] = AqiBreakpoints.iaqi(i);
                dI[o][i] = AqiBreakpoints.iaqi(i + 1) - AqiBreakpoints.iaqi(i);
                dBp[o][i] = upper[o][i] - lower[o][i];
            }
        }
    }

    public static FastAqi of(AirEdition edition) {
        return edition == AirEdition.E2012 ? E2012 : E2026;
    }

    public AirEdition edition() {
        return edition;
    }

    /**
     * IAQI of a milli-unit value on a row, as scored (no input rounding here); 500 above the top of a full row,
     * −1 above the top of the SO2 1-h / O3 8-h rows (edition rule applies there), −1 for {@link #MISSING}.
     */
    public int iaqi(AqiIndicator row, long milli) {
        if (milli < 0) {
            return -1;
        }
        int o = row.ordinal();
        long[] up = upper[o];
        int n = up.length;
        for (int i = 0; i < n; i++) {
            if (milli <= up[i]) {
                return base[o][i] + (int) ((dI[o][i] * (milli - lower[o][i]) + dBp[o][i] - 1) / dBp[o][i]);
            }
        }
        return n == 7 ? 500 : -1;
    }

    /** GB/T 8170 input rounding for 2026 (µg/m³ to integers, CO to 1 decimal), identity for 2012. */
    private long scored(long milli, boolean co) {
        if (!round || milli < 0) {
            return milli;
        }
        return co ? Rounding.halfEvenDrop(milli, 2) * 100 : Rounding.halfEvenDrop(milli, 3) * SCALE;
    }

    /** The concentration actually scored (milli units): GB/T 8170 rounded for 2026, unchanged for 2012. */
    public long scoredValue(long milli, boolean co) {
        return scored(milli, co);
    }

    /**
     * Hourly (real-time) AQI from the six 1-h values in milli units; {@code so2_24h} is only consulted for the
     * 2012 SO2 &gt; 800 rule (pass {@link #MISSING} if unknown). Returns −1 if nothing could be computed.
     */
    public int hourly(long so2, long no2, long pm10, long pm25, long co, long o3, long so2_24h) {
        int aqi = -1;
        long s = scored(so2, false);
        if (s >= 0) {
            int v;
            if (s <= L800) {
                v = iaqi(AqiIndicator.SO2_1H, s);
            } else if (round) {
                v = 200;
            } else {
                v = iaqi(AqiIndicator.SO2_24H, so2_24h);
            }
            aqi = v;
        }
        aqi = Math.max(aqi, iaqi(AqiIndicator.NO2_1H, scored(no2, false)));
        aqi = Math.max(aqi, iaqi(AqiIndicator.PM10_24H, scored(pm10, false)));
        aqi = Math.max(aqi, iaqi(AqiIndicator.PM25_24H, scored(pm25, false)));
        aqi = Math.max(aqi, iaqi(AqiIndicator.CO_1H, scored(co, true)));
        aqi = Math.max(aqi, iaqi(AqiIndicator.O3_1H, scored(o3, false)));
        return aqi;
    }

    /**
     * Daily AQI (same rules as {@link AirQualityIndex#daily}) from milli-unit 24-h means, O3 daily max 1-h (used by
     * 2012 only) and O3 daily max 8-h; {@link #MISSING} for gaps. Returns −1 if nothing could be computed.
     */
    public int daily(long so2, long no2, long pm10, long pm25, long co, long o3_1h, long o3_8h) {
        int aqi = iaqi(AqiIndicator.SO2_24H, scored(so2, false));
        aqi = Math.max(aqi, iaqi(AqiIndicator.NO2_24H, scored(no2, false)));
        aqi = Math.max(aqi, iaqi(AqiIndicator.PM10_24H, scored(pm10, false)));
        aqi = Math.max(aqi, iaqi(AqiIndicator.PM25_24H, scored(pm25, false)));
        aqi = Math.max(aqi, iaqi(AqiIndicator.CO_24H, scored(co, true)));
        if (!round) {
            aqi = Math.max(aqi, iaqi(AqiIndicator.O3_1H, o3_1h));
        }
        long o3 = scored(o3_8h, false);
        if (o3 >= 0) {
            if (o3 <= L800) {
                aqi = Math.max(aqi, iaqi(AqiIndicator.O3_8H, o3));
            } else if (round) {
                aqi = Math.max(aqi, 300);
            }
        }
        return aqi;
    }

    /**
     * Batch form: column arrays (milli units, {@link #MISSING} for gaps), results into {@code out} (−1 = none).
     * {@code so2_24h} may be {@code null}.
     */
    public void hourly(long[] so2, long[] no2, long[] pm10, long[] pm25, long[] co, long[] o3, long[] so2_24h,
            int[] out, int count) {
        for (int i = 0; i < count; i++) {
            out[i] = hourly(so2[i], no2[i], pm10[i], pm25[i], co[i], o3[i], so2_24h == null ? MISSING : so2_24h[i]);
        }
    }

    /**
     * Exact milli-unit form of a non-negative decimal with at most 3 decimals; {@code null} gives {@link #MISSING}.
     *
     * @throws ArithmeticException if the value has more than 3 significant decimals (use {@link AirQualityIndex})
     */
    public static long toMilli(BigDecimal value) {
        if (value == null) {
            return MISSING;
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException("negative concentration " + value);
        }
        return value.movePointRight(3).longValueExact();
    }
}
