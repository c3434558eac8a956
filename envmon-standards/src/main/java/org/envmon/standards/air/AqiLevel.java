package org.envmon.standards.air;

/**
 * AQI levels, categories and colours: HJ 633-2012 §4.3 Table 2 and Annex A Table A.1; HJ 633-2026 §4.1.1 Table 1
 * and Annex A Table A.1 (digest §1A.5, §1B.5 [confirmed]; identical in both editions, except that 2026 writes
 * level 1 as 1–50). AQI 0 is level 1 (project decision).
 */
public enum AqiLevel {
    LEVEL_1(1, 0, 50, "一级", "优", "Excellent", "green", "#00E400", 0, 228, 0),
    LEVEL_2(2, 51, 100, "二级", "良", "Good", "yellow", "#FFFF00", 255, 255, 0),
    LEVEL_3(3, 101, 150, "三级", "轻度污染", "Lightly polluted", "orange", "#FF7E00", 255, 126, 0),
    LEVEL_4(4, 151, 200, "四级", "中度污染", "Moderately polluted", "red", "#FF0000", 255, 0, 0),
    LEVEL_5(5, 201, 300, "五级", "重度污染", "Heavily polluted", "purple", "#99004C", 153, 0, 76),
    LEVEL_6(6, 301, Integer.MAX_VALUE, "六级", "严重污染", "Severely polluted", "maroon", "#7E0023", 126, 0, 35);

    private final int number;
    private final int low;
    private final int high;
    private final String levelZh;
    private final String categoryZh;
    private final String categoryEn;
    private final String colourName;
    private final String hex;
    private final int r;
    private final int g;
    private final int b;

    AqiLevel(int number, int low, int high, String levelZh, String categoryZh, String categoryEn,
            String colourName, String hex, int r, int g, int b) {
        this.number = number;
        this.low = low;
        this.high = high;
        this.levelZh = levelZh;
        this.categoryZh = categoryZh;
        this.categoryEn = categoryEn;
        this.colourName = colourName;
        this.hex = hex;
        this.r = r;
        this.g = g;
        this.b = b;
    }

    /** Level of an (integer) AQI ≥ 0. */
    public static AqiLevel of(int aqi) {
        if (aqi < 0) {
            throw new IllegalArgumentException("negative AQI " + aqi);
        }
        if (aqi <= 50) {
            return LEVEL_1;
        } else if (aqi <= 100) {
            return LEVEL_2;
        } else if (aqi <= 150) {
            return LEVEL_3;
        } else if (aqi <= 200) {
            return LEVEL_4;
        } else if (aqi <= 300) {
            return LEVEL_5;
        }
        return LEVEL_6;
    }

    /** 1 … 6. */
    public int number() {
        return number;
    }

    public int low() {
        return low;
    }

    /** Upper AQI bound, {@link Integer#MAX_VALUE} for level 6. */
    public int high() {
        return high;
    }

    /** 一级 … 六级. */
    public String levelZh() {
        return levelZh;
    }

    /** 优, 良, 轻度污染, 中度污染, 重度污染, 严重污染. */
    public String categoryZh() {
        return categoryZh;
    }

    public String categoryEn() {
        return categoryEn;
    }

    public String colourName() {
        return colourName;
    }

    /** {@code #RRGGBB}. */
    public String hex() {
        return hex;
    }

    public int red() {
        return r;
    }

    public int green() {
        return g;
    }

    public int blue() {
        return b;
    }
}
