package org.envmon.app.quality;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.envmon.app.api.ApiRanges;
import org.envmon.app.api.ApiTime;
import org.envmon.app.api.BadRequestException;
import org.envmon.app.api.NotFoundException;
import org.envmon.app.evaluation.EvaluationParams;
import org.envmon.app.parameters.KnownParameters;
import org.envmon.app.security.AccessPolicy;
import org.envmon.app.security.EnvmonUser;
import org.envmon.model.Completeness;
import org.envmon.model.QcFlag;
import org.envmon.model.QualityStore;
import org.envmon.model.Site;
import org.envmon.model.SiteStore;
import org.envmon.model.Store;
import org.envmon.quality.screening.Suspicion;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Data quality: station KPIs, retroactive QC verdicts, and falsification screening for human review. */
@RestController
@Tag(name = "quality", description = "Quality control, screening and review")
public class QualityController {
    static final int MAX_DAYS = 366;
    static final int MAX_PARAMETERS = 50;

    private final SiteQualityService service;
    private final ScreeningService screening;
    private final SiteStore sites;
    private final KnownParameters known;
    private final QualityStore quality;
    private final AccessPolicy access;

    public QualityController(SiteQualityService service, ScreeningService screening, SiteStore sites,
                             KnownParameters known, Store store, AccessPolicy access) {
        this.service = service;
        this.screening = screening;
        this.sites = sites;
        this.known = known;
        this.quality = store.quality();
        this.access = access;
    }

    /** A retroactive QC verdict as evidence: the code, the series, the values' range and the run behind it. */
    public record QcFlagView(long id, String parameter, String interval, String code, OffsetDateTime from,
                             OffsetDateTime to, int runLength, double runValue, long packetId,
                             OffsetDateTime flaggedAt, long chainSeq) {
        static QcFlagView of(QcFlag f) {
            return new QcFlagView(f.id(), f.parameter(), f.interval().code(), f.code(), ApiTime.out(f.from()),
                    ApiTime.out(f.to()), f.runLength(), f.runValue(), f.packetId(), ApiTime.out(f.flaggedAt()),
                    f.chainSeq());
        }
    }

    @GetMapping("/api/v1/sites/{code}/qc-flags")
    @Operation(summary = "Retroactive QC verdicts of a site: values found invalid after they were stored (a constant"
            + " run flagged from its first value once it reached its threshold). Each covers the VALUE rows of one"
            + " series with time in [from, to); runLength is the run's length when it was flagged, packetId the"
            + " packet that completed it. Query from inclusive, to exclusive (instants, optional)")
    public List<QcFlagView> qcFlags(@PathVariable String code,
                                    @Parameter(description = ApiRanges.FROM_TIME) @RequestParam(required = false)
                                    String from,
                                    @Parameter(description = ApiRanges.TO_TIME) @RequestParam(required = false)
                                    String to, @AuthenticationPrincipal EnvmonUser user) {
        access.requireRead(user, sites.require(code));
        return quality.qcFlags(code, from == null ? null : ApiTime.in("from", from),
                to == null ? null : ApiTime.in("to", to)).stream().map(QcFlagView::of).toList();
    }

    /** Figures over the days from … to, both inclusive. */
    public record Rates(String from, String to, long expected, long received, long valid, double captureRate,
                        double validRate) {
        static Rates of(Completeness c) {
            return new Rates(c.from().toString(), c.to().minusDays(1).toString(), c.expected(), c.received(),
                    c.valid(), round(c.captureRate()), round(c.validRate()));
        }

        private static double round(double r) {
            return Math.round(r * 10_000) / 10_000.0;
        }
    }

    public record QualityView(String site, List<String> parameters, boolean online, OffsetDateTime lastPacketAt,
                              Rates total, List<Rates> days, List<SiteQualityService.DailyValidity> dailyValidity) {
    }

    @GetMapping("/api/v1/sites/{code}/quality")
    @Operation(summary = "Data capture rate (获取率) and valid data rate (有效率) per day (China time) for the hourly "
            + "values of the medium's routine parameters (or the given ones), and online state; days from … to, both "
            + "inclusive")
    public QualityView quality(@PathVariable String code,
            @Parameter(description = ApiRanges.FROM_DAY) @RequestParam String from,
            @Parameter(description = ApiRanges.TO_DAY) @RequestParam String to,
            @Parameter(description = "HJ 212 parameter codes (default: the medium's routine ones)")
            @RequestParam(required = false) @Size(max = MAX_PARAMETERS) List<String> parameter) {
        Site site = sites.require(code);
        EvaluationParams.Days days = EvaluationParams.days(from, to, MAX_DAYS);
        LocalDate d0 = days.from();
        LocalDate d1 = days.to();
        if (parameter != null) {
            parameter.forEach(p -> known.require(code, p));
        }
        SiteQualityService.SiteQuality q = service.quality(site, d0, d1.plusDays(1), parameter);
        return new QualityView(q.site(), q.parameters(), q.status().online(), ApiTime.out(q.status().lastPacketAt()),
                Rates.of(q.total()), q.days().stream().map(Rates::of).toList(), q.validity());
    }

    /** A suspicion with its evidence, times in Beijing time. */
    public record SuspicionView(String detector, String site, String parameter, OffsetDateTime from,
                                OffsetDateTime to, double score, String evidence, Map<String, Object> details) {
        static SuspicionView of(Suspicion s) {
            return new SuspicionView(s.detector(), s.siteCode(), s.parameter(), ApiTime.out(s.from()),
                    ApiTime.out(s.to()), s.score(), s.evidence(), s.fields());
        }
    }

    @GetMapping("/api/v1/quality/suspicions")
    @Operation(summary = "Screen a city's air stations for suspicious patterns (clamping under a limit, variance "
            + "collapse, decoupling from neighbours, repeated daily profiles, calibration jumps) over the hours "
            + "starting in [from, to); an unknown city or parameter code is 404")
    public List<SuspicionView> suspicions(@RequestParam String city,
            @Parameter(description = "HJ 212 parameter code") @RequestParam(defaultValue = "a34004") String parameter,
            @Parameter(description = ApiRanges.FROM_TIME) @RequestParam String from,
            @Parameter(description = ApiRanges.TO_TIME) @RequestParam String to,
            @AuthenticationPrincipal EnvmonUser user) {
        access.requireCity(user, city);
        Instant t0 = ApiTime.in("from", from);
        Instant t1 = ApiTime.in("to", to);
        if (!t0.isBefore(t1)) {
            throw new BadRequestException("'from' must be before 'to'");
        }
        if (Duration.between(t0, t1).compareTo(ScreeningService.MAX_PERIOD) > 0) {
            throw new BadRequestException("period longer than " + ScreeningService.MAX_PERIOD.toDays() + " days");
        }
        if (!screening.hasAirSites(city)) {
            throw new NotFoundException("no air sites in city " + city);
        }
        known.require(parameter);
        return screening.screenCity(city, parameter, t0, t1).stream().map(SuspicionView::of).toList();
    }
}
