package org.envmon.standards.air;

import java.util.Locale;
import org.envmon.standards.Unit;

/**
 * Ambient-air pollutants of GB 3095 (basic items, Table 1, and other items, Table 2; digest §3).
 * CO is in mg/m³, Pb and BaP in µg/m³ as in the tables, everything else µg/m³.
 */
public enum Pollutant {
    SO2("SO2", Unit.UG_PER_M3),
    NO2("NO2", Unit.UG_PER_M3),
    PM10("PM10", Unit.UG_PER_M3),
    PM25("PM2.5", Unit.UG_PER_M3),
    CO("CO", Unit.MG_PER_M3),
    O3("O3", Unit.UG_PER_M3),
    TSP("TSP", Unit.UG_PER_M3),
    NOX("NOx", Unit.UG_PER_M3);

    /** The six basic items (HJ 663 §4 / GB 3095 Table 1). */
    public static final java.util.List<Pollutant> BASIC = java.util.List.of(SO2, NO2, PM10, PM25, CO, O3);

    /** The constant's name in lower case. */
    private final String key = name().toLowerCase(Locale.ROOT);
    private final String display;
    private final Unit unit;

    Pollutant(String display, Unit unit) {
        this.display = display;
        this.unit = unit;
    }

    /** Lower-case key used in CSV columns ({@code pm25}). */
    public String key() {
        return key;
    }

    /** Display name ({@code PM2.5}). */
    public String display() {
        return display;
    }

    /** Unit of the standard's tables. */
    public Unit unit() {
        return unit;
    }

    /**
     * Decimals a concentration is reported with (HJ 663-2013 "数据修约" [mem]; HJ 633-2026 §4.2.2 [confirmed]):
     * integers in µg/m³, CO 1 decimal in mg/m³.
     */
    public int reportedDecimals() {
        return unit == Unit.MG_PER_M3 ? 1 : 0;
    }
}
