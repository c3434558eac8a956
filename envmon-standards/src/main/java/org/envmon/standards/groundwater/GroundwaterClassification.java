package org.envmon.standards.groundwater;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
    private static final Map<GroundwaterIndicator, List<BigDecimal>> LIMITS = new EnumMap<>(GroundwaterIndicator.class);

    static {
        put(GroundwaterIndicator.TOTAL_HARDNESS, "150", "300", "450", "650");
        put(GroundwaterIndicator.TDS, "300", "500", "1000", "2000");
        put(GroundwaterIndicator.SULFATE, "50", "150", "250", "350");
        put(GroundwaterIndicator.CHLORIDE, "50", "150", "250", "350");
        put(GroundwaterIndicator.FE, "0.1", "0.2", "0.3", "2.0");
        put(GroundwaterIndicator.MN, "0.05", "0.05", "0.10", "1.50");
        put(GroundwaterIndicator.CODMN, "1.0", "2.0", "3.0", "10.0");
        put(GroundwaterIndicator.NH3N, "0.02", "0.10", "0.50", "1.50");
        put(GroundwaterIndicator.NITRATE, "2.0", "5.0", "20.0", "30.0");
        put(GroundwaterIndicator.NITRITE, "0.01", "0.10", "1.00", "4.80");
        put(GroundwaterIndicator.F, "1.0", "1.0", "1.0", "2.0");
        put(GroundwaterIndicator.AS, "0.001", "0.001", "0.01", "0.05");
        put(GroundwaterIndicator.HG, "0.0001", "0.0001", "0.001", "0.002");
        put(GroundwaterIndicator.CD, "0.0001", "0.001", "0.005", "0.01");
        put(GroundwaterIndicator.CR6, "0.005", "0.01", "0.05", "0.10");
        put(GroundwaterIndicator.PB, "0.005", "0.005", "0.01", "0.10");
        put(GroundwaterIndicator.TOTAL_COLIFORMS, "3.0", "3.0", "3.0", "100");
        put(GroundwaterIndicator.TOTAL_BACTERIA, "100", "100", "100", "1000");
    }

    private GroundwaterClassification() {
    }

    private static void put(GroundwaterIndicator indicator, String... limits) {
        LIMITS.put(indicator, Arrays.stream(limits).map(BigDecimal::new).toList());
    }

    /** The class I–IV upper limits of an indicator (not pH). */
    public static List<BigDecimal> limits(GroundwaterIndicator indicator) {
        if (indicator == GroundwaterIndicator.PH) {
            throw new IllegalArgumentException("pH has ranges, not upper limits");
        }
        return LIMITS.get(indicator);
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
        List<BigDecimal> limits = LIMITS.get(indicator);
        for (int i = 0; i < limits.size(); i++) {
            if (value.compareTo(limits.get(i)) <= 0) {
                return GroundwaterClass.values()[i];
            }
        }
        return GroundwaterClass.V;
    }

    /** Overall class: the worst single-indicator class over the indicators given (null values are missing). */
    public static GroundwaterResult classify(Map<GroundwaterIndicator, BigDecimal> values) {
        Map<GroundwaterIndicator, GroundwaterClass> classes = new EnumMap<>(GroundwaterIndicator.class);
        GroundwaterClass worst = null;
        for (GroundwaterIndicator i : GroundwaterIndicator.values()) {
            BigDecimal v = values.get(i);
            if (v != null) {
                GroundwaterClass c = classify(i, v);
                classes.put(i, c);
                worst = worst == null ? c : GroundwaterClass.worst(worst, c);
            }
        }
        return new GroundwaterResult(Optional.ofNullable(worst), classes);
    }
}
