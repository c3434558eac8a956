package org.envmon.standards.air;

import java.util.Locale;

/**
 * A row of the IAQI breakpoint table (HJ 633-2012 Table 1; HJ 633-2026 Table 3): a pollutant and an averaging
 * time. PM10 and PM2.5 have only 24-hour rows; a PM 1-hour value is scored on the 24-hour row (HJ 633-2026
 * §4.2.4, and the project's rule for 2012 real-time data).
 */
public enum AqiIndicator {
    SO2_24H(Pollutant.SO2),
    SO2_1H(Pollutant.SO2),
    NO2_24H(Pollutant.NO2),
    NO2_1H(Pollutant.NO2),
    PM10_24H(Pollutant.PM10),
    PM25_24H(Pollutant.PM25),
    CO_24H(Pollutant.CO),
    CO_1H(Pollutant.CO),
    O3_1H(Pollutant.O3),
    O3_8H(Pollutant.O3);

    private final Pollutant pollutant;

    AqiIndicator(Pollutant pollutant) {
        this.pollutant = pollutant;
    }

    public Pollutant pollutant() {
        return pollutant;
    }

    /** {@code 1h}, {@code 8h} or {@code 24h}: the part of the name after the pollutant, in lower case. */
    public String averaging() {
        return name().substring(name().lastIndexOf('_') + 1).toLowerCase(Locale.ROOT);
    }
}
