package org.envmon.app.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.envmon.evaluation.AirEvaluator;
import org.envmon.evaluation.AirRanking;
import org.envmon.evaluation.HourGrid;
import org.envmon.evaluation.StationDaily;
import org.envmon.evaluation.StationHourSeries;
import org.envmon.evaluation.WaterEvaluator;
import org.envmon.evaluation.air.AirEvaluationService;
import org.envmon.evaluation.water.WaterEvaluationService;
import org.envmon.reports.AirReports;
import org.envmon.reports.Report;
import org.envmon.reports.ReportPeriod;
import org.envmon.reports.WaterReports;
import org.envmon.standards.air.AirQualityEvaluation.PeriodEvaluation;
import org.envmon.model.Medium;
import org.envmon.model.NotFound;
import org.envmon.model.Site;
import org.envmon.model.SiteQuery;
import org.envmon.model.SiteStore;
import org.springframework.stereotype.Service;

/**
 * The evaluation tables a centre publishes, built from the store through the evaluation service: for a city and
 * period the station table (control sites listed apart), the city's HJ 663 statistics and compliance, its daily
 * AQI and the ranking of all cities; for a month the water sections, basins, provinces and the CWQI ranking.
 * Rendering (xlsx, csv, pdf) is envmon-reports' job.
 */
@Service
public class ReportService {
    private final AirEvaluationService air;
    private final WaterEvaluationService water;
    private final SiteStore sites;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    public ReportService(AirEvaluationService air, WaterEvaluationService water, SiteStore sites) {
        this(air, water, sites, Clock.systemUTC());
    }

    public ReportService(AirEvaluationService air, WaterEvaluationService water, SiteStore sites, Clock clock) {
        this.air = air;
        this.water = water;
        this.sites = sites;
        this.clock = clock;
    }

    /** The air evaluation report of a city over the days from … to (inclusive). */
    public Report air(String city, LocalDate from, LocalDate to) {
        air.checkDays(from, to);
        List<Site> stations = sites.list(new SiteQuery(Medium.AIR, null, city));
        if (stations.isEmpty()) {
            throw new NotFound("no air sites in city " + city);
        }
        HourGrid grid = HourGrid.of(from, to);
        Map<String, StationHourSeries> series = air.load(stations, grid);
        List<AirReports.StationRow> rows = stations.stream().map(s -> AirReports.StationRow.of(s,
                AirEvaluator.period(AirEvaluator.daily(series.get(s.code())), from, to))).toList();
        // HJ 663: the city is the mean of its assessment stations; control sites stay out.
        List<StationHourSeries> assessment = stations.stream().filter(s -> !s.control())
                .map(s -> series.get(s.code())).toList();
        StationDaily cityDaily = AirEvaluator.daily(AirEvaluator.cityMean(city, assessment));
        PeriodEvaluation cityPeriod = AirEvaluator.period(cityDaily, from, to);
        AirRanking.Ranking ranking = air.ranking(from, to, AirRanking.By.COMPOSITE).ranking();
        return AirReports.cityReport(city, new ReportPeriod(from, to), rows, cityPeriod, cityDaily, ranking,
                clock.instant());
    }

    /** The surface-water report of a month: sections, basins, provinces, CWQI ranking. */
    public Report water(YearMonth month) {
        List<Site> sections = sites.list(new SiteQuery(Medium.SURFACE_WATER, null, null));
        if (sections.isEmpty()) {
            throw new NotFound("no surface-water sections registered");
        }
        List<WaterEvaluationService.SectionMonth> months = water.sectionMonths(sections, month);
        Map<String, Site> byCode = new HashMap<>();
        sections.forEach(s -> byCode.put(s.code(), s));
        List<WaterEvaluator.SectionMonth> values = months.stream().map(WaterEvaluationService.SectionMonth::month).toList();
        List<WaterReports.SectionRow> rows = months.stream()
                .map(m -> WaterReports.SectionRow.of(m.site(), m.month())).toList();
        return WaterReports.monthReport(month, rows, WaterEvaluator.evaluateGroups(values, byCode::get, Site::basin),
                WaterEvaluator.evaluateGroups(values, byCode::get, Site::province),
                WaterEvaluator.rankCities(values, byCode::get), clock.instant());
    }
}
