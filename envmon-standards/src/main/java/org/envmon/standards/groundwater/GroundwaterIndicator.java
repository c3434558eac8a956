package org.envmon.standards.groundwater;

import java.util.Optional;

/**
 * The GB/T 14848-2017 Table 1 indicators classified here (digest §8.1), with calculator-style column names.
 * Units: mg/L unless noted; pH dimensionless; total coliforms MPN (or CFU)/100 mL; total bacterial count CFU/mL.
 */
public enum GroundwaterIndicator {
    PH("ph", "pH"),
    TOTAL_HARDNESS("total_hardness", "总硬度（以CaCO3计）"),
    TDS("tds", "溶解性总固体"),
    SULFATE("sulfate", "硫酸盐"),
    CHLORIDE("chloride", "氯化物"),
    FE("fe", "铁"),
    MN("mn", "锰"),
    CODMN("codmn", "耗氧量（CODMn法，以O2计）"),
    NH3N("nh3n", "氨氮（以N计）"),
    NITRATE("nitrate", "硝酸盐（以N计）"),
    NITRITE("nitrite", "亚硝酸盐（以N计）"),
    F("f", "氟化物"),
    AS("as", "砷"),
    HG("hg", "汞"),
    CD("cd", "镉"),
    CR6("cr6", "铬（六价）"),
    PB("pb", "铅"),
    TOTAL_COLIFORMS("total_coliforms", "总大肠菌群"),
    TOTAL_BACTERIA("total_bacteria", "菌落总数");

    private final String column;
    private final String chineseName;

    GroundwaterIndicator(String column, String chineseName) {
        this.column = column;
        this.chineseName = chineseName;
    }

    public String column() {
        return column;
    }

    public String chineseName() {
        return chineseName;
    }

    public static Optional<GroundwaterIndicator> fromColumn(String column) {
        for (GroundwaterIndicator i : values()) {
            if (i.column.equals(column)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
