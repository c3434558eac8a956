package org.envmon.standards.air;

/**
 * A row of the IAQI breakpoint table (HJ 633-2012 Table 1; HJ 633-2026 Table 3): a pollutant and an averaging
 * time. PM10 and PM2.5 have only 24-hour rows; a PM 1-hour value is scored on the 24-hour row (HJ 633-2026
 * §4.2.4, and the project's rule for 2012 real-time data).
 */
public enum AqiIndicator {
    SO2_24H(Pollutant.SO2, "24h"),
    SO2_1H(Pollutant.SO2, "1h"),
    NO2_24H(Pollutant.NO2, "24h"),
    NO2_1H(Pollutant.NO2, "1h"),
    PM10_24H(Pollutant.PM10, "24h"),
    PM25_24H(Pollutant.PM25, "24h"),
    CO_24H(Pollutant.CO, "24h"),
    CO_1H(Pollutant.CO, "1h"),
    O3_1H(Pollutant.O3, "1h"),
    O3_8H(Pollutant.O3, "8h");

    private final Pollutant pollutant;
    private final String averaging;

    AqiIndicator(Pollutant pollutant, String averaging) {
        this.pollutant = pollutant;
        this.averaging = averaging;
    }

    public Pollutant pollutant() {
        return pollutant;
    }

    /** {@code 1h}, {@code 8h} or {@code 24h}. */
    public String averaging() {
        return averaging;
    }
}
