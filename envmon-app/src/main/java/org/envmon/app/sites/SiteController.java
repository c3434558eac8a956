package org.envmon.app.sites;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.envmon.app.api.ApiRanges;
import org.envmon.app.api.ApiTime;
import org.envmon.app.api.BadRequestException;
import org.envmon.app.api.NotFoundException;
import org.envmon.app.parameters.KnownParameters;
import org.envmon.app.parameters.ParameterNames;
import org.envmon.app.quality.SiteQualityService;
import org.envmon.app.security.AccessPolicy;
import org.envmon.app.security.EnvmonUser;
import org.envmon.app.security.PublicationDelay;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.Observation;
import org.envmon.model.ObservationQuery;
import org.envmon.model.ObservationStore;
import org.envmon.model.Site;
import org.envmon.model.SiteQuery;
import org.envmon.model.SiteStatus;
import org.envmon.model.SiteStore;
import org.envmon.model.Statistic;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sites and their data. */
@RestController
@RequestMapping("/api/v1/sites")
@Tag(name = "sites", description = "Monitoring sites and their observations")
public class SiteController {
    static final int MAX_POINTS = 100_000;
    static final Duration DEFAULT_WINDOW = Duration.ofDays(1);

    private final SiteStore sites;
    private final ObservationStore observations;
    private final ParameterNames parameters;
    private final KnownParameters known;
    private final SiteQualityService status;

    private final AccessPolicy access;
    private final PublicationDelay delay;

    public SiteController(SiteStore sites, ObservationStore observations, ParameterNames parameters,
                          KnownParameters known, SiteQualityService status, AccessPolicy access,
                          PublicationDelay delay) {
        this.access = access;
        this.delay = delay;
        this.sites = sites;
        this.observations = observations;
        this.parameters = parameters;
        this.known = known;
        this.status = status;
    }

    @GetMapping
    @Operation(summary = "List sites, filtered by medium, province and city, each with its online state and last "
            + "packet time (the station MN for callers whose scope covers the site)")
    public List<SiteView> list(@RequestParam(required = false) String medium,
                               @RequestParam(required = false) String province,
                               @RequestParam(required = false) String city,
                               @AuthenticationPrincipal EnvmonUser user) {
        Medium m = null;
        if (medium != null && !medium.isBlank()) {
            try {
                m = Medium.fromCode(medium);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(e.getMessage());
            }
        }
        Map<String, SiteStatus> online = status.statusByCode();
        return sites.list(new SiteQuery(m, blank(province), blank(city))).stream()
                .map(s -> SiteView.of(s, online.get(s.code()), access.mayRead(user, s))).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One site, with its online state and last packet time (the station MN for callers whose "
            + "scope covers it)")
    public SiteView site(@PathVariable String code, @AuthenticationPrincipal EnvmonUser user) {
        Site site = site0(code);
        return SiteView.of(site, status.status(code), access.mayRead(user, site));
    }

    @GetMapping("/{code}/latest")
    @Operation(summary = "Latest value per parameter and interval, with its time and instrument flag",
            description = "Without credentials, values still within the publication delay are left out.")
    public List<LatestView> latest(@PathVariable String code, @AuthenticationPrincipal EnvmonUser user) {
        site0(code);
        return observations.latest(code).stream().map(o -> published(o, user)).filter(o -> o != null).map(o -> {
            ParameterNames.Entry p = parameters.find(o.parameter());
            return new LatestView(o.parameter(), p == null ? null : p.name(), p == null ? null : p.unit(),
                    o.interval().code(), ApiTime.out(o.time()), o.value(), o.flag(), o.effectiveValid(), o.qcCodes(),
                    ObservationView.review(o), ApiTime.out(o.receivedAt()));
        }).toList();
    }

    @GetMapping("/{code}/observations")
    @Operation(summary = "A parameter's series, oldest first: values whose interval starts in [from, to) "
            + "(default: the day before 'to', or before now); an unknown parameter code is 404",
            description = "Without credentials, values still within the publication delay are left out.")
    public List<ObservationView> observations(@PathVariable String code,
            @Parameter(description = "HJ 212 parameter code, e.g. a34004") @RequestParam String parameter,
            @Parameter(description = ApiRanges.FROM_TIME) @RequestParam(required = false) String from,
            @Parameter(description = ApiRanges.TO_TIME) @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "hour") String interval,
            @RequestParam(defaultValue = "" + MAX_POINTS) @Min(1) @Max(MAX_POINTS) int limit,
            @AuthenticationPrincipal EnvmonUser user) {
        site0(code);
        known.require(code, parameter);
        Interval iv;
        try {
            iv = Interval.fromCode(interval);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        Instant t1 = ApiTime.in("to", to);
        Instant t0 = ApiTime.in("from", from);
        if (t1 == null) {
            t1 = t0 == null ? Instant.now() : t0.plus(DEFAULT_WINDOW);
        }
        if (t0 == null) {
            t0 = t1.minus(DEFAULT_WINDOW);
        }
        if (!t0.isBefore(t1)) {
            throw new BadRequestException("'from' must be before 'to'");
        }
        t1 = delay.visibleBefore(user, t1, iv);
        if (!t0.isBefore(t1)) {
            return List.of();
        }
        return observations.query(new ObservationQuery(code, parameter, iv, Statistic.VALUE, t0, t1, limit))
                .stream().map(ObservationView::of).toList();
    }

    /**
     * The value itself, or for a caller held back by the publication delay the newest published value of its series
     * within the day before (null when none).
     */
    private Observation published(Observation o, EnvmonUser user) {
        if (delay.shown(user, o.time(), o.interval())) {
            return o;
        }
        Instant to = delay.visibleBefore(user, o.time(), o.interval());
        List<Observation> before = observations.query(new ObservationQuery(o.siteCode(), o.parameter(), o.interval(),
                o.statistic(), to.minus(DEFAULT_WINDOW), to, MAX_POINTS));
        return before.isEmpty() ? null : before.get(before.size() - 1);
    }

    private Site site0(String code) {
        return sites.byCode(code).orElseThrow(() -> new NotFoundException("no site with code " + code));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
