package org.envmon.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.envmon.evaluation.StationDaily;
import org.envmon.evaluation.AirRanking;
import org.envmon.standards.air.AirEdition;
import org.envmon.standards.air.AirQualityEvaluation.PeriodEvaluation;
import org.envmon.standards.air.AirQualityEvaluation.PeriodStatistic;
import org.envmon.standards.air.AqiLevel;
import org.envmon.standards.air.Gb3095Stage;
import org.envmon.standards.air.Pollutant;
import org.envmon.model.Site;

/**
 * Builds the air-quality tables a monitoring centre publishes for a city and period, from evaluation results
 * ({@code AirEvaluator.period}, {@code AirEvaluator.daily}, {@code AirRanking.rank}). Every number is taken as the
 * result reports it (GB/T 8170-rounded concentrations, composite index to 2 decimals, shares to 1 decimal); nothing
 * is recomputed or re-rounded here.
 *
 * <p>Tables (ids): {@code stations} (per station: valid days, SO2/NO2/PM10/PM2.5 means, CO p95, O3-8h p90, good-day
 * share, composite index), {@code city} (city statistics against the Class 2 limits, compliance, exceedance
 * multiples), {@code overview} (city good/heavy days, composite index, overall compliance), {@code daily} (city
 * daily AQI, level, category, primary pollutant, daily values), {@code ranking} (rank, city, value, last year,
 * change). A table whose input is not given is left out.
 */
public final class AirReports {

    /** Publication order of the six basic pollutants. */
    private static final List<Pollutant> ORDER = Pollutant.BASIC;

    private AirReports() {
    }

    /**
     * One station's period result.
     *
     * @param control control site (对照点): listed, but not part of the city evaluation
     */
    public record StationRow(String code, String name, boolean control, PeriodEvaluation period) {
        public StationRow {
            Objects.requireNonNull(code, "code");
            name = name == null ? code : name;
            Objects.requireNonNull(period, "period");
        }

        public static StationRow of(Site site, PeriodEvaluation period) {
            return new StationRow(site.code(), site.name(), site.control(), period);
        }
    }

    /**
     * The city report.
     *
     * @param city       city name as shown
     * @param period     the days evaluated
     * @param stations   station results (control sites included; they are marked and noted); may be empty
     * @param cityPeriod the city's period evaluation ({@code AirEvaluator.period} on the city daily values); null
     *                   leaves out {@code city} and {@code overview}
     * @param cityDaily  the city's daily values; null leaves out {@code daily}
     * @param ranking    the ranking of cities for the same period; null leaves out {@code ranking}
     */
    public static Report cityReport(String city, ReportPeriod period, List<StationRow> stations,
            PeriodEvaluation cityPeriod, StationDaily cityDaily, AirRanking.Ranking ranking, Instant generatedAt) {
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(period, "period");
        AirEdition edition = cityPeriod != null ? cityPeriod.edition() : AirEdition.forPeriodEnding(period.to());
        Gb3095Stage stage = cityPeriod != null ? cityPeriod.stage() : Gb3095Stage.of(edition, period.to());
        List<Table> tables = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (stations != null && !stations.isEmpty()) {
            tables.add(stationTable(city, period, stations));
            List<String> controls = stations.stream().filter(StationRow::control).map(StationRow::name).toList();
            if (!controls.isEmpty()) {
                notes.add("对照点（" + String.join("、", controls) + "）单独列出，不参与城市均值计算和城市评价。");
            }
        }
        if (cityPeriod != null) {
            tables.add(cityTable(city, period, cityPeriod));
            tables.add(overviewTable(city, cityPeriod));
            boolean incomplete = cityPeriod.statistics().stream().anyMatch(s -> !s.complete());
            if (incomplete) {
                notes.add("达标判定仅适用于满足 GB 3095 数据有效性规定的统计（全年不少于324个日均值，每月不少于27个，"
                        + "2月不少于25个）；不满足时达标情况标为“数据不足”，浓度和超标倍数仅供参考。");
            }
        }
        if (cityDaily != null) {
            tables.add(dailyTable(city, period, cityDaily));
        }
        if (ranking != null) {
            tables.add(rankingTable(city, period, ranking));
        }
        notes.add("城市浓度为各评价点（不含对照点）逐小时浓度的算术平均再统计所得；有效天数为日 AQI 参与优良天数统计的天数。");
        notes.add("数值修约：浓度按 GB/T 8170 修约（µg/m³ 取整数，CO 保留1位小数），综合指数保留2位小数，比例保留1位小数；"
                + "表中数值均取自评价结果，未再次修约。");
        String subtitle = "评价时段：" + period.label()
                + (period.isYear() || period.isMonth() ? "（" + period.from() + "至" + period.to() + "）" : "")
                + "；评价标准：" + edition.standards() + "；限值：" + Labels.stage(stage);
        return new Report(city + period.label() + "环境空气质量评价", subtitle, generatedAt, tables, notes);
    }

    // -------------------------------------------------------------------------------------------- stations

