package org.envmon.app.evaluation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.envmon.app.api.BadRequestException;
import org.envmon.app.api.NotFoundException;
import org.envmon.evaluation.AirEvaluator;
import org.envmon.evaluation.AirPollutants;
import org.envmon.evaluation.AirRanking;
import org.envmon.evaluation.HourGrid;
import org.envmon.evaluation.StationDaily;
import org.envmon.evaluation.StationHourSeries;
import org.envmon.evaluation.StationHourly;
import org.envmon.evaluation.WaterEvaluator;
import org.envmon.evaluation.derived.DerivedCityPeriods;
import org.envmon.evaluation.derived.StoreSeriesReader;
import org.envmon.standards.air.AirQualityEvaluation.PeriodEvaluation;
import org.envmon.standards.air.AqiResult;
import org.envmon.standards.water.GroupEvaluation;
import org.envmon.standards.water.WaterParameter;
import org.envmon.standards.water.WaterQualityIndex;
import org.envmon.standards.water.WaterRounding;
import org.envmon.standards.water.Waterbody;
import org.envmon.store.DerivedStore;
import org.envmon.store.HourlyValuesQuery;
import org.envmon.store.Medium;
import org.envmon.store.ObservationStore;
import org.envmon.store.Site;
import org.envmon.store.SiteQuery;
import org.envmon.store.SiteStore;
import org.springframework.stereotype.Service;

/**
 * Store-backed air and water evaluation.
 *
 * <p>City period evaluations and rankings read the city daily values of the derived tables ({@link DerivedStore},
 * kept current by {@link LiveRecompute}: live data within seconds, reviews before the review call returns, late
 * data by {@code envmon recompute}); a national ranking over a year reads about 250,000 city-day rows instead of
 * every station's hours. The hourly and daily reports of one site or city ({@link #hourly}, {@link #daily}: the
 * full HJ 633 report with every IAQI) are computed on request from the valid hourly values
 * ({@link ObservationStore#hourlyValues}, reviews applied) with the same engine, so they always reflect the latest
 * data; the derived rows equal them (tested).
 *
 * <p>Decisions:
 * <ul>
 *   <li>Hourly requests take instants ({@code from} inclusive, {@code to} exclusive, hours by interval start); the
 *       grid starts one natural day before {@code from} so the 24-h and 8-h moving means at the first hours are
 *       complete. Daily and period requests take Beijing dates, both inclusive.</li>
 *   <li>A city is the set of air sites with that {@code city} name; control sites (对照点) are left out of the city
 *       (HJ 663); a city hour counts with one valid station.</li>
 *   <li>The city ranking covers every city that has a non-control air site; cities without any value in the period
 *       are listed as unranked. The previous-year figures use the same calendar period one year earlier.</li>
 *   <li>Water: the monthly mean of a section uses its stored hourly-interval values (automatic stations' 4-hourly
 *       values, CN 2061), rounded by the deployment's {@link WaterRounding} before it is classed (default: the
 *       national publication's reporting precision; {@code envmon.water.rounding}); the class, CWQI, groups, ranking
 *       and reports all use those reported values; the water-body type is the section's registered one; a section
 *       registered without one counts as a lake/reservoir when its name contains 水库 or 湖 (else river). Group main
 *       pollutants: the (up to three) items exceeding class III in the most sections.</li>
 * </ul>
 * Thread-safe (stateless apart from the stores).
 */
@Service
public class EvaluationService {
    private final SiteStore sites;
    private final ObservationStore observations;
    private final StoreSeriesReader reader;
    private final DerivedCityPeriods cityPeriods;
    private final DerivedStore derived;
    private final EvaluationProperties props;
    private final WaterRounding waterRounding;

    public EvaluationService(SiteStore sites, ObservationStore observations, DerivedStore derived,
            EvaluationProperties props, WaterRounding waterRounding) {
        this.waterRounding = java.util.Objects.requireNonNull(waterRounding, "waterRounding");
        this.sites = sites;
        this.observations = observations;
        this.reader = new StoreSeriesReader(observations);
        this.cityPeriods = new DerivedCityPeriods(derived);
        this.derived = derived;
        this.props = props;
    }

    public EvaluationProperties properties() {
        return props;
    }

    /** How water values are rounded before classing (the deployment's {@code envmon.water.*}). */
    public WaterRounding waterRounding() {
        return waterRounding;
    }

    // ============================================================================================ targets

