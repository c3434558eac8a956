package org.envmon.standards.water;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * GB 3838-2002 Table 1 "地表水环境质量标准基本项目标准限值" (digest §5.1), the one place where its limits live.
 *
 * <p>Each "≤"/"≥" row holds the five limits for classes I to V. pH is a range, 6–9 for every class. The DO class I
 * limit is 7.5 mg/L; the alternative "or 90% saturation" needs water temperature and pressure and is not applied
 * (decision: a DO below 7.5 mg/L is class II or worse even if saturation is ≥ 90%).
 */
public final class Gb3838Table1 {

    /** pH lower bound, all classes (Table 1 item 2). Inclusive. */
    public static final BigDecimal PH_MIN = new BigDecimal("6");
    /** pH upper bound, all classes (Table 1 item 2). Inclusive. */
    public static final BigDecimal PH_MAX = new BigDecimal("9");

    private static final Map<WaterParameter, List<BigDecimal>> LIMITS = new EnumMap<>(WaterParameter.class);
    /** TP, item 8, for lakes and reservoirs. */
    private static final List<BigDecimal> TP_LAKE = row("0.01", "0.025", "0.05", "0.1", "0.2");

    static {
        // Table 1, classes I, II, III, IV, V.
        LIMITS.put(WaterParameter.DO, row("7.5", "6", "5", "3", "2"));                   // item 3, ≥
        LIMITS.put(WaterParameter.CODMN, row("2", "4", "6", "10", "15"));                // item 4
        LIMITS.put(WaterParameter.COD, row("15", "15", "20", "30", "40"));               // item 5
        LIMITS.put(WaterParameter.BOD5, row("3", "3", "4", "6", "10"));                  // item 6
        LIMITS.put(WaterParameter.NH3N, row("0.15", "0.5", "1.0", "1.5", "2.0"));        // item 7
        LIMITS.put(WaterParameter.TP, row("0.02", "0.1", "0.2", "0.3", "0.4"));          // item 8, rivers
        LIMITS.put(WaterParameter.TN, row("0.2", "0.5", "1.0", "1.5", "2.0"));           // item 9 (lakes, reservoirs)
        LIMITS.put(WaterParameter.CU, row("0.01", "1.0", "1.0", "1.0", "1.0"));          // item 10
        LIMITS.put(WaterParameter.ZN, row("0.05", "1.0", "1.0", "2.0", "2.0"));          // item 11
        LIMITS.put(WaterParameter.F, row("1.0", "1.0", "1.0", "1.5", "1.5"));            // item 12
        LIMITS.put(WaterParameter.SE, row("0.01", "0.01", "0.01", "0.02", "0.02"));      // item 13
        LIMITS.put(WaterParameter.AS, row("0.05", "0.05", "0.05", "0.1", "0.1"));        // item 14
        LIMITS.put(WaterParameter.HG, row("0.00005", "0.00005", "0.0001", "0.001", "0.001")); // item 15
        LIMITS.put(WaterParameter.CD, row("0.001", "0.005", "0.005", "0.005", "0.01"));  // item 16
        LIMITS.put(WaterParameter.CR6, row("0.01", "0.05", "0.05", "0.05", "0.1"));      // item 17
        LIMITS.put(WaterParameter.PB, row("0.01", "0.01", "0.05", "0.05", "0.1"));       // item 18
        LIMITS.put(WaterParameter.CN, row("0.005", "0.05", "0.2", "0.2", "0.2"));        // item 19
        LIMITS.put(WaterParameter.PHENOL, row("0.002", "0.002", "0.005", "0.01", "0.1")); // item 20
        LIMITS.put(WaterParameter.PETROLEUM, row("0.05", "0.05", "0.05", "0.5", "1.0")); // item 21
        LIMITS.put(WaterParameter.LAS, row("0.2", "0.2", "0.2", "0.3", "0.3"));          // item 22
        LIMITS.put(WaterParameter.S2, row("0.05", "0.1", "0.2", "0.5", "1.0"));          // item 23
        LIMITS.put(WaterParameter.FECAL_COLIFORM, row("200", "2000", "10000", "20000", "40000")); // item 24, count/L
    }

    private Gb3838Table1() {
    }

    private static List<BigDecimal> row(String... limits) {
        return java.util.Arrays.stream(limits).map(BigDecimal::new).toList();
    }

    /**
     * The class I to V limits of a "≤" or "≥" item, in class order. TP depends on the water body (item 8); every other
     * item has one row. TN (item 9) is formally a lake/reservoir item; the same row is returned for rivers, where it is
     * informative only (see {@link WaterParameter#isRoutine()}).
     *
     * @throws IllegalArgumentException for pH, which has a range instead ({@link #PH_MIN}, {@link #PH_MAX})
     */
    public static List<BigDecimal> limits(WaterParameter parameter, Waterbody waterbody) {
        if (parameter == WaterParameter.PH) {
            throw new IllegalArgumentException("pH has a range, not per-class limits");
        }
        if (parameter == WaterParameter.TP && waterbody == Waterbody.LAKE_RESERVOIR) {
            return TP_LAKE;
        }
        return LIMITS.get(parameter);
    }

    /** The limit of one class (I to V). */
    public static BigDecimal limit(WaterParameter parameter, Waterbody waterbody, WaterClass waterClass) {
        if (waterClass == WaterClass.WORSE_THAN_V) {
            throw new IllegalArgumentException("劣V has no limit");
        }
        return limits(parameter, waterbody).get(waterClass.ordinal());
    }
}
