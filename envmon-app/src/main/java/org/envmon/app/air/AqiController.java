package org.envmon.app.air;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.envmon.app.api.ApiRanges;
import org.envmon.app.api.ApiTime;
import org.envmon.app.evaluation.EvaluationParams;
import org.envmon.app.security.EnvmonUser;
import org.envmon.app.security.PublicationDelay;
import org.envmon.evaluation.air.AirEvaluationService;
import org.envmon.evaluation.air.AirTarget;
import org.envmon.evaluation.derived.LiveRecompute;
import org.envmon.model.Interval;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Hourly and daily AQI of a station or a city, computed from the stored valid hourly values. */
@RestController
@RequestMapping("/api/v1/aqi")
@Tag(name = "air evaluation", description = "AQI (HJ 633), HJ 663 statistics and city rankings from the stored data")
public class AqiController {
    private final AirEvaluationService service;
    private final PublicationDelay delay;
    /**
     * The live map's answer, asked for many times a second by every open page: kept until the live recompute stores
     * new city hours, and at most {@link #LATEST_AT_MOST} (hours recomputed outside the live worker, the clock
     * passing an hour), so that reading the derived store is not on every request's path.
     */
    private final Cache<LatestKey, List<CityNow>> latest = Caffeine.newBuilder()
            .expireAfterWrite(LATEST_AT_MOST).maximumSize(64).build();
    static final Duration LATEST_AT_MOST = Duration.ofSeconds(2);

    private record LatestKey(boolean heldBack, int hours) {
    }

    public AqiController(AirEvaluationService service, PublicationDelay delay,
            ObjectProvider<LiveRecompute> recompute) {
        this.service = service;
        this.delay = delay;
        recompute.ifAvailable(r -> r.addConsumer(changed -> latest.invalidateAll()));
    }

    @GetMapping("/hourly")
    @Operation(summary = "Real-time (hourly) AQI of a site or a city",
            description = "Hours starting in [from, to), Beijing time. Per hour: AQI, level, category, primary "
                    + "pollutants, IAQI and concentration per pollutant, edition. A city hour is scored on the mean "
                    + "of its non-control stations. Only valid, reviewed values count. Without credentials, hours "
                    + "still within the publication delay are left out.")
    public AirViews.AqiSeriesView hourly(
            @Parameter(description = "site code (or give city)") @RequestParam(required = false) String site,
            @Parameter(description = "city name, e.g. 北京 (or give site)") @RequestParam(required = false) String city,
            @Parameter(description = ApiRanges.FROM_TIME) @RequestParam String from,
            @Parameter(description = ApiRanges.TO_TIME) @RequestParam String to,
            @AuthenticationPrincipal EnvmonUser user) {
        AirTarget t = service.airTarget(site, city);
        Instant f = ApiTime.in("from", from);
        Instant e = ApiTime.in("to", to);
        service.checkSpan(f, e);
        Instant shown = delay.visibleBefore(user, e, Interval.HOUR);
        return AirViews.hourly(t, f, e, f.isBefore(shown) ? service.hourly(t, f, shown) : List.of());
    }

    /** One city on the map. */
    public record CityNow(String city, java.time.OffsetDateTime time, int aqi, int level, String category,
            String categoryEn, String colour, List<String> primaryPollutants, int stations,
            Map<String, java.math.BigDecimal> concentrations) {
    }

    @GetMapping("/cities/latest")
    @Operation(summary = "Every city's latest hourly AQI (the live map)",
            description = "From the derived city hours that the live recompute keeps current as stations report: per "
                    + "city the newest hour with an AQI within the last 'hours' hours (default 3); without "
                    + "credentials, the last 'hours' hours before the publication delay.")
    public List<CityNow> latestCities(@RequestParam(defaultValue = "3") @Min(1) @Max(72) int hours,
            @AuthenticationPrincipal EnvmonUser user) {
        return latest.get(new LatestKey(delay.holdsBack(user), hours), k -> latestCitiesNow(hours, user));
    }

    private List<CityNow> latestCitiesNow(int hours, EnvmonUser user) {
        List<CityNow> out = new java.util.ArrayList<>();
        for (AirEvaluationService.LatestCityHour c : service.latestCityHours(delay.latestHourAt(user), hours)) {
            org.envmon.model.DerivedStore.Hour h = c.hour();
            org.envmon.standards.air.AqiLevel level = org.envmon.standards.air.AqiLevel.of(h.aqi());
            List<String> primary = new java.util.ArrayList<>();
            Map<String, java.math.BigDecimal> conc = new java.util.LinkedHashMap<>();
            for (int p = 0; p < org.envmon.evaluation.AirPollutants.COUNT; p++) {
                String name = POLLUTANT_NAMES.get(p);
                if ((h.primaryMask() & (1 << p)) != 0) {
                    primary.add(name);
                }
                if (h.values()[p] >= 0) {
                    conc.put(name, AirViews.plain(java.math.BigDecimal.valueOf(h.values()[p], 3)));
                }
            }
            out.add(new CityNow(c.city(), ApiTime.out(h.start()), h.aqi(), level.number(), level.categoryZh(),
                    level.categoryEn(), level.hex(), primary, h.stations(), conc));
        }
        return List.copyOf(out);
    }

    /** API names of the pollutants in the evaluation order (SO2, NO2, PM10, PM2.5, CO, O3). */
    static final List<String> POLLUTANT_NAMES = List.of("so2", "no2", "pm10", "pm25", "co", "o3");

    @GetMapping("/daily")
    @Operation(summary = "Daily AQI of a site or a city",
            description = "Natural days (Beijing time) from … to, both inclusive: 24-h means (≥ 20 hours), O3 daily "
                    + "max 8-h, daily AQI with level, category, primary pollutants, IAQIs, edition.")
    public AirViews.AqiSeriesView daily(
            @Parameter(description = "site code (or give city)") @RequestParam(required = false) String site,
            @Parameter(description = "city name, e.g. 北京 (or give site)") @RequestParam(required = false) String city,
            @Parameter(description = ApiRanges.FROM_DAY) @RequestParam String from,
            @Parameter(description = ApiRanges.TO_DAY) @RequestParam String to) {
        AirTarget t = service.airTarget(site, city);
        LocalDate f = EvaluationParams.day("from", from);
        LocalDate e = EvaluationParams.day("to", to);
        return AirViews.daily(t, f, e, service.daily(t, f, e));
    }
}
