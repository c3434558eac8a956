package org.envmon.standards.groundwater;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.envmon.standards.LimitTable;

/**
 * GB/T 14848-2017 single-indicator and overall classification (§8; Table 1 as digested in §8.1, [mem]).
 *
 * <p>For every indicator except pH, Table 1 gives "≤" limits for classes I to IV; a value above the class IV limit is
 * class V. Classes are tried from I, so shared limits go to the better class (从优不从劣, digest §8.1). pH:
 * 6.5 ≤ pH ≤ 8.5 is class I (it meets I–III alike); 5.5 ≤ pH &lt; 6.5 or 8.5 &lt; pH ≤ 9.0 is IV; otherwise V. Values
 * are compared exactly as given (BigDecimal, no rounding); negative values are rejected.
 */
public final class GroundwaterClassification {

    static final BigDecimal PH_I_III_MIN = new BigDecimal("6.5");
    static final BigDecimal PH_I_III_MAX = new BigDecimal("8.5");
    static final BigDecimal PH_IV_MIN = new BigDecimal("5.5");
    static final BigDecimal PH_IV_MAX = new BigDecimal("9.0");

    /** Table 1, class I, II, III, IV upper limits (digest §8.1). */
    private static final LimitTable<GroundwaterIndicator> LIMITS = new LimitTable<>(GroundwaterIndicator.class)
            .row(GroundwaterIndicator.TOTAL_HARDNESS, "150", "300", "450", "650")
            .row(GroundwaterIndicator.TDS, "300", "500", "1000", "2000")
            .row(GroundwaterIndicator.SULFATE, "50", "150", "250", "350")
            .row(GroundwaterIndicator.CHLORIDE, "50", "150", "250", "350")
            .row(GroundwaterIndicator.FE, "0.1", "0.2", "0.3", "2.0")
            .row(GroundwaterIndicator.MN, "0.05", "0.05", "0.10", "1.50")
            .row(GroundwaterIndicator.CODMN, "1.0", "2.0", "3.0", "10.0")
            .row(GroundwaterIndicator.NH3N, "0.02", "0.10", "0.50", "1.50")
            .row(GroundwaterIndicator.NITRATE, "2.0", "5.0", "20.0", "30.0")
            .row(GroundwaterIndicator.NITRITE, "0.01", "0.10", "1.00", "4.80")
            .row(GroundwaterIndicator.F, "1.0", "1.0", "1.0", "2.0")
            .row(GroundwaterIndicator.AS, "0.001", "0.001", "0.01", "0.05")
            .row(GroundwaterIndicator.HG, "0.0001", "0.0001", "0.001", "0.002")
            .row(GroundwaterIndicator.CD, "0.0001", "0.001", "0.005", "0.01")
            .row(GroundwaterIndicator.CR6, "0.005", "0.01", "0.05", "0.10")
            .row(GroundwaterIndicator.PB, "0.005", "0.005", "0.01", "0.10")
            .row(GroundwaterIndicator.TOTAL_COLIFORMS, "3.0", "3.0", "3.0", "100")
            .row(GroundwaterIndicator.TOTAL_BACTERIA, "100", "100", "100", "1000");

    private GroundwaterClassification() {
    }

    /** The class I–IV upper limits of an indicator (not pH). */
    public static List<BigDecimal> limits(GroundwaterIndicator indicator) {
        if (indicator == GroundwaterIndicator.PH) {
            throw new IllegalArgumentException("pH has ranges, not upper limits");
        }
        return LIMITS.limits(indicator);
    }

    /** Class of one indicator value. */
    public static GroundwaterClass classify(GroundwaterIndicator indicator, BigDecimal value) {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0) {
            throw new IllegalArgumentException(indicator.column() + " must not be negative: " + value);
        }
        if (indicator == GroundwaterIndicator.PH) {
            if (value.compareTo(PH_I_III_MIN) >= 0 && value.compareTo(PH_I_III_MAX) <= 0) {
                return GroundwaterClass.I;
            }
            if (value.compareTo(PH_IV_MIN) >= 0 && value.compareTo(PH_IV_MAX) <= 0) {
                return GroundwaterClass.IV;
            }
            return GroundwaterClass.V;
        }
        return GroundwaterClass.values()[LIMITS.firstClass(indicator, value, false)];
    }

    /** Overall class: the worst single-indicator class over the indicators given (null values are missing). */
    public static GroundwaterResult classify(Map<GroundwaterIndicator, BigDecimal> values) {
        LimitTable.Classes<GroundwaterIndicator, GroundwaterClass> c = LimitTable.classify(GroundwaterIndicator.class,
                values, GroundwaterClassification::classify);
        return new GroundwaterResult(c.overall(), c.byIndicator());
    }
}
