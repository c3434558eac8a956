package org.envmon.model;

import java.util.Locale;

/** The averaging interval a value covers. HJ 212: 2011 real-time, 2051 minute, 2061 hour, 2031 day. */
public enum Interval {
    REALTIME, MINUTE, HOUR, DAY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Interval fromCode(String code) {
        for (Interval i : values()) {
            if (i.code().equalsIgnoreCase(code.trim())) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown interval '" + code + "'; expected realtime, minute, hour or day");
    }
}
