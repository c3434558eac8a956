package org.envmon.reports;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.envmon.evaluation.WaterEvaluator;
import org.envmon.standards.water.Exceedance;
import org.envmon.standards.water.GroupEvaluation;
import org.envmon.standards.water.WaterClass;
import org.envmon.standards.water.WaterParameter;
import org.envmon.standards.water.WaterQualityIndex;
import org.envmon.standards.water.WaterQualityStatus;
import org.envmon.standards.water.WaterRounding;
import org.envmon.standards.water.Waterbody;
import org.envmon.store.Site;

/**
 * Builds the monthly surface-water tables (GB 3838-2002, 环办〔2011〕22号, 环办监测〔2017〕51号) from
 * {@link WaterEvaluator} results: {@code sections} (section, basin, province, water body, class, status, main
 * pollutants with exceedance multiples, CWQI), {@code basins} and {@code provinces} (sections per class, shares of
 * I–III and 劣V, status, method) and {@code cwqi} (city CWQI ranking). Class multiples, shares and the CWQI display
 * value come from the standards library's own methods (2 decimals half-even for multiples and CWQI, 1 decimal for
 * shares); nothing is reclassified here.
 */
public final class WaterReports {

    private WaterReports() {
    }

    /** One section's month with the site data shown in the table. */
    public record SectionRow(String code, String name, String basin, String province, String city, boolean control,
            WaterEvaluator.SectionMonth month) {
        public SectionRow {
            Objects.requireNonNull(code, "code");
            name = name == null ? code : name;
            Objects.requireNonNull(month, "month");
        }

        public static SectionRow of(Site site, WaterEvaluator.SectionMonth month) {
            return new SectionRow(site.code(), site.name(), site.basin(), site.province(), site.city(),
                    site.control(), month);
        }
    }

    /**
     * The monthly report.
     *
     * @param byBasin    {@code WaterEvaluator.evaluateGroups(…, Site::basin)}; null or empty leaves out {@code basins}
     * @param byProvince the same by province; null or empty leaves out {@code provinces}
     * @param ranking    {@code WaterEvaluator.rankCities}; null or empty leaves out {@code cwqi}
     */
    public static Report monthReport(YearMonth month, List<SectionRow> sections, Map<String, GroupEvaluation> byBasin,
            Map<String, GroupEvaluation> byProvince, List<WaterQualityIndex.Ranked> ranking, Instant generatedAt) {
        ReportPeriod period = ReportPeriod.of(month);
        List<Table> tables = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (sections != null && !sections.isEmpty()) {
            tables.add(sectionTable(period, sections));
            List<String> controls = sections.stream().filter(SectionRow::control).map(SectionRow::name).toList();
            if (!controls.isEmpty()) {
                notes.add("对照断面（" + String.join("、", controls) + "）参与流域、省份评价，不参与城市 CWQI 计算。");
            }
        }
        if (byBasin != null && !byBasin.isEmpty()) {
            tables.add(groupTable("basins", "流域", "各流域水质状况（" + period.label() + "）", byBasin));
        }
        if (byProvince != null && !byProvince.isEmpty()) {
            tables.add(groupTable("provinces", "省份", "各省份水质状况（" + period.label() + "）", byProvince));
        }
        if (ranking != null && !ranking.isEmpty()) {
            tables.add(cwqiTable(period, ranking));
        }
        notes.add("断面水质类别按 GB 3838-2002 单因子评价，评价指标为表1中除水温、总氮、粪大肠菌群以外的21项；"
                + "月均值为当月有效监测值的算术平均，" + roundingNote(sections) + "。");
        notes.add("断面数不少于5个的流域（省份）按各类别断面比例评价，少于5个时按断面平均浓度评价。");
        String subtitle = "评价时段：" + period.label() + "（" + period.from() + "至" + period.to() + "）"
                + "；评价标准：GB 3838-2002《地表水环境质量标准》，环办〔2011〕22号；城市排名：环办监测〔2017〕51号";
        return new Report(period.label() + "地表水环境质量评价", subtitle, generatedAt, tables, notes);
    }

    /** How the monthly means were rounded before classing, e.g. "按 GB/T 8170 修约（pH 0位小数、…）后分类". */
    static String roundingNote(List<SectionRow> sections) {
        WaterRounding r = sections == null || sections.isEmpty() ? WaterRounding.NONE
                : sections.get(0).month().rounding();
        if (r.decimals().isEmpty()) {
            return "分类前不修约";
        }
        return "按 GB/T 8170 修约至报告位数（" + r.decimals().entrySet().stream()
                .map(e -> (e.getKey() == WaterParameter.PH ? "pH" : e.getKey().chineseName()) + " " + e.getValue()
                        + "位小数")
                .collect(Collectors.joining("、")) + "）后分类，CWQI 与流域、省份评价均基于修约值";
    }