    /** What an air request is about: one site, or a city (its non-control stations). */
    public record AirTarget(String type, String code, String name, String city, List<Site> stations) {
        boolean isCity() {
            return type.equals("city");
        }
    }

    /** Exactly one of {@code site} and {@code city}. */
    public AirTarget airTarget(String site, String city) {
        boolean hasSite = site != null && !site.isBlank();
        boolean hasCity = city != null && !city.isBlank();
        if (hasSite == hasCity) {
            throw new BadRequestException("give exactly one of 'site' and 'city'");
        }
        if (hasSite) {
            Site s = sites.byCode(site.trim()).orElseThrow(() -> new NotFoundException("no site with code " + site));
            if (s.medium() != Medium.AIR) {
                throw new BadRequestException("site " + s.code() + " is not an air site (" + s.medium() + ")");
            }
            return new AirTarget("site", s.code(), s.name(), s.city(), List.of(s));
        }
        return new AirTarget("city", city.trim(), city.trim(), city.trim(), cityStations(city.trim()));
    }

    /** The non-control air stations of a city; 404 when there are none. */
    public List<Site> cityStations(String city) {
        List<Site> list = sites.list(new SiteQuery(Medium.AIR, null, city)).stream().filter(s -> !s.control())
                .toList();
        if (list.isEmpty()) {
            throw new NotFoundException("no air stations in city " + city);
        }
        return list;
    }

    // ============================================================================================ checks

