package org.envmon.standards.sea;

import java.util.Locale;

/** GB 3097-1997 Table 1 indicators classified here (digest §8.2). mg/L except pH (dimensionless). */
public enum SeawaterIndicator {
    PH("pH"),
    DO("溶解氧"),
    COD("化学需氧量"),
    BOD5("生化需氧量"),
    /** Inorganic nitrogen (as N) = NO3-N + NO2-N + NH3-N; see {@link SeawaterClassification#inorganicNitrogen}. */
    DIN("无机氮"),
    NH3_UNIONIZED("非离子氨"),
    PHOSPHATE("活性磷酸盐"),
    PETROLEUM("石油类"),
    HG("汞"),
    CD("镉"),
    PB("铅"),
    CR6("六价铬"),
    AS("砷");

    private final String chineseName;

    SeawaterIndicator(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The column name: the constant's name in lower case ({@code nh3_unionized}). */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String chineseName() {
        return chineseName;
    }
}
