package org.envmon.model.alert;

import org.envmon.model.Codes;

/** What an alert is about: one site (station, section) or a whole city (derived data such as the city AQI). */
public enum SubjectType {
    SITE, CITY;

    public String code() {
        return Codes.of(this);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static SubjectType fromCode(String code) {
        return Codes.parse(SubjectType.class, "subject type", code);
    }
}
