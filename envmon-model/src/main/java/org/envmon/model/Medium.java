package org.envmon.model;

import java.util.Locale;

/** What a site monitors. The lower-case name is the wire and CSV form ("surface_water"). */
public enum Medium {
    AIR, SURFACE_WATER, GROUNDWATER, SOIL, SEA, NOISE, RADIATION, ECOLOGY, GHG, SOURCE_GAS, SOURCE_WATER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static Medium fromCode(String code) {
        for (Medium m : values()) {
            if (m.code().equalsIgnoreCase(code.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown medium '" + code + "'; expected one of "
                + java.util.Arrays.stream(values()).map(Medium::code).toList());
    }
}
