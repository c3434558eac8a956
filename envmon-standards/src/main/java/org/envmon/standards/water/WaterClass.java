package org.envmon.standards.water;

import java.util.Arrays;
import java.util.Optional;

/**
 * Surface-water quality class of GB 3838-2002 (§4 functional classes I to V), plus "worse than V" (劣V) for a value
 * that fails the class V limit (digest §5.2). Declaration order is from best to worst.
 */
public enum WaterClass {
    I("I", "Ⅰ"),
    II("II", "Ⅱ"),
    III("III", "Ⅲ"),
    IV("IV", "Ⅳ"),
    V("V", "Ⅴ"),
    WORSE_THAN_V("劣V", "劣Ⅴ");

    private final String label;
    private final String romanLabel;

    WaterClass(String label, String romanLabel) {
        this.label = label;
        this.romanLabel = romanLabel;
    }

    /** ASCII Roman numerals as used in CSV output: I, II, III, IV, V, 劣V. */
    public String label() {
        return label;
    }

    /** The bulletin spelling with Unicode Roman numerals: Ⅰ … Ⅴ, 劣Ⅴ (as published by CNEMC). */
    public String romanLabel() {
        return romanLabel;
    }

    /** True when this class is strictly worse than {@code other}. */
    public boolean isWorseThan(WaterClass other) {
        return compareTo(other) > 0;
    }

    /** The worse of two classes. */
    public static WaterClass worst(WaterClass a, WaterClass b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** I to III: the classes that count as "meeting class III" (达到或优于Ⅲ类). */
    public boolean isAtLeastIII() {
        return compareTo(III) <= 0;
    }

    /**
     * Parses either spelling ({@code "II"}, {@code "Ⅱ"}, {@code "劣V"}, {@code "劣Ⅴ"}, also the enum name
     * such as {@code "worse_than_v"}). Returns empty for anything else, including the published "--" (not assessed).
     */
    public static Optional<WaterClass> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        return Arrays.stream(values())
                .filter(c -> c.label.equalsIgnoreCase(t) || c.romanLabel.equals(t) || c.name().equalsIgnoreCase(t))
                .findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}
