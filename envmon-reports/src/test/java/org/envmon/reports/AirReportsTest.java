package org.envmon.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.envmon.standards.air.AirQualityEvaluation.PeriodStatistic;
import org.envmon.standards.air.Pollutant;
import org.junit.jupiter.api.Test;

class AirReportsTest {

    static final Fixtures MONTH = Fixtures.month();
    static final Fixtures YEAR = Fixtures.year();

    static Cell cell(Table t, int row, String key) {
        return t.rows().get(row).get(t.columnIndex(key));
    }

    static PeriodStatistic stat(Fixtures f, Pollutant p, String s) {
        return f.cityPeriod.statistics().stream().filter(x -> x.pollutant() == p && x.statistic().equals(s))
                .findFirst().orElseThrow();
    }

    @Test
    void titleSubtitleAndTables() {
        Report r = MONTH.report();
        assertThat(r.title()).isEqualTo("北京2025年1月环境空气质量评价");
        assertThat(r.subtitle()).contains("2025-01-01至2025-01-31").contains("HJ 633-2012 / HJ 663-2013 / GB 3095-2012")
                .contains("GB 3095-2012（含2018年修改单）二级浓度限值");
        assertThat(r.tableIds()).containsExactly("stations", "city", "overview", "daily", "ranking");
        assertThat(r.notes()).anyMatch(n -> n.contains("对照点（定陵）"));
        assertThat(r.generatedLine()).isEqualTo("生成时间：2026-01-05 09:30（北京时间）");
    }

    @Test
    void stationTableCarriesThePeriodResults() {
        Table t = MONTH.report().table("stations").orElseThrow();
        assertThat(t.rows()).hasSize(3);
        assertThat(cell(t, 0, "name")).isEqualTo(new Cell.Text("东四"));
        assertThat(cell(t, 2, "type")).isEqualTo(new Cell.Text("对照点"));
        assertThat(cell(t, 0, "so2")).isEqualTo(new Cell.Decimal(new BigDecimal("8")));
        assertThat(cell(t, 0, "co_p95")).isEqualTo(new Cell.Decimal(new BigDecimal("0.8")));
        assertThat(cell(t, 0, "o3_8h_p90")).isEqualTo(new Cell.Decimal(new BigDecimal("60")));
        var e = MONTH.stations.get(1).period();
        assertThat(cell(t, 1, "valid_days")).isEqualTo(new Cell.Int(e.aqiValidDays()));
        assertThat(cell(t, 1, "good_ratio")).isEqualTo(new Cell.Percent(e.goodDaysRatio().orElseThrow()));
        assertThat(cell(t, 1, "composite")).isEqualTo(new Cell.Decimal(e.composite().total().orElseThrow()));
        assertThat(((Cell.Decimal) cell(t, 1, "composite")).scale()).isEqualTo(2);
    }

    @Test
    void monthIsIncompleteSoComplianceIsNotJudged() {
        Table t = MONTH.report().table("city").orElseThrow();
        assertThat(t.rows()).hasSize(10);
        assertThat(t.rows()).allSatisfy(r -> assertThat(r.get(t.columnIndex("compliance")))
                .isEqualTo(new Cell.Text("数据不足")));
        assertThat(MONTH.report().notes()).anyMatch(n -> n.contains("数据不足"));
    }

