package org.envmon.model.alert;

import java.util.Locale;

/** What an alert is about: one site (station, section) or a whole city (derived data such as the city AQI). */
public enum SubjectType {
    SITE, CITY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static SubjectType fromCode(String code) {
        for (SubjectType s : values()) {
            if (s.code().equalsIgnoreCase(code.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown subject type '" + code + "'; expected site or city");
    }
}
