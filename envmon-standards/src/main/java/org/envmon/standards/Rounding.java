package org.envmon.standards;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounding rules shared by the standards.
 * <ul>
 *   <li>{@link #gbt8170} — GB/T 8170 "数值修约规则": round half to even (四舍六入五成双). A trailing 5 followed
 *       by nothing rounds to the even neighbour, a 5 followed by any non-zero digit rounds up. Round once, from
 *       the unrounded value (no chained rounding).</li>
 *   <li>{@link #ceilToInt} — "全部进位取整数" (HJ 633-2012 §6.2) / "全部向上进位取整数" (HJ 633-2026 §4.2.6):
 *       carry any fraction up to the next integer.</li>
 * </ul>
 * All methods are exact; {@code double} is never used.
 */
public final class Rounding {
    private Rounding() {
    }

    /** GB/T 8170 rounding of {@code value} to {@code decimals} places (half-even). */
    public static BigDecimal gbt8170(BigDecimal value, int decimals) {
        return value.setScale(decimals, RoundingMode.HALF_EVEN);
    }

    /** Smallest integer ≥ {@code value}. */
    public static int ceilToInt(BigDecimal value) {
        return value.setScale(0, RoundingMode.CEILING).intValueExact();
    }

    /** Ceiling of {@code num / den} for {@code num ≥ 0}, {@code den > 0}. */
    public static long ceilDiv(long num, long den) {
        return (num + den - 1) / den;
    }

    /**
     * GB/T 8170 rounding on a scaled integer: {@code value / 10^drop} rounded half-even, where {@code value ≥ 0}
     * is a fixed-point number. E.g. {@code halfEvenDrop(60500, 3) == 60}, {@code halfEvenDrop(61500, 3) == 62}.
     */
    public static long halfEvenDrop(long value, int drop) {
        long div = 1;
        for (int i = 0; i < drop; i++) {
            div *= 10;
        }
        return halfEvenDiv(value, div);
    }

    /** GB/T 8170 rounding of a quotient: {@code num / den} rounded half-even, for {@code num ≥ 0}, {@code den > 0}. */
    public static long halfEvenDiv(long num, long den) {
        long q = num / den;
        long r = num - q * den;
        long twice = 2 * r;
        if (twice > den || (twice == den && (q & 1) == 1)) {
            q++;
        }
        return q;
    }
}
