package org.envmon.app.air;

import org.envmon.app.api.ApiRanges;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.envmon.app.evaluation.EvaluationParams;
import org.envmon.evaluation.air.AirEvaluationService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** HJ 663 evaluation of a city over a period. */
@RestController
@RequestMapping("/api/v1/cities")
@Tag(name = "air evaluation")
public class CityEvaluationController {
    private final AirEvaluationService service;

    public CityEvaluationController(AirEvaluationService service) {
        this.service = service;
    }

    @GetMapping("/{city}/evaluation")
    @Operation(summary = "HJ 663 period evaluation of a city",
            description = "Days from … to (inclusive, Beijing time): period means and percentiles per pollutant, "
                    + "completeness, Class 1/2 compliance, good and heavy days, composite index (综合指数), edition.")
    public AirViews.PeriodView evaluation(@PathVariable String city,
            @Parameter(description = ApiRanges.FROM_DAY) @RequestParam String from,
            @Parameter(description = ApiRanges.TO_DAY) @RequestParam String to) {
        LocalDate f = EvaluationParams.day("from", from);
        LocalDate e = EvaluationParams.day("to", to);
        int stations = service.cityStations(city).size();
        return AirViews.PeriodView.of(city, stations, f, e, service.cityPeriod(city, f, e));
    }
}
