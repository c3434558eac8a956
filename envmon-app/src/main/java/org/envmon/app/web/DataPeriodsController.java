package org.envmon.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.envmon.app.api.ApiTime;
import org.envmon.app.api.BadRequestException;
import org.envmon.app.api.NotFoundException;
import org.envmon.app.security.EnvmonUser;
import org.envmon.app.security.PublicationDelay;
import org.envmon.model.DerivedStore;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.Observation;
import org.envmon.model.ObservationStore;
import org.envmon.model.Site;
import org.envmon.model.SiteQuery;
import org.envmon.model.SiteStore;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the published data ends, so that a page opens on a period that has data (an archive loaded from files, or a
 * station that stopped, is not "now"). Scans the derived AQI rows backwards in growing windows; answers are cached
 * for a minute because every page view asks.
 */
@RestController
@Tag(name = "portal", description = "Helpers of the public pages")
public class DataPeriodsController {
    private static final long CACHE_MILLIS = 60_000;
    private static final int MAX_CACHED = 10_000;
    /** Windows scanned backwards from today, in days: a week first, then a quarter at a time, for twenty years. */
    private static final int FIRST_WINDOW = 7;
    private static final int WINDOW = 92;
    private static final int MAX_DAYS_BACK = 20 * 366;
    private static final int WATER_SECTIONS_SAMPLED = 200;

    private final DerivedStore derived;
    private final SiteStore sites;
    private final ObservationStore observations;
    private final PublicationDelay delay;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(DataPeriods value, long until) {
    }

    /**
     * @param hour       start of the latest hour with an AQI (site or city only)
     * @param day        latest Beijing day with a daily AQI
     * @param waterMonth latest month with a surface-water value (all-cities query only)
     */
    public record DataPeriods(String scope, String code, OffsetDateTime hour, LocalDate day, YearMonth waterMonth) {
    }

    public DataPeriodsController(DerivedStore derived, SiteStore sites, ObservationStore observations,
            PublicationDelay delay) {
        this.delay = delay;
        this.derived = derived;
        this.sites = sites;
        this.observations = observations;
    }

    @GetMapping("/api/v1/portal/periods")
    @Operation(summary = "The latest hour and day with an AQI of a site or a city (or of any city, with the latest "
            + "water month): where a page should open")
    public DataPeriods latest(@Parameter(description = "site code") @RequestParam(required = false) String site,
            @Parameter(description = "city name") @RequestParam(required = false) String city,
            @AuthenticationPrincipal EnvmonUser user) {
        if (site != null && city != null) {
            throw new BadRequestException("give site or city, not both");
        }
        if (site != null) {
            sites.require(site);
        }
        if (city != null && sites.list(new SiteQuery(Medium.AIR, null, city)).isEmpty()) {
            throw new NotFoundException("no air site in city " + city);
        }
        String key = site != null ? "s:" + site : city != null ? "c:" + city : "*";
        long now = System.currentTimeMillis();
        Cached c = cache.get(key);
        if (c != null && c.until() > now) {
            return published(c.value(), user);
        }
        DataPeriods value = site != null ? of(DerivedStore.Scope.STATION, site)
                : city != null ? of(DerivedStore.Scope.CITY, city) : all();
        if (cache.size() > MAX_CACHED) {
            cache.clear();
        }
        cache.put(key, new Cached(value, now + CACHE_MILLIS));
        return published(value, user);
    }

    /** For a caller held back by the publication delay, the latest hour no later than the newest public one. */
    private DataPeriods published(DataPeriods p, EnvmonUser user) {
        if (p.hour() == null || delay.shown(user, p.hour().toInstant(), Interval.HOUR)) {
            return p;
        }
        Instant newest = delay.latestHourAt(user).truncatedTo(ChronoUnit.HOURS);
        return new DataPeriods(p.scope(), p.code(), ApiTime.out(newest), p.day(), p.waterMonth());
    }

    private DataPeriods of(DerivedStore.Scope scope, String code) {
        LocalDate day = latestDay(scope, List.of(code));
        Instant hour = null;
        if (day != null) { // the hours of that day and the next (a day without its 20 hours has no daily AQI)
            Instant from = day.atStartOfDay(DerivedStore.DAY_ZONE).toInstant();
            Instant[] latest = {null};
            derived.hours(scope, List.of(code), from, from.plusSeconds(2 * 86_400L), h -> {
                if (h.aqi() >= 0 && (latest[0] == null || h.start().isAfter(latest[0]))) {
                    latest[0] = h.start();
                }
            });
            hour = latest[0];
        }
        return new DataPeriods(scope.code(), code, ApiTime.out(hour), day, null);
    }

    private DataPeriods all() {
        return new DataPeriods("city", null, null, latestDay(DerivedStore.Scope.CITY, null), latestWaterMonth());
    }

    private LocalDate latestDay(DerivedStore.Scope scope, List<String> codes) {
        LocalDate today = LocalDate.now(DerivedStore.DAY_ZONE).plusDays(1);
        LocalDate to = today;
        LocalDate from = today.minusDays(FIRST_WINDOW);
        while (!from.isBefore(today.minusDays(MAX_DAYS_BACK))) {
            LocalDate[] latest = {null};
            derived.days(scope, codes, from, to, d -> {
                if (d.aqi() >= 0 && (latest[0] == null || d.day().isAfter(latest[0]))) {
                    latest[0] = d.day();
                }
            });
            if (latest[0] != null) {
                return latest[0];
            }
            to = from.minusDays(1);
            from = to.minusDays(WINDOW);
        }
        return null;
    }

    /** The latest value of a sample of the sections: the month a water ranking should open on. */
    private YearMonth latestWaterMonth() {
        Instant latest = null;
        List<Site> sections = sites.list(new SiteQuery(Medium.SURFACE_WATER, null, null));
        for (Site s : sections.subList(0, Math.min(sections.size(), WATER_SECTIONS_SAMPLED))) {
            for (Observation o : observations.latest(s.code())) {
                if (latest == null || o.time().isAfter(latest)) {
                    latest = o.time();
                }
            }
        }
        return latest == null ? null : YearMonth.from(latest.atZone(DerivedStore.DAY_ZONE));
    }
}
