package org.envmon.standards.water;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The items of GB 3838-2002 Table 1 that the platform classifies (digest §5.1, items 2 to 24; item 1, water
 * temperature, has no class limits and is not modelled). Declaration order is the Table 1 order; it is also the
 * tie-break order wherever the standard leaves ties open.
 *
 * <p>{@link #column()} is the calculator column name (mg/L; pH dimensionless; fecal coliform in count/L).
 */
public enum WaterParameter {
    PH("pH", "", Limit.RANGE),
    DO("溶解氧", "mg/L", Limit.AT_LEAST),
    CODMN("高锰酸盐指数", "mg/L", Limit.AT_MOST),
    COD("化学需氧量", "mg/L", Limit.AT_MOST),
    BOD5("五日生化需氧量", "mg/L", Limit.AT_MOST),
    NH3N("氨氮", "mg/L", Limit.AT_MOST),
    TP("总磷", "mg/L", Limit.AT_MOST),
    TN("总氮", "mg/L", Limit.AT_MOST),
    CU("铜", "mg/L", Limit.AT_MOST),
    ZN("锌", "mg/L", Limit.AT_MOST),
    F("氟化物", "mg/L", Limit.AT_MOST),
    SE("硒", "mg/L", Limit.AT_MOST),
    AS("砷", "mg/L", Limit.AT_MOST),
    HG("汞", "mg/L", Limit.AT_MOST),
    CD("镉", "mg/L", Limit.AT_MOST),
    CR6("铬（六价）", "mg/L", Limit.AT_MOST),
    PB("铅", "mg/L", Limit.AT_MOST),
    CN("氰化物", "mg/L", Limit.AT_MOST),
    PHENOL("挥发酚", "mg/L", Limit.AT_MOST),
    PETROLEUM("石油类", "mg/L", Limit.AT_MOST),
    LAS("阴离子表面活性剂", "mg/L", Limit.AT_MOST),
    S2("硫化物", "mg/L", Limit.AT_MOST),
    FECAL_COLIFORM("粪大肠菌群", "个/L", Limit.AT_MOST);

    /** How a value is compared with the Table 1 limit. */
    public enum Limit {
        /** "≤ limit" (most items). */
        AT_MOST,
        /** "≥ limit" (DO only). */
        AT_LEAST,
        /** Inside a closed range, the same for all classes (pH 6–9). */
        RANGE
    }

    /** The constant's name in lower case. */
    private final String column = name().toLowerCase(Locale.ROOT);
    private final String chineseName;
    private final String unit;
    private final Limit limit;

    WaterParameter(String chineseName, String unit, Limit limit) {
        this.chineseName = chineseName;
        this.unit = unit;
        this.limit = limit;
    }

    /** The calculator column name: the constant's name in lower case ({@code codmn}). */
    public String column() {
        return column;
    }

    public String chineseName() {
        return chineseName;
    }

    public String unit() {
        return unit;
    }

    public Limit limit() {
        return limit;
    }

    /**
     * Counts for the section class in routine evaluation. 环办〔2011〕22号 (digest §5.3): the 24 Table 1 items minus
     * water temperature, TN and fecal coliform, i.e. 21 items, for rivers and for lakes/reservoirs alike. TN and fecal
     * coliform are still classified and reported separately.
     */
    public boolean isRoutine() {
        return this != TN && this != FECAL_COLIFORM;
    }

    /**
     * Has an exceedance multiple over class III. Digest §5.3: water temperature, pH and DO get none.
     */
    public boolean hasExceedanceMultiple() {
        return limit == Limit.AT_MOST;
    }

    /** Looks a parameter up by its calculator column name (exact, lower case). */
    public static Optional<WaterParameter> fromColumn(String column) {
        return Arrays.stream(values()).filter(p -> p.column.equals(column)).findFirst();
    }
}
