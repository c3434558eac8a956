package org.envmon.evaluation;

import java.util.List;
import org.envmon.standards.Rounding;
import org.envmon.standards.air.FastAnnualEvaluation;
import org.envmon.standards.air.FastAqi;
import org.envmon.standards.air.Pollutant;

/**
 * The six basic air pollutants as array indices, in the order of {@link FastAnnualEvaluation#ORDER}
 * (SO2, NO2, PM10, PM2.5, CO, O3), with their HJ 212-2017 codes. Concentrations are carried as {@code long}
 * thousandths of the table unit ({@link FastAqi#SCALE}: µg/m³ × 1000, CO mg/m³ × 1000), {@link FastAqi#MISSING}
 * (−1) for a missing or invalid value.
 */
public final class AirPollutants {

    public static final int SO2 = 0;
    public static final int NO2 = 1;
    public static final int PM10 = 2;
    public static final int PM25 = 3;
    public static final int CO = 4;
    public static final int O3 = 5;
    /** Number of pollutants. */
    public static final int COUNT = 6;

    /** HJ 212-2017 codes by index: a21026 SO2, a21004 NO2, a34002 PM10, a34004 PM2.5, a21005 CO (mg/m³), a05024 O3. */
    public static final List<String> CODES = List.of("a21026", "a21004", "a34002", "a34004", "a21005", "a05024");

    /** Standards-library pollutants by index. */
    public static final List<Pollutant> POLLUTANTS = FastAnnualEvaluation.ORDER;

    /** Lower-case keys by index, as used by {@link org.envmon.standards.air.AirQualityIndex}. */
    public static final List<String> KEYS = List.of("so2", "no2", "pm10", "pm25", "co", "o3");

    private AirPollutants() {
    }

    /** Index of an HJ 212 code, or −1 if it is not one of the six. */
    public static int indexOf(String hj212Code) {
        return hj212Code == null ? -1 : CODES.indexOf(hj212Code);
    }

    /**
     * Milli units of a stored {@code double}: {@code round(value × 1000)}. Decision: the store keeps values as
     * {@code double}; every value with at most 3 decimals maps exactly (53.2 → 53200). Negative, NaN and infinite
     * values are treated as missing (a QC failure the caller should already have filtered).
     */
    public static long toMilli(double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            return FastAqi.MISSING;
        }
        return Math.round(value * FastAqi.SCALE);
    }

    /** Milli-unit divisor of the reported precision: 1000 (integer µg/m³) or 100 (CO, 1 decimal mg/m³). */
    static long reportUnit(int p) {
        return p == CO ? 100 : 1000;
    }

    /**
     * The reported value (GB/T 8170 half-even to integers, CO 1 decimal) of the exact mean {@code sumMilli / n},
     * in milli units. Rounded once, from the exact sum (no chained rounding).
     */
    static long reportMean(int p, long sumMilli, long n) {
        long unit = reportUnit(p);
        return Rounding.halfEvenDiv(sumMilli, n * unit) * unit;
    }

    /** GB/T 8170 rounding of one milli value to the reported precision (milli units); MISSING stays MISSING. */
    public static long report(int p, long milli) {
        return milli < 0 ? milli : reportMean(p, milli, 1);
    }
}
