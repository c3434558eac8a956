package org.envmon.standards.groundwater;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The GB/T 14848-2017 Table 1 indicators classified here (digest §8.1), with calculator-style column names.
 * Units: mg/L unless noted; pH dimensionless; total coliforms MPN (or CFU)/100 mL; total bacterial count CFU/mL.
 */
public enum GroundwaterIndicator {
    PH("pH"),
    TOTAL_HARDNESS("总硬度（以CaCO3计）"),
    TDS("溶解性总固体"),
    SULFATE("硫酸盐"),
    CHLORIDE("氯化物"),
    FE("铁"),
    MN("锰"),
    CODMN("耗氧量（CODMn法，以O2计）"),
    NH3N("氨氮（以N计）"),
    NITRATE("硝酸盐（以N计）"),
    NITRITE("亚硝酸盐（以N计）"),
    F("氟化物"),
    AS("砷"),
    HG("汞"),
    CD("镉"),
    CR6("铬（六价）"),
    PB("铅"),
    TOTAL_COLIFORMS("总大肠菌群"),
    TOTAL_BACTERIA("菌落总数");

    /** The constant's name in lower case. */
    private final String column = name().toLowerCase(Locale.ROOT);
    private final String chineseName;

    GroundwaterIndicator(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The column name: the constant's name in lower case ({@code total_hardness}). */
    public String column() {
        return column;
    }

    public String chineseName() {
        return chineseName;
    }

    public static Optional<GroundwaterIndicator> fromColumn(String column) {
        return Arrays.stream(values()).filter(i -> i.column.equals(column)).findFirst();
    }
}
