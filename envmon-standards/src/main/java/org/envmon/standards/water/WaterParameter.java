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
    PH("pH"),
    DO("溶解氧"),
    CODMN("高锰酸盐指数"),
    COD("化学需氧量"),
    BOD5("五日生化需氧量"),
    NH3N("氨氮"),
    TP("总磷"),
    TN("总氮"),
    CU("铜"),
    ZN("锌"),
    F("氟化物"),
    SE("硒"),
    AS("砷"),
    HG("汞"),
    CD("镉"),
    CR6("铬（六价）"),
    PB("铅"),
    CN("氰化物"),
    PHENOL("挥发酚"),
    PETROLEUM("石油类"),
    LAS("阴离子表面活性剂"),
    S2("硫化物"),
    FECAL_COLIFORM("粪大肠菌群");

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

    WaterParameter(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The calculator column name: the constant's name in lower case ({@code codmn}). */
    public String column() {
        return column;
    }

    public String chineseName() {
        return chineseName;
    }

    /** mg/L; pH is dimensionless ({@code ""}), fecal coliform a count per litre. */
    public String unit() {
        return switch (this) {
            case PH -> "";
            case FECAL_COLIFORM -> "个/L";
            default -> "mg/L";
        };
    }

    /** "≥ limit" for DO, a range for pH, "≤ limit" for every other item. */
    public Limit limit() {
        return switch (this) {
            case PH -> Limit.RANGE;
            case DO -> Limit.AT_LEAST;
            default -> Limit.AT_MOST;
        };
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
        return limit() == Limit.AT_MOST;
    }

    /** Looks a parameter up by its calculator column name (exact, lower case). */
    public static Optional<WaterParameter> fromColumn(String column) {
        return Arrays.stream(values()).filter(p -> p.column.equals(column)).findFirst();
    }
}
