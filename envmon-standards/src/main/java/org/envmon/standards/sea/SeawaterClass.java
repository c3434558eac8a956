package org.envmon.standards.sea;

/**
 * Seawater quality class, GB 3097-1997 §3 (digest §8.2): classes 1 to 4, and "worse than class 4" (劣四类, the
 * bulletin term). Declaration order is best to worst.
 */
public enum SeawaterClass {
    CLASS_1("第一类"),
    CLASS_2("第二类"),
    CLASS_3("第三类"),
    CLASS_4("第四类"),
    WORSE_THAN_4("劣四类");

    private final String label;

    SeawaterClass(String label) {
        this.label = label;
    }

    /** Chinese label as in bulletins. */
    public String label() {
        return label;
    }

    /** Short code: 1, 2, 3, 4 or "worse4". */
    public String code() {
        return this == WORSE_THAN_4 ? "worse4" : String.valueOf(ordinal() + 1);
    }

    public static SeawaterClass worst(SeawaterClass a, SeawaterClass b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
