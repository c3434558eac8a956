package org.envmon.standards.air;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How an IAQI (and so the AQI) is made an integer. */
public enum IaqiRounding {
    /** Any fraction carried up: "全部进位取整数" (HJ 633-2012 §6.2), "全部向上进位取整数" (HJ 633-2026 §4.2.6). */
    CEILING,
    /** To the nearest integer, an exact .5 up (the 2012 city real-time publication, {@link AqiRounding}). */
    HALF_UP;

    /** The JDK rounding mode of the same name. */
    private final RoundingMode mode = RoundingMode.valueOf(name());

    /** The integer of {@code num / den} (exact), for {@code num ≥ 0}, {@code den > 0}. */
    public BigDecimal divide(BigDecimal num, BigDecimal den) {
        return num.divide(den, 0, mode);
    }

    /** The integer of {@code num / den} (exact integer arithmetic), for {@code num ≥ 0}, {@code den > 0}. */
    public long divide(long num, long den) {
        return this == CEILING ? (num + den - 1) / den : (2 * num + den) / (2 * den);
    }
}