    @Test
    void yearJudgesComplianceWithExceedanceMultiples() {
        Table t = YEAR.report().table("city").orElseThrow();
        // rows in SO2, NO2, PM10, PM2.5, CO, O3 order; PM2.5 annual mean is row 6
        assertThat(cell(t, 0, "pollutant")).isEqualTo(new Cell.Text("SO2"));
        assertThat(cell(t, 0, "compliance")).isEqualTo(new Cell.Text("达标"));
        assertThat(cell(t, 0, "multiple")).isInstanceOf(Cell.Missing.class);
        assertThat(cell(t, 6, "pollutant")).isEqualTo(new Cell.Text("PM2.5"));
        assertThat(cell(t, 6, "statistic")).isEqualTo(new Cell.Text("年平均浓度"));
        PeriodStatistic pm = stat(YEAR, Pollutant.PM25, "annual_mean");
        assertThat(cell(t, 6, "value")).isEqualTo(new Cell.Decimal(pm.value().orElseThrow()));
        assertThat(cell(t, 6, "limit")).isEqualTo(new Cell.Decimal(new BigDecimal("35")));
        assertThat(cell(t, 6, "compliance")).isEqualTo(new Cell.Text("超标"));
        assertThat(cell(t, 6, "multiple"))
                .isEqualTo(new Cell.Decimal(pm.exceedanceMultipleClass2().orElseThrow()));
        assertThat(cell(t, 8, "unit")).isEqualTo(new Cell.Text("mg/m³"));
        Table o = YEAR.report().table("overview").orElseThrow();
        assertThat(cell(o, 0, "class2")).isEqualTo(new Cell.Text("未达标"));
        assertThat(cell(o, 0, "good_days")).isEqualTo(new Cell.Int(YEAR.cityPeriod.goodDays()));
    }

    @Test
    void dailyTableShowsLevelCategoryAndPrimary() {
        Table t = MONTH.report().table("daily").orElseThrow();
        assertThat(t.rows()).hasSize(31);
        assertThat(cell(t, 0, "date")).isEqualTo(new Cell.Text("2025-01-01"));
        assertThat(cell(t, 0, "aqi")).isEqualTo(new Cell.Int(38));
        assertThat(cell(t, 0, "level")).isEqualTo(new Cell.Text("一级"));
        assertThat(cell(t, 0, "category")).isEqualTo(new Cell.Text("优"));
        assertThat(cell(t, 0, "primary")).isInstanceOf(Cell.Missing.class);
        assertThat(cell(t, 1, "aqi")).isEqualTo(new Cell.Int(80));
        assertThat(cell(t, 1, "category")).isEqualTo(new Cell.Text("良"));
        assertThat(cell(t, 1, "primary")).isEqualTo(new Cell.Text("PM2.5"));
        assertThat(cell(t, 1, "pm25")).isEqualTo(new Cell.Decimal(new BigDecimal("59")));
        Table y = YEAR.report().table("daily").orElseThrow();
        int gap = (int) (Fixtures.GAP_DAY.toEpochDay() - LocalDate.of(2025, 1, 1).toEpochDay());
        assertThat(cell(y, gap, "aqi")).isInstanceOf(Cell.Missing.class);
        assertThat(cell(y, gap, "category")).isInstanceOf(Cell.Missing.class);
    }

    @Test
    void rankingTableHasRankValueAndChange() {
        Table t = MONTH.report().table("ranking").orElseThrow();
        List<String> cities = t.rows().stream().map(r -> r.get(1).display()).toList();
        assertThat(cities).containsExactly("天津", "北京", "石家庄");
        var bj = MONTH.ranking.ranked().get(1);
        assertThat(cell(t, 1, "rank")).isEqualTo(new Cell.Int(2));
        assertThat(cell(t, 1, "value")).isEqualTo(new Cell.Decimal(bj.value()));
        assertThat(cell(t, 1, "previous")).isEqualTo(new Cell.Decimal(bj.previous().orElseThrow()));
        assertThat(cell(t, 1, "change")).isEqualTo(new Cell.Decimal(bj.change().orElseThrow()));
        assertThat(((Cell.Decimal) cell(t, 1, "change")).value()).isNegative();
        assertThat(cell(t, 2, "previous")).isInstanceOf(Cell.Missing.class);
        assertThat(t.notes()).anyMatch(n -> n.equals("北京排名第2（共3个城市参与排名）。"))
                .anyMatch(n -> n.contains("未参与排名（数据不足）：雄安"));
    }

    @Test
    void missingInputsLeaveTablesOut() {
        Report r = AirReports.cityReport("北京", MONTH.period, List.of(), null, MONTH.cityDaily, null,
                Fixtures.GENERATED);
        assertThat(r.tableIds()).containsExactly("daily");
    }
}
