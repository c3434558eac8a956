package org.envmon.app.quality;

import org.envmon.app.api.ApiRanges;
import org.envmon.app.api.ApiTime;
import org.envmon.app.api.BadRequestException;
import org.envmon.app.api.NotFoundException;
import org.envmon.app.parameters.KnownParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.envmon.quality.screening.Suspicion;
import org.envmon.app.security.AccessPolicy;
import org.envmon.app.security.EnvmonUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Data quality: falsification screening results for human review. */
@RestController
@RequestMapping("/api/v1/quality")
@Tag(name = "quality", description = "Quality control, screening and review")
public class QualityController {
    private final ScreeningService screening;
    private final KnownParameters known;

    private final AccessPolicy access;

    public QualityController(ScreeningService screening, KnownParameters known, AccessPolicy access) {
        this.access = access;
        this.screening = screening;
        this.known = known;
    }

    /** A suspicion with its evidence, times in Beijing time. */
    public record SuspicionView(String detector, String site, String parameter, OffsetDateTime from,
                                OffsetDateTime to, double score, String evidence, Map<String, Object> details) {
        static SuspicionView of(Suspicion s) {
            return new SuspicionView(s.detector(), s.siteCode(), s.parameter(), ApiTime.out(s.from()),
                    ApiTime.out(s.to()), s.score(), s.evidence(), s.fields());
        }
    }

    @GetMapping("/suspicions")
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
