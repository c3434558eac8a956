package org.envmon.standards.water;

import java.util.Locale;
import java.util.Optional;

/**
 * Kind of water body. GB 3838-2002 Table 1 differs for lakes and reservoirs in TP (item 8) and applies TN (item 9)
 * only to them (digest §5.1).
 */
public enum Waterbody {
    RIVER("river"),
    LAKE_RESERVOIR("lake");

    private final String code;

    Waterbody(String code) {
        this.code = code;
    }

    /** Short code used by the calculator's {@code --waterbody} option: {@code river} or {@code lake}. */
    public String code() {
        return code;
    }

    /** Parses {@code river}, {@code lake}, {@code reservoir}, {@code lake_reservoir} (case-insensitive). */
    public static Optional<Waterbody> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "river":
                return Optional.of(RIVER);
            case "lake":
            case "reservoir":
            case "lake_reservoir":
                return Optional.of(LAKE_RESERVOIR);
            default:
                return Optional.empty();
        }
    }
}
