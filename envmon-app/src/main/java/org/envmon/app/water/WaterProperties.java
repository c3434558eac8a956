package org.envmon.app.water;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.envmon.standards.water.WaterParameter;
import org.envmon.standards.water.WaterRounding;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code envmon.water.*}: how a value is rounded before it is compared with the GB 3838-2002 limits,
 * for the section classes and everything built on them (CWQI, basin/province status, water ranking, reports, the
 * target-class and drinking-source alerts).
 *
 * @param rounding {@code reported} (default: each item to the national publication's reporting precision, GB/T 8170
 *                 half-even, as the publication classes it; see {@link WaterRounding}) or {@code none} (unrounded)
 * @param decimals per item by its column name ({@code ph}, {@code do}, {@code codmn}, {@code nh3n}, {@code tp} ...):
 *                 decimals 0–9, or {@code none} to leave the item unrounded; laid over the mode's table
 */
@ConfigurationProperties("envmon.water")
public record WaterProperties(@DefaultValue("reported") String rounding, Map<String, String> decimals) {

    /** The policy these settings describe. */
    public WaterRounding toRounding() {
        WaterRounding.Mode mode = WaterRounding.Mode.parse(rounding);
        Map<WaterParameter, Integer> overrides = new EnumMap<>(WaterParameter.class);
        if (decimals != null) {
            decimals.forEach((item, value) -> {
                WaterParameter p = WaterParameter.fromColumn(item.strip().toLowerCase(Locale.ROOT))
                        .orElseThrow(() -> new IllegalArgumentException("envmon.water.decimals." + item
                                + ": not a GB 3838 item (use ph, do, codmn, nh3n, tp, tn, cod, bod5, ...)"));
                overrides.put(p, parseDecimals(item, value));
            });
        }
        return WaterRounding.of(mode, overrides);
    }

    private static Integer parseDecimals(String item, String value) {
        String v = value == null ? "" : value.strip();
        if (v.equalsIgnoreCase("none")) {
            return null;
        }
        try {
            int d = Integer.parseInt(v);
            if (d >= 0 && d <= WaterRounding.MAX_DECIMALS) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("envmon.water.decimals." + item + ": expected 0 to "
                + WaterRounding.MAX_DECIMALS + " or none, got '" + value + "'");
    }
}
