package org.envmon.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.envmon.evaluation.AirEvaluator;
import org.envmon.evaluation.AirPollutants;
import org.envmon.evaluation.AirRanking;
import org.envmon.evaluation.HourGrid;
import org.envmon.evaluation.StationDaily;
import org.envmon.evaluation.StationHourSeries;
import org.envmon.evaluation.WaterEvaluator;
import org.envmon.standards.air.AirQualityEvaluation.PeriodEvaluation;
import org.envmon.standards.water.GroupEvaluation;
import org.envmon.standards.water.WaterParameter;
import org.envmon.standards.water.WaterQualityIndex;
import org.envmon.standards.water.Waterbody;
import org.envmon.model.Medium;
import org.envmon.model.Site;

/**
 * Synthetic evaluation results, built through the evaluation library (nothing hand-made): a city "北京" of two
 * evaluation stations and one control site, hourly values constant within each day.
 * <ul>
 *   <li>SO2 8, NO2 30, CO 0.8 mg/m³, O3 60 µg/m³ every hour; PM2.5 of day d = 20 + (37·d mod 100) at 东四 and 4 more
 *       at 天坛 (so the city mean is 22 + …); PM10 = 1.6 × PM2.5.</li>
 *   <li>Day 0 (1 January): city PM2.5 22 → AQI 38 (NO2), 优, no primary pollutant. Day 1: city PM2.5 59 → AQI 80,
 *       良, primary PM2.5. Day 40 (10 February): both stations missing 10 hours → no valid city day ("—").</li>
 * </ul>
 */
final class Fixtures {

    static final String CITY = "北京";
    static final Instant GENERATED = Instant.parse("2026-01-05T01:30:00Z");
    static final LocalDate GAP_DAY = LocalDate.of(2025, 2, 10);

    final ReportPeriod period;
    final HourGrid grid;
    final StationDaily cityDaily;
    final PeriodEvaluation cityPeriod;
    final List<AirReports.StationRow> stations = new ArrayList<>();
    final AirRanking.Ranking ranking;

    private Fixtures(ReportPeriod period) {
        this.period = period;
        grid = HourGrid.of(period.from(), period.to());
        StationHourSeries a = station("1001A", false, 0);
        StationHourSeries b = station("1002A", false, 4);
        StationHourSeries c = station("1003A", true, 10);
        Map<String, String> names = Map.of("1001A", "东四", "1002A", "天坛", "1003A", "定陵");
        for (StationHourSeries s : List.of(a, b, c)) {
            StationDaily d = AirEvaluator.daily(s);
            stations.add(new AirReports.StationRow(s.code(), names.get(s.code()), s.control(),
                    AirEvaluator.period(d, period.from(), period.to())));
        }
        StationHourSeries city = AirEvaluator.cityMean(CITY, List.of(a, b, c), 1);
        cityDaily = AirEvaluator.daily(city);
        cityPeriod = AirEvaluator.period(cityDaily, period.from(), period.to());
        Map<String, PeriodEvaluation> current = new LinkedHashMap<>();
        current.put(CITY, cityPeriod);
        current.put("天津", constantCity("天津", 40));
        current.put("石家庄", constantCity("石家庄", 90));
        current.put("雄安", constantCity("雄安", -1)); // no PM2.5 at all: unranked
        Map<String, PeriodEvaluation> previous = new HashMap<>();
        previous.put(CITY, constantCity("北京-上年", 80));
        previous.put("天津", constantCity("天津-上年", 40));
        ranking = AirRanking.rank(current, previous, AirRanking.By.COMPOSITE);
    }

    /** One calendar month (January 2025): short, incomplete for annual compliance. */
    static Fixtures month() {
        return new Fixtures(ReportPeriod.of(YearMonth.of(2025, 1)));
    }

    /** The year 2025: complete data, compliance judged. */
    static Fixtures year() {
        return new Fixtures(ReportPeriod.ofYear(2025));
    }

    Report report() {
        return AirReports.cityReport(CITY, period, stations, cityPeriod, cityDaily, ranking, GENERATED);
    }

    static long pm25(int day, int offset) {
        return 20 + (37L * day) % 100 + offset;
    }

