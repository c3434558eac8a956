package org.envmon.standards.noise;

import java.util.Locale;
import java.util.Optional;

/** Acoustic environment functional zone classes of GB 3096-2008 §4 (digest §7). */
public enum NoiseZone {
    /** 0: rehabilitation and convalescence areas needing special quiet. */
    ZONE_0("0"),
    /** 1: residential, medical, cultural and education, administrative. */
    ZONE_1("1"),
    /** 2: mixed commercial, market and residential. */
    ZONE_2("2"),
    /** 3: industrial and warehousing. */
    ZONE_3("3"),
    /** 4a: both sides of highways, urban expressways and arterials, inland waterways. */
    ZONE_4A("4a"),
    /** 4b: both sides of railway trunk lines. */
    ZONE_4B("4b");

    private final String code;

    NoiseZone(String code) {
        this.code = code;
    }

    /** The code as written in the standard: 0, 1, 2, 3, 4a, 4b. */
    public String code() {
        return code;
    }

    /** Parses 0, 1, 2, 3, 4a, 4b (case-insensitive; "4A" accepted). */
    public static Optional<NoiseZone> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (NoiseZone z : values()) {
            if (z.code.equals(t)) {
                return Optional.of(z);
            }
        }
        return Optional.empty();
    }
}
