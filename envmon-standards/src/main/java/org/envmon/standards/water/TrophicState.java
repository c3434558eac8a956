package org.envmon.standards.water;

/** Trophic state classes of TLI (digest §6, CNEMC 2001 [mem]). Declaration order: least to most eutrophic. */
public enum TrophicState {
    /** TLI &lt; 30. */
    OLIGOTROPHIC("贫营养"),
    /** 30 ≤ TLI ≤ 50. */
    MESOTROPHIC("中营养"),
    /** 50 &lt; TLI ≤ 60. */
    LIGHT_EUTROPHIC("轻度富营养"),
    /** 60 &lt; TLI ≤ 70. */
    MODERATE_EUTROPHIC("中度富营养"),
    /** TLI &gt; 70. */
    HEAVY_EUTROPHIC("重度富营养");

    private final String label;

    TrophicState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** 富营养 (TLI &gt; 50), any of the three eutrophic sub-classes. */
    public boolean isEutrophic() {
        return compareTo(LIGHT_EUTROPHIC) >= 0;
    }

    /** Class of a TLI value; the bounds 30, 50, 60, 70 are inclusive on the side the digest §6 table gives. */
    public static TrophicState of(double tli) {
        if (Double.isNaN(tli)) {
            throw new IllegalArgumentException("TLI is NaN");
        }
        if (tli < 30) {
            return OLIGOTROPHIC;
        }
        if (tli <= 50) {
            return MESOTROPHIC;
        }
        if (tli <= 60) {
            return LIGHT_EUTROPHIC;
        }
        if (tli <= 70) {
            return MODERATE_EUTROPHIC;
        }
        return HEAVY_EUTROPHIC;
    }

    @Override
    public String toString() {
        return label;
    }
}
