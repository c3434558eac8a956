package org.envmon.standards.air;

import java.util.Locale;

/**
 * A row of the IAQI breakpoint table (HJ 633-2012 Table 1; HJ 633-2026 Table 3): a pollutant and an averaging
 * time. PM10 and PM2.5 have only 24-hour rows; a PM 1-hour value is scored on the 24-hour row (HJ 633-2026
 * §4.2.4, and the project's rule for 2012 real-time data).
 */
public enum AqiIndicator {
    SO2_24H,
    SO2_1H,
    NO2_24H,
    NO2_1H,
    PM10_24H,
    PM25_24H,
    CO_24H,
    CO_1H,
    O3_1H,
    O3_8H;

    private final Pollutant pollutant = Pollutant.valueOf(name().substring(0, name().lastIndexOf('_')));

    /** The pollutant: the part of the name before the averaging time ({@code PM25} of {@code PM25_24H}). */
    public Pollutant pollutant() {
        return pollutant;
    }

    /** {@code 1h}, {@code 8h} or {@code 24h}: the part of the name after the pollutant, in lower case. */
    public String averaging() {
        return name().substring(name().lastIndexOf('_') + 1).toLowerCase(Locale.ROOT);
    }
}