    private StationHourSeries station(String code, boolean control, int offset) {
        StationHourSeries.Builder b = StationHourSeries.builder(code, CITY, control, grid);
        int gap = grid.dayIndex(GAP_DAY);
        for (int h = 0; h < grid.hours(); h++) {
            int d = h / 24;
            if (d == gap && h % 24 < 10) {
                continue;
            }
            long pm = pm25(d, offset);
            b.put(AirPollutants.SO2, h, 8_000);
            b.put(AirPollutants.NO2, h, 30_000);
            b.put(AirPollutants.PM25, h, pm * 1000);
            b.put(AirPollutants.PM10, h, pm * 1600);
            b.put(AirPollutants.CO, h, 800);
            b.put(AirPollutants.O3, h, 60_000);
        }
        return b.build();
    }

    /** A city with constant PM2.5 {@code pm} (negative: no PM2.5), other pollutants as 北京. */
    private PeriodEvaluation constantCity(String name, long pm) {
        StationHourSeries.Builder b = StationHourSeries.builder(name, name, false, grid);
        for (int h = 0; h < grid.hours(); h++) {
            b.put(AirPollutants.SO2, h, 8_000);
            b.put(AirPollutants.NO2, h, 30_000);
            b.put(AirPollutants.PM25, h, pm < 0 ? -1 : pm * 1000);
            b.put(AirPollutants.PM10, h, pm < 0 ? -1 : pm * 1600);
            b.put(AirPollutants.CO, h, 800);
            b.put(AirPollutants.O3, h, 60_000);
        }
        return AirEvaluator.period(AirEvaluator.daily(b.build()), period.from(), period.to());
    }

    // ------------------------------------------------------------------------------------------------ water

    /** Six sections of 长江 in two provinces, March 2025. */
    static Report waterReport() {
        YearMonth month = YearMonth.of(2025, 3);
        Map<String, Site> sites = new LinkedHashMap<>();
        List<WaterReports.SectionRow> rows = new ArrayList<>();
        List<WaterEvaluator.SectionMonth> months = new ArrayList<>();
        Object[][] data = {
            // code, name, province, city, control, waterbody, DO, CODMn, NH3N, TP
            {"W01", "朱沱", "重庆市", "重庆", true, Waterbody.RIVER, "8.1", "1.8", "0.10", "0.05"},
            {"W02", "寸滩", "重庆市", "重庆", false, Waterbody.RIVER, "7.5", "3.5", "0.40", "0.15"},
            {"W03", "清溪场", "重庆市", "重庆", false, Waterbody.RIVER, "6.2", "4.2", "0.60", "0.18"},
            {"W04", "南津关", "湖北省", "宜昌", false, Waterbody.RIVER, "7.9", "2.1", "0.20", "0.25"},
            {"W05", "沙市", "湖北省", "荆州", false, Waterbody.RIVER, "5.5", "6.5", "1.40", "0.35"},
            {"W06", "洪湖", "湖北省", "荆州", false, Waterbody.LAKE_RESERVOIR, "6.0", "5.0", "2.50", "0.12"},
        };
        for (Object[] r : data) {
            String code = (String) r[0];
            Site site = new Site(code, (String) r[1], Medium.SURFACE_WATER, "MN" + code, null, (String) r[2],
                    (String) r[3], null, "长江", null, null, (Boolean) r[4]);
            sites.put(code, site);
            Map<WaterParameter, List<BigDecimal>> v = new LinkedHashMap<>();
            v.put(WaterParameter.PH, List.of(new BigDecimal("7.6")));
            v.put(WaterParameter.DO, List.of(new BigDecimal((String) r[6])));
            v.put(WaterParameter.CODMN, List.of(new BigDecimal((String) r[7])));
            v.put(WaterParameter.NH3N, List.of(new BigDecimal((String) r[8])));
            v.put(WaterParameter.TP, List.of(new BigDecimal((String) r[9])));
            WaterEvaluator.SectionMonth m = WaterEvaluator.monthly(code, (Waterbody) r[5], month, v, 1);
            months.add(m);
            rows.add(WaterReports.SectionRow.of(site, m));
        }
        Function<String, Site> lookup = sites::get;
        Map<String, GroupEvaluation> basins = WaterEvaluator.evaluateGroups(months, lookup, Site::basin);
        Map<String, GroupEvaluation> provinces = WaterEvaluator.evaluateGroups(months, lookup, Site::province);
        List<WaterQualityIndex.Ranked> ranking = WaterEvaluator.rankCities(months, lookup);
        return WaterReports.monthReport(month, rows, basins, provinces, ranking, GENERATED);
    }
}
