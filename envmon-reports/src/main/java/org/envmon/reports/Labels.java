package org.envmon.reports;

import java.util.List;
import java.util.stream.Collectors;
import org.envmon.standards.air.Gb3095Stage;
import org.envmon.standards.air.Pollutant;

/** Chinese labels and units shared by the report builders. */
final class Labels {

    /** µg/m³ (U+00B5 micro sign and U+00B3, both in every Latin font and in WinAnsi). */
    static final String UG_M3 = "\u00B5g/m\u00B3";
    static final String MG_M3 = "mg/m\u00B3";
    static final String MG_L = "mg/L";
    static final String PERCENT = "%";

    private Labels() {
    }

    static String unit(Pollutant p) {
        return p == Pollutant.CO ? MG_M3 : UG_M3;
    }

    static String stage(Gb3095Stage s) {
        return switch (s) {
            case GB3095_2012 -> "GB 3095-2012（含2018年修改单）二级浓度限值";
            case GB3095_2026_TRANSITION -> "GB 3095-2026 过渡阶段二级浓度限值";
            case GB3095_2026_FINAL -> "GB 3095-2026 二级浓度限值";
        };
    }

    /** PM2.5, O3 …; several joined with "、"; empty list → empty string. */
    static String pollutants(List<Pollutant> ps) {
        return ps.stream().map(Pollutant::display).collect(Collectors.joining("、"));
    }

    /** The statistic as printed in a city table. */
    static String statistic(Pollutant p, String statistic, boolean wholeYear) {
        String mean = wholeYear ? "年平均浓度" : "平均浓度";
        return switch (statistic) {
            case "annual_mean" -> mean;
            case "p98" -> "日均值第98百分位数";
            case "p95" -> "日均值第95百分位数";
            case "p90" -> p == Pollutant.O3 ? "日最大8小时平均第90百分位数" : "第90百分位数";
            default -> statistic;
        };
    }
}
