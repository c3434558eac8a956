package org.envmon.hj212;

import java.util.Arrays;

/** Numeric per-pollutant fields and their CP key suffix (HJ 212-2017 §6.3.3, Table of field names; digest §9.4). */
public enum ValueField {
    /** {@code -Rtd} real-time value. */
    RTD("Rtd"),
    /** {@code -Avg} mean over the interval. */
    AVG("Avg"),
    /** {@code -Min} minimum over the interval. */
    MIN("Min"),
    /** {@code -Max} maximum over the interval. */
    MAX("Max"),
    /** {@code -Cou} cumulative amount. */
    COU("Cou"),
    /** {@code -ZsRtd} converted (折算) real-time value. */
    ZS_RTD("ZsRtd"),
    /** {@code -ZsAvg} converted mean. */
    ZS_AVG("ZsAvg"),
    /** {@code -ZsMin} converted minimum. */
    ZS_MIN("ZsMin"),
    /** {@code -ZsMax} converted maximum. */
    ZS_MAX("ZsMax");

    private static final ValueField[] VALUES = values();

    private final String suffix;

    ValueField(String suffix) {
        this.suffix = suffix;
    }

    /** The CP key suffix without the dash, e.g. {@code Rtd}. */
    public String suffix() {
        return suffix;
    }

    /** The field for a suffix (case-sensitive as on the wire), or null. */
    public static ValueField ofSuffix(String s) {
        return Arrays.stream(VALUES).filter(f -> f.suffix.equals(s)).findFirst().orElse(null);
    }

    static ValueField byOrdinal(int i) {
        return VALUES[i];
    }
}