    static Table stationTable(String city, ReportPeriod period, List<StationRow> stations) {
        boolean year = period.isYear();
        String mean = year ? "年均浓度" : "平均浓度";
        Table.Builder b = Table.builder("stations", city + "各监测站点环境空气质量统计（" + period.label() + "）")
                .column("code", "站点编码")
                .column("name", "站点名称")
                .column("type", "站点类型")
                .column("valid_days", "有效天数", "天")
                .column("so2", "SO2 " + mean, Labels.UG_M3)
                .column("no2", "NO2 " + mean, Labels.UG_M3)
                .column("pm10", "PM10 " + mean, Labels.UG_M3)
                .column("pm25", "PM2.5 " + mean, Labels.UG_M3)
                .column("co_p95", "CO 日均值第95百分位数", Labels.MG_M3)
                .column("o3_8h_p90", "O3 日最大8小时平均第90百分位数", Labels.UG_M3)
                .column("good_ratio", "优良天数比例", Labels.PERCENT)
                .column("composite", "综合指数");
        for (StationRow s : stations) {
            PeriodEvaluation e = s.period();
            b.row(Cell.text(s.code()), Cell.text(s.name()), Cell.text(s.control() ? "对照点" : "评价点"),
                    Cell.integer(e.aqiValidDays()),
                    value(e, Pollutant.SO2, "annual_mean"), value(e, Pollutant.NO2, "annual_mean"),
                    value(e, Pollutant.PM10, "annual_mean"), value(e, Pollutant.PM25, "annual_mean"),
                    value(e, Pollutant.CO, "p95"), value(e, Pollutant.O3, "p90"),
                    Cell.percent(e.goodDaysRatio(), 1), Cell.decimal(e.composite().total(), 2));
        }
        b.note("综合指数为 SO2、NO2、PM10、PM2.5 平均浓度，CO 日均值第95百分位数和 O3 日最大8小时平均第90百分位数"
                + "各自与二级标准之比的和（不加权）；任一项缺失时不计算。");
        return b.build();
    }

    private static Cell value(PeriodEvaluation e, Pollutant p, String statistic) {
        return statistic(e, p, statistic).map(s -> Cell.decimal(s.value(), p.reportedDecimals()))
                .orElse(Cell.missing());
    }

    private static Optional<PeriodStatistic> statistic(PeriodEvaluation e, Pollutant p, String statistic) {
        return e.statistics().stream().filter(s -> s.pollutant() == p && s.statistic().equals(statistic))
                .findFirst();
    }

    // -------------------------------------------------------------------------------------------- city

    static Table cityTable(String city, ReportPeriod period, PeriodEvaluation e) {
        Table.Builder b = Table.builder("city", city + "环境空气质量达标情况（" + period.label() + "）")
                .column("pollutant", "污染物")
                .column("statistic", "统计指标")
                .column("unit", "单位")
                .column("valid_days", "有效天数", "天")
                .column("value", "浓度")
                .column("limit", "二级标准限值")
                .column("compliance", "达标情况")
                .column("multiple", "超标倍数");
        for (Pollutant p : ORDER) {
            for (PeriodStatistic s : e.statistics()) {
                if (s.pollutant() != p) {
                    continue;
                }
                Optional<Boolean> ok = s.compliantClass2();
                String compliance = ok.map(c -> c ? "达标" : "超标")
                        .orElse(s.value().isPresent() ? "数据不足" : "无数据");
                b.row(Cell.text(p.display()), Cell.text(Labels.statistic(p, s.statistic(), period.isYear())),
                        Cell.text(Labels.unit(p)), Cell.integer(s.validDays()),
                        Cell.decimal(s.value(), p.reportedDecimals()), asGiven(s.limitClass2()),
                        Cell.text(compliance), Cell.decimal(s.exceedanceMultipleClass2(), 2));
            }
        }
        b.note("超标倍数 =（浓度 − 二级标准限值）/ 二级标准限值，保留2位小数，仅对超过限值的统计列出。");
        return b.build();
    }

    static Table overviewTable(String city, PeriodEvaluation e) {
        String overall = e.compliantClass2().map(c -> c ? "达标" : "未达标").orElse("数据不足");
        return Table.builder("overview", city + "环境空气质量综合评价")
                .column("city", "城市")
                .column("valid_days", "有效天数", "天")
                .column("good_days", "优良天数", "天")
                .column("good_ratio", "优良天数比例", Labels.PERCENT)
                .column("heavy_days", "重度及以上污染天数", "天")
                .column("heavy_ratio", "重度及以上污染天数比例", Labels.PERCENT)
                .column("composite", "综合指数")
                .column("max_item", "最大单项指数污染物")
                .column("class2", "六项污染物二级标准综合达标")
                .row(Cell.text(city), Cell.integer(e.aqiValidDays()), Cell.integer(e.goodDays()),
                        Cell.percent(e.goodDaysRatio(), 1), Cell.integer(e.heavyDays()),
                        Cell.percent(e.heavyDaysRatio(), 1), Cell.decimal(e.composite().total(), 2),
                        Cell.text(e.composite().primary().map(Pollutant::display).orElse("")), Cell.text(overall))
                .build();
    }

