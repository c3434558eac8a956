package org.envmon.standards.water;

/**
 * Water quality status (水质状况) of the routine method, 环办〔2011〕22号 (digest §5.3), with its map colour.
 * Declaration order is from best to worst.
 */
public enum WaterQualityStatus {
    EXCELLENT("优", "blue"),
    GOOD("良好", "green"),
    LIGHTLY_POLLUTED("轻度污染", "yellow"),
    MODERATELY_POLLUTED("中度污染", "orange"),
    HEAVILY_POLLUTED("重度污染", "red");

    private final String label;
    private final String colour;

    WaterQualityStatus(String label, String colour) {
        this.label = label;
        this.colour = colour;
    }

    public String label() {
        return label;
    }

    public String colour() {
        return colour;
    }

    /** Section status (digest §5.3 first table): I–II 优, III 良好, IV 轻度, V 中度, 劣V 重度污染. */
    public static WaterQualityStatus ofSection(WaterClass waterClass) {
        switch (waterClass) {
            case I:
            case II:
                return EXCELLENT;
            case III:
                return GOOD;
            case IV:
                return LIGHTLY_POLLUTED;
            case V:
                return MODERATELY_POLLUTED;
            default:
                return HEAVILY_POLLUTED;
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
