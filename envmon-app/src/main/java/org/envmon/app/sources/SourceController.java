package org.envmon.app.sources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Optional;
import org.envmon.app.api.ApiRanges;
import org.envmon.app.api.ApiTime;
import org.envmon.app.api.BadRequestException;
import org.envmon.app.security.EnvmonUser;
import org.envmon.app.security.PublicationDelay;
import org.envmon.evaluation.sources.OutletHours;
import org.envmon.evaluation.sources.SourceEmissionsService;
import org.envmon.model.Interval;
import org.envmon.sources.fluegas.ReferenceOxygen;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Pollution-source outlets: a flue-gas or waste-water outlet's hours recomputed from what its device sent. */
@RestController
@RequestMapping("/api/v1/sources")
@Tag(name = "pollution sources", description = "Enterprises' outlets: converted concentrations and emission amounts")
public class SourceController {
    private final SourceEmissionsService service;
    private final PublicationDelay delay;

    public SourceController(SourceEmissionsService service, PublicationDelay delay) {
        this.service = service;
        this.delay = delay;
    }

    @GetMapping("/outlets/{code}/hours")
    @Operation(summary = "An outlet's hours, recomputed",
            description = "Per hour (CN 2061, valid values) the hour's volume (dry flue gas at the standard state, or "
                    + "waste water) and per pollutant the measured mean and the emission amount (kg), beside the "
                    + "device's own amount and whether they agree (5 % or 0.01). A flue-gas outlet also has O2 and "
                    + "each mean converted to the reference O2 (折算浓度) beside the device's converted mean: the "
                    + "reference is the facility kind given, else the one most of the device's converted figures "
                    + "imply. At most 31 days; without credentials, hours before the publication delay.")
    public SourceViews.OutletHoursView hours(@PathVariable String code,
            @Parameter(description = ApiRanges.FROM_TIME) @RequestParam String from,
            @Parameter(description = ApiRanges.TO_TIME) @RequestParam String to,
            @Parameter(description = "flue gas only: the facility kind setting the reference O2, e.g. "
                    + "coal-fired-power-boiler; default: implied by the device") @RequestParam(required = false)
            String facility,
            @AuthenticationPrincipal EnvmonUser user) {
        Optional<ReferenceOxygen> kind = Optional.empty();
        if (facility != null) {
            kind = Optional.of(ReferenceOxygen.parse(facility).orElseThrow(() -> new BadRequestException(
                    "facility: unknown kind '" + facility + "'; one of " + ReferenceOxygen.kinds())));
        }
        Instant f = ApiTime.in("from", from);
        Instant e = ApiTime.in("to", to);
        OutletHours hours = service.hours(code, f, e, kind).before(delay.visibleBefore(user, e, Interval.HOUR));
        return SourceViews.OutletHoursView.of(hours, f, e);
    }
}