    /** {@code from} before {@code to}, span at most the configured maximum. */
    public void checkSpan(Instant from, Instant to) {
        if (from == null || to == null) {
            throw new BadRequestException("'from' and 'to' are required");
        }
        if (!from.isBefore(to)) {
            throw new BadRequestException("'from' must be before 'to'");
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(props.maxPeriodDays())) > 0) {
            throw new BadRequestException("the period is longer than the maximum of " + props.maxPeriodDays()
                    + " days");
        }
    }

    /** Inclusive day range. */
    public void checkDays(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new BadRequestException("'from' and 'to' are required");
        }
        if (to.isBefore(from)) {
            throw new BadRequestException("'from' must not be after 'to'");
        }
        if (to.toEpochDay() - from.toEpochDay() + 1 > props.maxPeriodDays()) {
            throw new BadRequestException("the period is longer than the maximum of " + props.maxPeriodDays()
                    + " days");
        }
    }

    // ============================================================================================ air

    /** One hour of a station or city: the full HJ 633 real-time report (edition inside). */
    public record Hour(Instant start, AqiResult report, int stations) {
    }

    /** One day: the full daily report. */
    public record Day(LocalDate date, AqiResult report, int stations) {
    }

    /** Hourly AQI of a site or city for hours starting in [from, to). */
    public List<Hour> hourly(AirTarget t, Instant from, Instant to) {
        checkSpan(from, to);
        LocalDate first = LocalDateTime.ofInstant(from, HourGrid.BEIJING).toLocalDate().minusDays(1);
        LocalDate last = LocalDateTime.ofInstant(to.minusNanos(1), HourGrid.BEIJING).toLocalDate();
        HourGrid grid = HourGrid.of(first, last);
        StationHourSeries s = series(t, grid);
        StationHourly h = AirEvaluator.hourly(s);
        int i0 = grid.indexContaining(from);
        if (grid.start(i0).isBefore(from)) {
            i0++;
        }
        int i1 = grid.indexContaining(to.minusNanos(1)) + 1;
        List<Hour> out = new ArrayList<>(Math.max(0, i1 - i0));
        for (int i = i0; i < i1; i++) {
            out.add(new Hour(grid.start(i), AirEvaluator.hourlyReport(s, h, i), stationsAt(s, i)));
        }
        return out;
    }

    /** Daily AQI of a site or city for the days from … to (inclusive). */
    public List<Day> daily(AirTarget t, LocalDate from, LocalDate to) {
        checkDays(from, to);
        HourGrid grid = HourGrid.of(from, to);
        StationHourSeries s = series(t, grid);
        StationDaily d = AirEvaluator.daily(s);
        List<Day> out = new ArrayList<>(grid.days());
        for (int k = 0; k < grid.days(); k++) {
            int n = 0;
            for (int i = 24 * k; i < 24 * k + 24; i++) {
                n = Math.max(n, stationsAt(s, i));
            }
            out.add(new Day(grid.day(k), AirEvaluator.dailyReport(d, k), n));
        }
        return out;
    }

    /** HJ 663 evaluation of a city over the days from … to (inclusive). */
    public PeriodEvaluation cityPeriod(String city, LocalDate from, LocalDate to) {
        checkDays(from, to);
        AirTarget t = airTarget(null, city);
        return cityPeriods.city(t.city(), from, to);
    }

    /** The latest hour of a city from the derived table. */
    public record LatestCityHour(String city, DerivedStore.Hour hour) {
    }

    /**
     * Every city's latest hourly AQI among the hours starting in the {@code hours} hours before {@code now}, from the
     * derived table the live recompute keeps current (the public map's feed). Cities without a value there are
     * left out. Ordered by city.
     */
    public List<LatestCityHour> latestCityHours(Instant now, int hours) {
        if (hours < 1 || hours > 72) {
            throw new BadRequestException("'hours' must be 1 to 72");
        }
        Instant to = now.truncatedTo(java.time.temporal.ChronoUnit.HOURS).plusSeconds(3600);
        Map<String, DerivedStore.Hour> latest = new TreeMap<>();
        derived.hours(DerivedStore.Scope.CITY, null, to.minusSeconds(3600L * (hours + 1)), to, h -> {
            if (h.aqi() >= 0) {
                latest.merge(h.code(), h, (a, b) -> b.start().isAfter(a.start()) ? b : a);
            }
        });
        return latest.entrySet().stream().map(e -> new LatestCityHour(e.getKey(), e.getValue())).toList();
    }

    /** A ranking and the number of cities it looked at. */
    public record CityRanking(AirRanking.Ranking ranking, int cities, LocalDate previousFrom, LocalDate previousTo) {
    }

    /** Every city with air sites, ranked over the days from … to, with the change vs the previous year. */
    public CityRanking ranking(LocalDate from, LocalDate to, AirRanking.By by) {
        checkDays(from, to);
        List<Site> all = rankedStations();
        TreeSet<String> cities = new TreeSet<>();
        all.forEach(s -> cities.add(s.city()));
        Map<String, PeriodEvaluation> current = cityPeriods(from, to);
        LocalDate[] prev = AirRanking.samePeriodLastYear(from, to);
        Map<String, PeriodEvaluation> previous = cityPeriods(prev[0], prev[1]);
        AirRanking.Ranking r = AirRanking.rank(current, previous, by);
        TreeSet<String> unranked = new TreeSet<>(r.unranked());
        for (String c : cities) {
            if (!current.containsKey(c)) {
                unranked.add(c);
            }
        }
        return new CityRanking(new AirRanking.Ranking(r.by(), r.ranked(), List.copyOf(unranked)), cities.size(),
                prev[0], prev[1]);
    }

    /** Non-control air stations with a city, ordered by city then code (the order the bulk read streams them). */
    List<Site> rankedStations() {
        return sites.list(new SiteQuery(Medium.AIR, null, null)).stream()
                .filter(s -> !s.control() && s.city() != null && !s.city().isBlank())
                .sorted(Comparator.comparing(Site::city).thenComparing(Site::code)).toList();
    }

    /** Period evaluation of every city that has derived days in the period. */
    Map<String, PeriodEvaluation> cityPeriods(LocalDate from, LocalDate to) {
        return cityPeriods.cities(from, to);
    }

    private static int stationsAt(StationHourSeries s, int i) {
        int n = 0;
        for (int p = 0; p < AirPollutants.COUNT; p++) {
            n = Math.max(n, s.stationCount(p, i));
        }
        return n;
    }

    /** The station's own series, or the city mean of its stations, on the grid. */
    private StationHourSeries series(AirTarget t, HourGrid grid) {
        Map<String, StationHourSeries> loaded = load(t.stations(), grid);
        if (!t.isCity()) {
            return loaded.get(t.code());
        }
        return AirEvaluator.cityMean(t.city(), loaded.values());
    }

    /** Series of a few sites (all held in memory), empty ones included. */
    public Map<String, StationHourSeries> load(List<Site> list, HourGrid grid) {
        return reader.load(list, grid);
    }

    // ============================================================================================ water

    /** A section's month with its site. */
    public record SectionMonth(Site site, WaterEvaluator.SectionMonth month) {
    }

    /** A group's evaluation with its sections and main pollutants. */
    public record WaterGroup(String by, String name, YearMonth month, Optional<GroupEvaluation> evaluation,
            List<SectionMonth> sections, List<WaterParameter> mainPollutants) {
    }

    /** Monthly class of one surface-water section. */
    public SectionMonth sectionMonth(String code, YearMonth month) {
        Site s = sites.byCode(code).orElseThrow(() -> new NotFoundException("no site with code " + code));
        if (s.medium() != Medium.SURFACE_WATER) {
            throw new BadRequestException("site " + code + " is not a surface-water section (" + s.medium() + ")");
        }
        return sectionMonths(List.of(s), month).get(0);
    }

    /** Evaluation of the sections of a basin or a province. */
    public WaterGroup waterGroup(String basin, String province, YearMonth month) {
        boolean hasBasin = basin != null && !basin.isBlank();
        boolean hasProvince = province != null && !province.isBlank();
        if (hasBasin == hasProvince) {
            throw new BadRequestException("give exactly one of 'basin' and 'province'");
        }
        List<Site> list = hasBasin
                ? sites.list(new SiteQuery(Medium.SURFACE_WATER, null, null)).stream()
                        .filter(s -> basin.trim().equals(s.basin())).toList()
                : sites.list(new SiteQuery(Medium.SURFACE_WATER, province.trim(), null));
        String name = hasBasin ? basin.trim() : province.trim();
        if (list.isEmpty()) {
            throw new NotFoundException("no surface-water sections in " + (hasBasin ? "basin " : "province ") + name);
        }
        List<SectionMonth> months = sectionMonths(list, month);
        Optional<GroupEvaluation> g = WaterEvaluator.evaluateGroup(months.stream().map(SectionMonth::month).toList());
        return new WaterGroup(hasBasin ? "basin" : "province", name, month, g, months, mainPollutants(months));
    }

    /** CWQI ranking of the cities with surface-water sections, best first. */
    public List<WaterQualityIndex.Ranked> waterRanking(YearMonth month) {
        List<Site> list = sites.list(new SiteQuery(Medium.SURFACE_WATER, null, null));
        Map<String, Site> byCode = new HashMap<>();
        list.forEach(s -> byCode.put(s.code(), s));
        List<WaterEvaluator.SectionMonth> months = sectionMonths(list, month).stream().map(SectionMonth::month)
                .toList();
        return WaterEvaluator.rankCities(months, byCode::get);
    }

    /** Month of each section, in the order given. */
    public List<SectionMonth> sectionMonths(List<Site> sections, YearMonth month) {
        List<String> codes = new ArrayList<>(WaterEvaluator.CODES.keySet());
        List<WaterParameter> params = codes.stream().map(WaterEvaluator.CODES::get).toList();
        List<Map<WaterParameter, List<BigDecimal>>> values = new ArrayList<>(sections.size());
        for (int k = 0; k < sections.size(); k++) {
            values.add(new EnumMap<>(WaterParameter.class));
        }
        Instant from = month.atDay(1).atStartOfDay().toInstant(HourGrid.BEIJING);
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(HourGrid.BEIJING);
        observations.hourlyValues(new HourlyValuesQuery(sections.stream().map(Site::code).toList(), codes, from, to),
                (site, p, t, v, valid) -> {
                    if (valid && v >= 0 && !Double.isInfinite(v)) {
                        values.get(site).computeIfAbsent(params.get(p), x -> new ArrayList<>())
                                .add(WaterEvaluator.toStandardUnit(codes.get(p), v));
                    }
                });
        List<SectionMonth> out = new ArrayList<>(sections.size());
        for (int k = 0; k < sections.size(); k++) {
            Site s = sections.get(k);
            out.add(new SectionMonth(s, WaterEvaluator.monthly(s.code(), waterbody(s), month, values.get(k), 1,
                    waterRounding)));
        }
        return out;
    }

    /**
     * The section's registered water-body type; for a section registered without one (decision) 水库 or 湖 in the
     * name = lake/reservoir, else river.
     */
    static Waterbody waterbody(Site s) {
        if (s.waterbody() != null) {
            return s.waterbody().equals("river") ? Waterbody.RIVER : Waterbody.LAKE_RESERVOIR;
        }
        return s.name().contains("水库") || s.name().contains("湖") ? Waterbody.LAKE_RESERVOIR : Waterbody.RIVER;
    }

    /** Items worse than class III in the most sections (up to three), ties in Table 1 order. */
    static List<WaterParameter> mainPollutants(Collection<SectionMonth> months) {
        Map<WaterParameter, Integer> count = new EnumMap<>(WaterParameter.class);
        for (SectionMonth m : months) {
            m.month().result().exceedances().forEach(e -> count.merge(e.parameter(), 1, Integer::sum));
        }
        return count.entrySet().stream()
                .sorted(Map.Entry.<WaterParameter, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(3).map(Map.Entry::getKey).toList();
    }
}
