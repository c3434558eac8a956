package org.envmon.evaluation.air;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.envmon.evaluation.AirEvaluator;
import org.envmon.evaluation.AirPollutants;
import org.envmon.evaluation.AirRanking;
import org.envmon.evaluation.HourGrid;
import org.envmon.evaluation.StationDaily;
import org.envmon.evaluation.StationHourSeries;
import org.envmon.evaluation.StationHourly;
import org.envmon.evaluation.derived.DerivedCityPeriods;
import org.envmon.evaluation.derived.StoreSeriesReader;
import org.envmon.model.DerivedStore;
import org.envmon.model.InvalidRequest;
import org.envmon.model.Medium;
import org.envmon.model.NotFound;
import org.envmon.model.ObservationStore;
import org.envmon.model.Site;
import org.envmon.model.SiteQuery;
import org.envmon.model.SiteStore;
import org.envmon.standards.air.AirQualityEvaluation.PeriodEvaluation;
import org.envmon.standards.air.AqiResult;

/**
 * Air evaluation over the stores: a site or a city resolved to its stations, hourly and daily reports, city period
 * evaluations and the city ranking.
 *
 * <p>City period evaluations and rankings read the city daily values of the derived tables ({@link DerivedStore},
 * kept current by the live recompute: live data within seconds, reviews before the review call returns, late data
 * by {@code envmon recompute}); a national ranking over a year reads about 250,000 city-day rows instead of every
 * station's hours. The hourly and daily reports of one site or city ({@link #hourly}, {@link #daily}: the full HJ 633
 * report with every IAQI) are computed on request from the valid hourly values ({@link ObservationStore#hourlyValues},
 * reviews applied) with the same engine, so they always reflect the latest data; the derived rows equal them.
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
 * </ul>
 * Requests it cannot answer throw {@link InvalidRequest}, unknown sites and cities {@link NotFound}. Thread-safe
 * (stateless apart from the stores).
 */
public class AirEvaluationService {
    private final SiteStore sites;
    private final StoreSeriesReader reader;
    private final DerivedCityPeriods cityPeriods;
    private final DerivedStore derived;
    private final int maxPeriodDays;

    /** @param maxPeriodDays the longest period a request may ask for (days; hourly requests: the same span) */
    public AirEvaluationService(SiteStore sites, ObservationStore observations, DerivedStore derived,
            int maxPeriodDays) {
        if (maxPeriodDays < 1) {
            throw new IllegalArgumentException("maxPeriodDays must be at least 1: " + maxPeriodDays);
        }
        this.sites = sites;
        this.reader = new StoreSeriesReader(observations);
        this.cityPeriods = new DerivedCityPeriods(derived);
        this.derived = derived;
        this.maxPeriodDays = maxPeriodDays;
    }

    // ============================================================================================ targets

    /** Exactly one of {@code site} and {@code city}. */
    public AirTarget airTarget(String site, String city) {
        boolean hasSite = site != null && !site.isBlank();
        boolean hasCity = city != null && !city.isBlank();
        if (hasSite == hasCity) {
            throw new InvalidRequest("give exactly one of 'site' and 'city'");
        }
        if (hasSite) {
            Site s = sites.byCode(site.trim()).orElseThrow(() -> new NotFound("no site with code " + site));
            if (s.medium() != Medium.AIR) {
                throw new InvalidRequest("site " + s.code() + " is not an air site (" + s.medium() + ")");
            }
            return new AirTarget("site", s.code(), s.name(), s.city(), List.of(s));
        }
        return new AirTarget("city", city.trim(), city.trim(), city.trim(), cityStations(city.trim()));
    }

    /** The non-control air stations of a city; {@link NotFound} when there are none. */
    public List<Site> cityStations(String city) {
        List<Site> list = sites.list(new SiteQuery(Medium.AIR, null, city)).stream().filter(s -> !s.control())
                .toList();
        if (list.isEmpty()) {
            throw new NotFound("no air stations in city " + city);
        }
        return list;
    }

    // ============================================================================================ checks

    /** {@code from} before {@code to}, span at most the configured maximum. */
    public void checkSpan(Instant from, Instant to) {
        if (from == null || to == null) {
            throw new InvalidRequest("'from' and 'to' are required");
        }
        if (!from.isBefore(to)) {
            throw new InvalidRequest("'from' must be before 'to'");
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(maxPeriodDays)) > 0) {
            throw tooLong();
        }
    }

    /** Inclusive day range, at most the configured maximum. */
    public void checkDays(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new InvalidRequest("'from' and 'to' are required");
        }
        if (to.isBefore(from)) {
            throw new InvalidRequest("'from' must not be after 'to'");
        }
        if (to.toEpochDay() - from.toEpochDay() + 1 > maxPeriodDays) {
            throw tooLong();
        }
    }

    private InvalidRequest tooLong() {
        return new InvalidRequest("the period is longer than the maximum of " + maxPeriodDays + " days");
    }

    // ============================================================================================ reports

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

    /** Series of a few sites (all held in memory), empty ones included. */
    public Map<String, StationHourSeries> load(List<Site> list, HourGrid grid) {
        return reader.load(list, grid);
    }

    /** The station's own series, or the city mean of its stations, on the grid. */
    private StationHourSeries series(AirTarget t, HourGrid grid) {
        Map<String, StationHourSeries> loaded = load(t.stations(), grid);
        if (!t.isCity()) {
            return loaded.get(t.code());
        }
        return AirEvaluator.cityMean(t.city(), loaded.values());
    }

    private static int stationsAt(StationHourSeries s, int i) {
        int n = 0;
        for (int p = 0; p < AirPollutants.COUNT; p++) {
            n = Math.max(n, s.stationCount(p, i));
        }
        return n;
    }

    // ============================================================================================ cities

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
            throw new InvalidRequest("'hours' must be 1 to 72");
        }
        Instant to = now.truncatedTo(ChronoUnit.HOURS).plusSeconds(3600);
        Map<String, DerivedStore.Hour> latest = new TreeMap<>();
        derived.hours(DerivedStore.Scope.CITY, null, to.minusSeconds(3600L * (hours + 1)), to, h -> {
            if (h.aqi() >= 0) {
                latest.merge(h.code(), h, (a, b) -> b.start().isAfter(a.start()) ? b : a);
            }
        });
        return latest.entrySet().stream().map(e -> new LatestCityHour(e.getKey(), e.getValue())).toList();
    }

    /** A ranking, the number of cities it looked at, and the previous year's period it compared with. */
    public record CityRanking(AirRanking.Ranking ranking, int cities, LocalDate previousFrom, LocalDate previousTo) {
    }

    /** Every city with air sites, ranked over the days from … to, with the change vs the previous year. */
    public CityRanking ranking(LocalDate from, LocalDate to, AirRanking.By by) {
        checkDays(from, to);
        TreeSet<String> cities = new TreeSet<>();
        rankedStations().forEach(s -> cities.add(s.city()));
        Map<String, PeriodEvaluation> current = cityPeriods.cities(from, to);
        LocalDate[] prev = AirRanking.samePeriodLastYear(from, to);
        Map<String, PeriodEvaluation> previous = cityPeriods.cities(prev[0], prev[1]);
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

    /** Non-control air stations with a city, ordered by city then code. */
    List<Site> rankedStations() {
        return sites.list(new SiteQuery(Medium.AIR, null, null)).stream()
                .filter(s -> !s.control() && s.city() != null && !s.city().isBlank())
                .sorted(Comparator.comparing(Site::city).thenComparing(Site::code)).toList();
    }
}
