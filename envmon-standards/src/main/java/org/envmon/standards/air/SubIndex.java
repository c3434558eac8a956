package org.envmon.standards.air;

import java.math.BigDecimal;

/**
 * One individual AQI (IAQI) of a report.
 *
 * @param key           the input name it was computed from: {@code so2, no2, pm10, pm25, co, o3} (hourly 1-h
 *                      values), {@code o3_1h} (daily max 1-h), {@code o3_8h}
 * @param indicator     the breakpoint row actually used (e.g. {@code SO2_24H} for the 2012 SO2 1-h > 800 case)
 * @param concentration the input value as given
 * @param scored        the concentration scored on the table: the input rounded per GB/T 8170 for the 2026
 *                      edition (HJ 633-2026 §4.2.2), the input itself for 2012 (see {@link AirQualityIndex})
 * @param raw           the unrounded IAQI, to 4 decimals (audit/display only, never used for decisions)
 * @param iaqi          the IAQI carried up to an integer (HJ 633-2012 §6.2; HJ 633-2026 §4.2.6)
 * @param inAqi         whether this IAQI takes part in the AQI (e.g. the hourly {@code o3_8h} does not)
 * @param note          why a special rule applied, or {@code ""}
 */
public record SubIndex(String key, AqiIndicator indicator, BigDecimal concentration, BigDecimal scored,
        BigDecimal raw, int iaqi, boolean inAqi, String note) {

    public Pollutant pollutant() {
        return indicator.pollutant();
    }
}
