package org.envmon.standards.air;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * IAQI breakpoint tables, one per edition; the only place where breakpoint numbers live.
 *
 * <p>Units: µg/m³, CO mg/m³. IAQI column: 0, 50, 100, 150, 200, 300, 400, 500. A row may stop early (SO2 1-h at
 * 800, O3 8-h at 800): what happens above is an edition rule in {@link AirQualityIndex}, not table data.
 * All concentration breakpoints are integers.
 */
public final class AqiBreakpoints {

    /** The IAQI column (both editions). */
    private static final int[] IAQI = {0, 50, 100, 150, 200, 300, 400, 500};

    /** HJ 633-2012 Table 1 "空气质量分指数及对应的污染物项目浓度限值" (digest §1A.1 [confirmed]). */
    private static final AqiBreakpoints HJ633_2012 = new AqiBreakpoints(AirEdition.E2012, table(
            row(AqiIndicator.SO2_24H, 0, 50, 150, 475, 800, 1600, 2100, 2620),
            row(AqiIndicator.SO2_1H, 0, 150, 500, 650, 800),            // note (2): > 800 -> use 24-h IAQI
            row(AqiIndicator.NO2_24H, 0, 40, 80, 180, 280, 565, 750, 940),
            row(AqiIndicator.NO2_1H, 0, 100, 200, 700, 1200, 2340, 3090, 3840),
            row(AqiIndicator.PM10_24H, 0, 50, 150, 250, 350, 420, 500, 600),
            row(AqiIndicator.CO_24H, 0, 2, 4, 14, 24, 36, 48, 60),
            row(AqiIndicator.CO_1H, 0, 5, 10, 35, 60, 90, 120, 150),
            row(AqiIndicator.O3_1H, 0, 160, 200, 300, 400, 800, 1000, 1200),
            row(AqiIndicator.O3_8H, 0, 100, 160, 215, 265, 800),         // note (3): > 800 -> use 1-h IAQI
            row(AqiIndicator.PM25_24H, 0, 35, 75, 115, 150, 250, 350, 500)));

    /**
     * HJ 633-2026 Table 3 "空气质量分指数及对应的污染物项目浓度限值" (digest §1B.1 [confirmed]). Only the IAQI=100
     * breakpoints of PM10 (150 → 120) and PM2.5 (75 → 60) differ from 2012; every other row is Table 1's, including
     * the two that stop at 800 (note b: SO2 1-h > 800 -> IAQI 200; note c: O3 8-h > 800 -> IAQI 300).
     */
    private static final AqiBreakpoints HJ633_2026 = HJ633_2012.revised(AirEdition.E2026,
            row(AqiIndicator.PM10_24H, 0, 50, 120, 250, 350, 420, 500, 600),
            row(AqiIndicator.PM25_24H, 0, 35, 60, 115, 150, 250, 350, 500));

    private final AirEdition edition;
    private final Map<AqiIndicator, int[]> rows;

    private AqiBreakpoints(AirEdition edition, Map<AqiIndicator, int[]> rows) {
        this.edition = edition;
        this.rows = rows;
        if (rows.size() != AqiIndicator.values().length) {
            throw new IllegalStateException("incomplete table for " + edition);
        }
    }

    /** The table of {@code edition}. */
    public static AqiBreakpoints of(AirEdition edition) {
        return edition == AirEdition.E2012 ? HJ633_2012 : HJ633_2026;
    }

    public AirEdition edition() {
        return edition;
    }

    /** Concentration breakpoints of a row (a copy), starting at 0. */
    public int[] concentrations(AqiIndicator indicator) {
        return rows.get(indicator).clone();
    }

    /** Number of breakpoints in a row (8, or 5 for SO2 1-h and 6 for O3 8-h). */
    public int size(AqiIndicator indicator) {
        return rows.get(indicator).length;
    }

    /** Concentration breakpoint {@code i} of a row. */
    public int concentration(AqiIndicator indicator, int i) {
        return rows.get(indicator)[i];
    }

    /** IAQI value of breakpoint {@code i} (0, 50, 100, 150, 200, 300, 400, 500). */
    public static int iaqi(int i) {
        return IAQI[i];
    }

    /** Highest concentration in the row. */
    public BigDecimal top(AqiIndicator indicator) {
        int[] r = rows.get(indicator);
        return BigDecimal.valueOf(r[r.length - 1]);
    }

    private static Map.Entry<AqiIndicator, int[]> row(AqiIndicator indicator, int... breakpoints) {
        for (int i = 1; i < breakpoints.length; i++) {
            if (breakpoints[i] <= breakpoints[i - 1]) {
                throw new IllegalStateException(indicator + " not increasing: " + Arrays.toString(breakpoints));
            }
        }
        return Map.entry(indicator, breakpoints);
    }

    /** This table with some rows replaced, for a later edition. */
    @SafeVarargs
    private AqiBreakpoints revised(AirEdition later, Map.Entry<AqiIndicator, int[]>... changedRows) {
        Map<AqiIndicator, int[]> m = new EnumMap<>(rows);
        m.putAll(table(changedRows));
        return new AqiBreakpoints(later, m);
    }

    @SafeVarargs
    private static Map<AqiIndicator, int[]> table(Map.Entry<AqiIndicator, int[]>... rows) {
        Map<AqiIndicator, int[]> m = new EnumMap<>(AqiIndicator.class);
        for (Map.Entry<AqiIndicator, int[]> e : rows) {
            m.put(e.getKey(), e.getValue());
        }
        return m;
    }
}
