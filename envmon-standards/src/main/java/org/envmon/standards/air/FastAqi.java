package org.envmon.standards.air;

import java.math.BigDecimal;

/**
 * Fast exact real-time (hourly) AQI on scaled integers, for bulk work (millions of station-hours per second).
 * Same rules as {@link AirQualityIndex#hourly}; a property test proves both agree.
 *
 * <h2>Exact scheme</h2>
 * Concentrations are passed as non-negative {@code long}s in thousandths of the table unit ("milli": µg/m³ × 1000,
 * CO mg/m³ × 1000), so any value with at most 3 decimals is represented exactly; {@link #MISSING} (−1) marks a
 * missing value. All breakpoints are integers, so with C, BP in milli units
 * {@code IAQI = I_lo + ceil(ΔI·(C − BP_lo) / ΔBP)} is computed exactly with integer division (no {@code double}).
 * For 2026 the GB/T 8170 input rounding is done on the integer (half-even) before scoring. One instance per edition
 * and {@link AqiScope}: the rounding of its real-time and daily reports is {@link AqiRounding#of} (the 2012 city
 * real-time report rounds the concentration and the IAQI half up). Immutable; thread-safe.
 */
public final class FastAqi {

    /** Marker for a missing value. */
    public static final long MISSING = -1;
    /** Fixed-point scale of the inputs. */
    public static final int SCALE = 1000;

    private static final FastAqi[] INSTANCES = new FastAqi[AirEdition.values().length * AqiScope.values().length];
    private static final long L800 = 800L * SCALE;

    static {
        for (AirEdition e : AirEdition.values()) {
            for (AqiScope s : AqiScope.values()) {
                INSTANCES[e.ordinal() * AqiScope.values().length + s.ordinal()] = new FastAqi(e, s);
            }
        }
    }

    private final AirEdition edition;
    private final AqiScope scope;
    private final boolean e2026;
    private final AqiRounding realTime;
    private final AqiRounding day;
    /** Per row (AqiIndicator ordinal): upper breakpoints in milli, segment base IAQI, ΔI, lower bp, ΔBP. */
    private final long[][] upper;
    private final int[][] base;
    private final long[][] dI;
    private final long[][] lower;
    private final long[][] dBp;

    private FastAqi(AirEdition edition, AqiScope scope) {
        this.edition = edition;
        this.scope = scope;
        this.e2026 = edition == AirEdition.E2026;
        this.realTime = AqiRounding.of(edition, scope, AqiResult.ReportType.REAL_TIME);
        this.day = AqiRounding.of(edition, scope, AqiResult.ReportType.DAILY);
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

    /** A station's reports under {@code edition}. */
    public static FastAqi of(AirEdition edition) {
        return of(edition, AqiScope.STATION);
    }

    /** The reports of {@code scope} under {@code edition}. */
    public static FastAqi of(AirEdition edition, AqiScope scope) {
        return INSTANCES[edition.ordinal() * AqiScope.values().length + scope.ordinal()];
    }

    public AirEdition edition() {
        return edition;
    }

    public AqiScope scope() {
        return scope;
    }

    /** Rounding of the real-time report. */
    public AqiRounding realTimeRounding() {
        return realTime;
    }

    /** Rounding of the daily report. */
    public AqiRounding dailyRounding() {
        return day;
    }

    /**
     * IAQI of a milli-unit value on a row, as scored (no input rounding here), carried up (the standard's rule);
     * 500 above the top of a full row, −1 above the top of the SO2 1-h / O3 8-h rows (edition rule applies there),
     * −1 for {@link #MISSING}.
     */
    public int iaqi(AqiIndicator row, long milli) {
        return iaqi(row, milli, IaqiRounding.CEILING);
    }

    /** {@link #iaqi(AqiIndicator, long)} made an integer by {@code rounding}. */
    public int iaqi(AqiIndicator row, long milli, IaqiRounding rounding) {
        if (milli < 0) {
            return -1;
        }
        int o = row.ordinal();
        long[] up = upper[o];
        int n = up.length;
        for (int i = 0; i < n; i++) {
            if (milli <= up[i]) {
                return base[o][i] + (int) rounding.divide(dI[o][i] * (milli - lower[o][i]), dBp[o][i]);
            }
        }
        return n == 7 ? 500 : -1;
    }

    /** The concentration the real-time report scores (milli units; {@link AqiRounding#scored(long, boolean)}). */
    public long scoredValue(long milli, boolean co) {
        return realTime.scored(milli, co);
    }

    /**
     * Hourly (real-time) AQI from the six 1-h values in milli units; {@code so2_24h} is only consulted for the
     * 2012 SO2 &gt; 800 rule (pass {@link #MISSING} if unknown). Returns −1 if nothing could be computed.
     */
    public int hourly(long so2, long no2, long pm10, long pm25, long co, long o3, long so2_24h) {
        AqiRounding r = realTime;
        IaqiRounding ir = r.iaqi();
        int aqi = -1;
        long s = r.scored(so2, false);
        if (s >= 0) {
            int v;
            if (s <= L800) {
                v = iaqi(AqiIndicator.SO2_1H, s, ir);
            } else if (e2026) {
                v = 200;
            } else {
                v = iaqi(AqiIndicator.SO2_24H, r.scored(so2_24h, false), ir);
            }
            aqi = v;
        }
        aqi = Math.max(aqi, iaqi(AqiIndicator.NO2_1H, r.scored(no2, false), ir));
        aqi = Math.max(aqi, iaqi(AqiIndicator.PM10_24H, r.scored(pm10, false), ir));
        aqi = Math.max(aqi, iaqi(AqiIndicator.PM25_24H, r.scored(pm25, false), ir));
        aqi = Math.max(aqi, iaqi(AqiIndicator.CO_1H, r.scored(co, true), ir));
        aqi = Math.max(aqi, iaqi(AqiIndicator.O3_1H, r.scored(o3, false), ir));
        return aqi;
    }

    /**
     * Daily AQI (same rules as {@link AirQualityIndex#daily}) from milli-unit 24-h means, O3 daily max 1-h (used by
     * 2012 only) and O3 daily max 8-h; {@link #MISSING} for gaps. Returns −1 if nothing could be computed.
     */
    public int daily(long so2, long no2, long pm10, long pm25, long co, long o3_1h, long o3_8h) {
        AqiRounding r = day;
        IaqiRounding ir = r.iaqi();
        int aqi = iaqi(AqiIndicator.SO2_24H, r.scored(so2, false), ir);
        aqi = Math.max(aqi, iaqi(AqiIndicator.NO2_24H, r.scored(no2, false), ir));
        aqi = Math.max(aqi, iaqi(AqiIndicator.PM10_24H, r.scored(pm10, false), ir));
        aqi = Math.max(aqi, iaqi(AqiIndicator.PM25_24H, r.scored(pm25, false), ir));
        aqi = Math.max(aqi, iaqi(AqiIndicator.CO_24H, r.scored(co, true), ir));
        if (!e2026) {
            aqi = Math.max(aqi, iaqi(AqiIndicator.O3_1H, r.scored(o3_1h, false), ir));
        }
        long o3 = r.scored(o3_8h, false);
        if (o3 >= 0) {
            if (o3 <= L800) {
                aqi = Math.max(aqi, iaqi(AqiIndicator.O3_8H, o3, ir));
            } else if (e2026) {
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
