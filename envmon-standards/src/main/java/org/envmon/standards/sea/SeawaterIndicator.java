package org.envmon.standards.sea;

/** GB 3097-1997 Table 1 indicators classified here (digest §8.2). mg/L except pH (dimensionless). */
public enum SeawaterIndicator {
    PH("ph", "pH"),
    DO("do", "溶解氧"),
    COD("cod", "化学需氧量"),
    BOD5("bod5", "生化需氧量"),
    /** Inorganic nitrogen (as N) = NO3-N + NO2-N + NH3-N; see {@link SeawaterClassification#inorganicNitrogen}. */
    DIN("din", "无机氮"),
    UNIONIZED_NH3("nh3_unionized", "非离子氨"),
    PHOSPHATE("phosphate", "活性磷酸盐"),
    PETROLEUM("petroleum", "石油类"),
    HG("hg", "汞"),
    CD("cd", "镉"),
    PB("pb", "铅"),
    CR6("cr6", "六价铬"),
    AS("as", "砷");

    private final String column;
    private final String chineseName;

    SeawaterIndicator(String column, String chineseName) {
        this.column = column;
        this.chineseName = chineseName;
    }

    public String column() {
        return column;
    }

    public String chineseName() {
        return chineseName;
    }
}