    // -------------------------------------------------------------------------------------------- daily

    static Table dailyTable(String city, ReportPeriod period, StationDaily d) {
        Table.Builder b = Table.builder("daily", city + "逐日空气质量指数（" + period.label() + "）")
                .column("date", "日期")
                .column("aqi", "AQI")
                .column("level", "级别")
                .column("category", "类别")
                .column("primary", "首要污染物")
                .column("so2", "SO2", Labels.UG_M3)
                .column("no2", "NO2", Labels.UG_M3)
                .column("pm10", "PM10", Labels.UG_M3)
                .column("pm25", "PM2.5", Labels.UG_M3)
                .column("co", "CO", Labels.MG_M3)
                .column("o3_8h", "O3 日最大8小时", Labels.UG_M3);
        Set<AirEdition> editions = EnumSet.noneOf(AirEdition.class);
        for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
            int i = d.grid().dayIndex(day);
            if (i < 0) {
                b.row(Cell.text(day.toString()), Cell.missing(), Cell.missing(), Cell.missing(), Cell.missing(),
                        Cell.missing(), Cell.missing(), Cell.missing(), Cell.missing(), Cell.missing(),
                        Cell.missing());
                continue;
            }
            editions.add(d.edition(i));
            int aqi = d.aqi(i);
            Optional<AqiLevel> level = d.level(i);
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(day.toString()));
            row.add(aqi < 0 ? Cell.missing() : Cell.integer(aqi));
            row.add(Cell.text(level.map(AqiLevel::levelZh).orElse("")));
            row.add(Cell.text(level.map(AqiLevel::categoryZh).orElse("")));
            row.add(Cell.text(Labels.pollutants(d.primary(i))));
            int[] idx = {0, 1, 2, 3, 4, StationDaily.O3_MAX_8H};
            for (int k = 0; k < idx.length; k++) {
                Pollutant p = ORDER.get(k);
                row.add(Cell.decimal(d.decimal(idx[k], i), p.reportedDecimals()));
            }
            b.row(row);
        }
        b.note("AQI 不大于50时不列首要污染物；“—”表示当日该项数据不足（日均值需不少于20个有效小时值）。");
        if (editions.size() > 1) {
            b.note("时段跨越2026年3月1日：此前各日按 HJ 633-2012 计算 AQI，此后各日按 HJ 633-2026 计算。");
        }
        return b.build();
    }

    // -------------------------------------------------------------------------------------------- ranking

    static Table rankingTable(String city, ReportPeriod period, AirRanking.Ranking r) {
        String what;
        String unit;
        String change;
        String changeUnit;
        int scale;
        switch (r.by()) {
            case PM25 -> {
                what = "PM2.5 平均浓度";
                unit = Labels.UG_M3;
                change = "变化率";
                changeUnit = Labels.PERCENT;
                scale = 0;
            }
            case GOOD_DAYS -> {
                what = "优良天数比例";
                unit = Labels.PERCENT;
                change = "变化";
                changeUnit = "百分点";
                scale = 1;
            }
            default -> {
                what = "综合指数";
                unit = "";
                change = "变化率";
                changeUnit = Labels.PERCENT;
                scale = 2;
            }
        }
        Table.Builder b = Table.builder("ranking", "城市环境空气质量排名（" + period.label() + "，按" + what + "）")
                .column("rank", "排名")
                .column("city", "城市")
                .column("value", what, unit)
                .column("previous", "上年同期", unit)
                .column("change", change, changeUnit);
        for (AirRanking.RankedCity c : r.ranked()) {
            b.row(Cell.integer(c.rank()), Cell.text(c.city()), number(c.value(), scale, r.by()),
                    c.previous().map(v -> number(v, scale, r.by())).orElse(Cell.missing()),
                    Cell.decimal(c.change(), 1));
        }
        b.note(r.by() == AirRanking.By.GOOD_DAYS
                ? "按优良天数比例从高到低排名；数值相同者名次并列；变化为与上年同期之差（百分点）。"
                : "按" + what + "从低到高排名（数值越小空气质量越好）；数值相同者名次并列；变化率 =（本期 − 上年同期）/ 上年同期 × 100%。");
        r.ranked().stream().filter(c -> c.city().equals(city)).findFirst().ifPresent(c -> b.note(
                city + "排名第" + c.rank() + "（共" + r.ranked().size() + "个城市参与排名）。"));
        if (!r.unranked().isEmpty()) {
            b.note("未参与排名（数据不足）：" + r.unranked().stream().collect(Collectors.joining("、")) + "。");
        }
        return b.build();
    }

    private static Cell number(BigDecimal v, int scale, AirRanking.By by) {
        return by == AirRanking.By.GOOD_DAYS ? Cell.percent(v, scale) : Cell.decimal(v, scale);
    }

    /** A limit or constant with the decimals it is written with (60 → "60", 4 → "4", 0.5 → "0.5"). */
    static Cell asGiven(BigDecimal v) {
        if (v == null) {
            return Cell.missing();
        }
        return Cell.decimal(v, Math.max(0, v.stripTrailingZeros().scale()));
    }
}
