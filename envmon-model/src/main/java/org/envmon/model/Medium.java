package org.envmon.model;

/** What a site monitors. The lower-case name is the wire and CSV form ("surface_water"). */
public enum Medium {
    AIR, SURFACE_WATER, GROUNDWATER, SOIL, SEA, NOISE, RADIATION, ECOLOGY, GHG, SOURCE_GAS, SOURCE_WATER;

    public String code() {
        return Codes.of(this);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static Medium fromCode(String code) {
        return Codes.parse(Medium.class, "medium", code);
    }
}
