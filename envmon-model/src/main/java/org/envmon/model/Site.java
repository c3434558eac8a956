package org.envmon.model;

import java.util.Objects;

/**
 * A monitoring site (station, section, or emission outlet). Known on the wire by its MN; authenticates with a
 * password that is kept only as a hash ({@link PasswordHash}). A control site (对照点) is excluded from city evaluation.
 *
 * <p>Surface-water sections also carry their water-body type ({@link #waterbody}: {@code river}, {@code lake} or
 * {@code reservoir}; GB 3838-2002 Table 1 gives lakes and reservoirs a stricter TP limit), their target class
 * (水质目标, 1 = I … 5 = V, from the section's assessment plan) and whether they serve a centralised drinking-water
 * source (集中式饮用水水源地, GB 3838-2002 Tables 2 and 3 apply). All three are null/false for other sites.
 */
public record Site(
        String code,
        String name,
        Medium medium,
        String mn,
        String passwordHash,
        String province,
        String city,
        String county,
        String basin,
        Double latitude,
        Double longitude,
        boolean control,
        String waterbody,
        Integer targetClass,
        boolean drinkingWaterSource) {

    /** The water-body types a section may have. */
    public static final java.util.Set<String> WATERBODIES = java.util.Set.of("river", "lake", "reservoir");

    public Site {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(medium, "medium");
        if (waterbody != null && !WATERBODIES.contains(waterbody)) {
            throw new IllegalArgumentException("waterbody must be one of river, lake, reservoir: " + waterbody);
        }
        if (targetClass != null && (targetClass < 1 || targetClass > 5)) {
            throw new IllegalArgumentException("target class must be 1 (I) to 5 (V): " + targetClass);
        }
    }

    /** A site without water-section attributes. */
    public Site(String code, String name, Medium medium, String mn, String passwordHash, String province, String city,
            String county, String basin, Double latitude, Double longitude, boolean control) {
        this(code, name, medium, mn, passwordHash, province, city, county, basin, latitude, longitude, control, null,
                null, false);
    }

    /** This site with the water-section attributes replaced. */
    public Site withWaterSection(String waterbody, Integer targetClass, boolean drinkingWaterSource) {
        return new Site(code, name, medium, mn, passwordHash, province, city, county, basin, latitude, longitude,
                control, waterbody, targetClass, drinkingWaterSource);
    }
}