    static Table sectionTable(ReportPeriod period, List<SectionRow> sections) {
        Table.Builder b = Table.builder("sections", "各断面水质类别（" + period.label() + "）")
                .column("code", "断面编码")
                .column("name", "断面名称")
                .column("basin", "所属流域")
                .column("province", "省份")
                .column("city", "城市")
                .column("waterbody", "水体类型")
                .column("class", "水质类别")
                .column("status", "水质状况")
                .column("main_pollutants", "主要污染指标（超标倍数）")
                .column("cwqi", "CWQI");
        for (SectionRow s : sections) {
            WaterEvaluator.SectionMonth m = s.month();
            String mains = m.result().mainPollutants().stream().map(WaterReports::withMultiple)
                    .collect(Collectors.joining("、"));
            b.row(Cell.text(s.code()), Cell.text(s.name()), Cell.text(s.basin()), Cell.text(s.province()),
                    Cell.text(s.city()), Cell.text(m.waterbody() == Waterbody.RIVER ? "河流" : "湖库"),
                    Cell.text(m.waterClass().map(WaterClass::romanLabel).orElse("")),
                    Cell.text(m.result().status().map(WaterQualityStatus::label).orElse("")),
                    Cell.text(mains),
                    Cell.decimal(m.cwqi().map(WaterQualityIndex::display).orElse(null), 2));
        }
        b.note("主要污染指标为超过Ⅲ类标准的前三项，括号内为超标倍数 =（浓度 − Ⅲ类标准限值）/ Ⅲ类标准限值，保留2位小数；"
                + "水质类别为Ⅰ～Ⅲ类的断面不列主要污染指标。");
        return b.build();
    }

    private static String withMultiple(Exceedance e) {
        return e.parameter().chineseName() + "（" + e.multiple(2).toPlainString() + "）";
    }

    static Table groupTable(String id, String groupTitle, String caption, Map<String, GroupEvaluation> groups) {
        Table.Builder b = Table.builder(id, caption)
                .column("name", groupTitle)
                .column("sections", "断面数", "个");
        for (WaterClass c : WaterClass.values()) {
            b.column("class_" + c.name().toLowerCase(java.util.Locale.ROOT), c.romanLabel() + "类", "个");
        }
        b.column("mean_class", "平均浓度类别")
                .column("share_i_iii", "Ⅰ～Ⅲ类比例", Labels.PERCENT)
                .column("share_worse_v", "劣Ⅴ类比例", Labels.PERCENT)
                .column("status", "水质状况")
                .column("method", "评价方法");
        groups.forEach((name, g) -> {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(name));
            row.add(Cell.integer(g.sections()));
            for (WaterClass c : WaterClass.values()) {
                row.add(Cell.integer(g.counts().get(c)));
            }
            row.add(Cell.text(g.meanConcentrationResult().flatMap(r -> r.sectionClass())
                    .map(WaterClass::romanLabel).orElse("")));
            row.add(Cell.percent(g.shareAtLeastIIIPercent(1), 1));
            row.add(Cell.percent(g.shareWorseThanVPercent(1), 1));
            row.add(Cell.text(g.status().map(WaterQualityStatus::label).orElse("无法判定")));
            row.add(Cell.text(g.method() == GroupEvaluation.Method.SHARES ? "断面类别比例法" : "断面平均浓度法"));
            b.row(row);
        });
        if (groups.values().stream().anyMatch(g -> g.method() == GroupEvaluation.Method.MEAN_CONCENTRATION)) {
            b.note("断面数少于5个时按断面平均浓度评价，水质状况由“平均浓度类别”确定，各类别断面数仅供参考；"
                    + "河流与湖库混合时各断面按湖库标准分类。");
        }
        return b.build();
    }

    static Table cwqiTable(ReportPeriod period, List<WaterQualityIndex.Ranked> ranking) {
        Table.Builder b = Table.builder("cwqi", "城市地表水环境质量指数（CWQI）排名（" + period.label() + "）")
                .column("rank", "排名")
                .column("city", "城市")
                .column("cwqi", "CWQI");
        for (WaterQualityIndex.Ranked r : ranking) {
            b.row(Cell.integer(r.rank()), Cell.text(r.city()), Cell.decimal(WaterQualityIndex.display(r.index()), 2));
        }
        b.note("CWQI 越小水质越好；按未修约的指数排名，数值相同者名次并列；表中指数保留2位小数。");
        return b.build();
    }
}
