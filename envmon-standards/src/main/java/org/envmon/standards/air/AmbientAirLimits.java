package org.envmon.standards.air;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * GB 3095 concentration limits, by stage (2012; 2026 transition; 2026 final), pollutant, averaging time and zone
 * class. The only place where limit numbers live. Units: µg/m³, CO mg/m³.
 *
 * <p>Sources: GB 3095-2012 Table 1/Table 2 (digest §3A [mem], consistent with the HJ 633-2012 IAQI=100 column
 * [confirmed]); GB 3095-2026 §4.2 Table 1 transition and final columns, Table 2 and notes a/b (digest §3B.2,
 * §3B.3 [confirmed]).
 */
public final class AmbientAirLimits {

    /** Zone class (GB 3095-2012 §4.1; GB 3095-2026 §4.1). */
    public enum ZoneClass { CLASS_1, CLASS_2 }

    private record Key(Pollutant p, Averaging a) {
    }

    /** stage -> (pollutant, averaging) -> {class 1, class 2}. */
    private static final Map<Gb3095Stage, Map<Key, BigDecimal[]>> TABLE = new EnumMap<>(Gb3095Stage.class);

    static {
        for (Gb3095Stage s : Gb3095Stage.values()) {
            TABLE.put(s, new HashMap<>());
        }
        //    pollutant      averaging          2012 c1, c2     transition c1, c2   final c1, c2
        row(Pollutant.SO2, Averaging.ANNUAL, "20", "60", "20", "60", "20", "20");
        row(Pollutant.SO2, Averaging.DAY_24H, "50", "150", "50", "150", "50", "50");
        row(Pollutant.SO2, Averaging.HOUR_1, "150", "500", "150", "500", "150", "150");
        row(Pollutant.NO2, Averaging.ANNUAL, "40", "40", "40", "40", "30", "30");
        row(Pollutant.NO2, Averaging.DAY_24H, "80", "80", "80", "80", "50", "50");
        row(Pollutant.NO2, Averaging.HOUR_1, "200", "200", "200", "200", "200", "200");
        row(Pollutant.CO, Averaging.DAY_24H, "4", "4", "4", "4", "4", "4");
        row(Pollutant.CO, Averaging.HOUR_1, "10", "10", "10", "10", "10", "10");
        row(Pollutant.O3, Averaging.MAX_8H, "100", "160", "100", "160", "100", "160");
        row(Pollutant.O3, Averaging.HOUR_1, "160", "200", "160", "200", "160", "200");
        row(Pollutant.PM10, Averaging.ANNUAL, "40", "70", "40", "60", "20", "50");
        row(Pollutant.PM10, Averaging.DAY_24H, "50", "150", "50", "120", "50", "100");
        row(Pollutant.PM25, Averaging.ANNUAL, "15", "35", "15", "30", "10", "25");
        row(Pollutant.PM25, Averaging.DAY_24H, "35", "75", "35", "60", "25", "50");
        // Table 2, other items (NOx transition values per GB 3095-2026 notes a/b)
        row(Pollutant.TSP, Averaging.ANNUAL, "80", "200", "80", "200", "80", "200");
        row(Pollutant.TSP, Averaging.DAY_24H, "120", "300", "120", "300", "120", "300");
        row(Pollutant.NOX, Averaging.ANNUAL, "50", "50", "50", "50", "40", "40");
        row(Pollutant.NOX, Averaging.DAY_24H, "100", "100", "100", "100", "70", "70");
        row(Pollutant.NOX, Averaging.HOUR_1, "250", "250", "250", "250", "250", "250");
    }

    private AmbientAirLimits() {
    }

    private static void row(Pollutant p, Averaging a, String... v) {
        Key k = new Key(p, a);
        TABLE.get(Gb3095Stage.GB3095_2012).put(k, new BigDecimal[] {new BigDecimal(v[0]), new BigDecimal(v[1])});
        TABLE.get(Gb3095Stage.GB3095_2026_TRANSITION).put(k,
                new BigDecimal[] {new BigDecimal(v[2]), new BigDecimal(v[3])});
        TABLE.get(Gb3095Stage.GB3095_2026_FINAL).put(k, new BigDecimal[] {new BigDecimal(v[4]), new BigDecimal(v[5])});
    }

    /** The limit, if GB 3095 sets one for this pollutant and averaging time (e.g. none for CO annual). */
    public static Optional<BigDecimal> limit(Gb3095Stage stage, Pollutant p, Averaging a, ZoneClass zone) {
        BigDecimal[] v = TABLE.get(stage).get(new Key(p, a));
        return v == null ? Optional.empty() : Optional.of(v[zone.ordinal()]);
    }

    /** Class 2 limit, or an exception if none. */
    public static BigDecimal class2(Gb3095Stage stage, Pollutant p, Averaging a) {
        return limit(stage, p, a, ZoneClass.CLASS_2)
                .orElseThrow(() -> new IllegalArgumentException("no limit for " + p + " " + a));
    }
}
