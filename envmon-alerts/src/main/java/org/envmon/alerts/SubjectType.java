package org.envmon.alerts;

import java.util.Locale;

/** What an alert is about: one site (station, section) or a whole city (derived data such as the city AQI). */
public enum SubjectType {
    SITE, CITY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
