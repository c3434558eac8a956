package org.envmon.model;

/** The averaging interval a value covers. HJ 212: 2011 real-time, 2051 minute, 2061 hour, 2031 day. */
public enum Interval {
    REALTIME, MINUTE, HOUR, DAY;

    public String code() {
        return Codes.of(this);
    }

    public static Interval fromCode(String code) {
        return Codes.parse(Interval.class, "interval", code);
    }
}
