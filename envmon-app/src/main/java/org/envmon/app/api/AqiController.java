package org.envmon.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import org.envmon.app.evaluation.AirViews;
import org.envmon.app.evaluation.EvaluationParams;
import org.envmon.app.evaluation.EvaluationService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Hourly and daily AQI of a station or a city, computed from the stored valid hourly values. */
@RestController
@RequestMapping("/api/v1/aqi")
@Tag(name = "air evaluation", description = "AQI (HJ 633), HJ 663 statistics and city rankings from the stored data")
public class AqiController {
    private final EvaluationService service;

    public AqiController(EvaluationService service) {
        this.service = service;
    }

    @GetMapping("/hourly")
    @Operation(summary = "Real-time (hourly) AQI of a site or a city",
            description = "Hours starting in [from, to), Beijing time. Per hour: AQI, level, category, primary "
                    + "pollutants, IAQI and concentration per pollutant, edition. A city hour is scored on the mean "
                    + "of its non-control stations. Only valid, reviewed values count.")
    public AirViews.AqiSeriesView hourly(
            @Parameter(description = "site code (or give city)") @RequestParam(required = false) String site,
            @Parameter(description = "city name, e.g. 北京 (or give site)") @RequestParam(required = false) String city,
            @Parameter(description = "ISO-8601 time; a date or local time is Beijing time") @RequestParam String from,
            @Parameter(description = "exclusive") @RequestParam String to) {
        EvaluationService.AirTarget t = service.airTarget(site, city);
        Instant f = ApiTime.in("from", from);
        Instant e = ApiTime.in("to", to);
        return AirViews.hourly(t, f, e, service.hourly(t, f, e));
    }

    @GetMapping("/daily")
    @Operation(summary = "Daily AQI of a site or a city",
            description = "Natural days (Beijing time) from … to, both inclusive: 24-h means (≥ 20 hours), O3 daily "
                    + "max 8-h, daily AQI with level, category, primary pollutants, IAQIs, edition.")
    public AirViews.AqiSeriesView daily(@RequestParam(required = false) String site,
            @RequestParam(required = false) String city,
            @Parameter(description = "first day, YYYY-MM-DD") @RequestParam String from,
            @Parameter(description = "last day (inclusive), YYYY-MM-DD") @RequestParam String to) {
        EvaluationService.AirTarget t = service.airTarget(site, city);
        LocalDate f = EvaluationParams.day("from", from);
        LocalDate e = EvaluationParams.day("to", to);
        return AirViews.daily(t, f, e, service.daily(t, f, e));
    }
}
