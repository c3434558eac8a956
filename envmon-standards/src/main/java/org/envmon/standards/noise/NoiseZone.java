package org.envmon.standards.noise;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Acoustic environment functional zone classes of GB 3096-2008 §4 (digest §7). */
public enum NoiseZone {
    /** 0: rehabilitation and convalescence areas needing special quiet. */
    ZONE_0,
    /** 1: residential, medical, cultural and education, administrative. */
    ZONE_1,
    /** 2: mixed commercial, market and residential. */
    ZONE_2,
    /** 3: industrial and warehousing. */
    ZONE_3,
    /** 4a: both sides of highways, urban expressways and arterials, inland waterways. */
    ZONE_4A,
    /** 4b: both sides of railway trunk lines. */
    ZONE_4B;

    /** The code as written in the standard: 0, 1, 2, 3, 4a, 4b (the constant's name after {@code ZONE_}). */
    public String code() {
        return name().substring("ZONE_".length()).toLowerCase(Locale.ROOT);
    }

    /** Parses 0, 1, 2, 3, 4a, 4b (case-insensitive; "4A" accepted). */
    public static Optional<NoiseZone> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(z -> z.code().equals(t)).findFirst();
    }
}
