package org.envmon.app.evaluation;

import org.envmon.app.api.ApiRanges;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.YearMonth;
import org.envmon.app.air.AirViews;
import org.envmon.app.water.WaterViews;
import org.envmon.evaluation.air.AirEvaluationService;
import org.envmon.evaluation.water.WaterEvaluationService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** City rankings: air (composite index, PM2.5, good days) and water (CWQI). */
@RestController
@RequestMapping("/api/v1/rankings")
@Tag(name = "rankings", description = "City rankings computed from the stored data")
public class RankingController {
    private final AirEvaluationService air;
    private final WaterEvaluationService water;

    public RankingController(AirEvaluationService air, WaterEvaluationService water) {
        this.air = air;
        this.water = water;
    }

    @GetMapping("/cities")
    @Operation(summary = "Air quality ranking of all cities with air sites",
            description = "Days from … to (inclusive). by=composite (I_sum ascending), pm25 (period mean ascending) "
                    + "or good_days (share descending); equal values share a rank; change vs the same period of the "
                    + "previous year where data exists (% for composite and pm25, percentage points for good_days).")
    public AirViews.RankingView cities(@Parameter(description = ApiRanges.FROM_DAY) @RequestParam String from,
            @Parameter(description = ApiRanges.TO_DAY) @RequestParam String to,
            @Parameter(description = "composite | pm25 | good_days") @RequestParam(defaultValue = "composite")
            String by) {
        LocalDate f = EvaluationParams.day("from", from);
        LocalDate e = EvaluationParams.day("to", to);
        return AirViews.RankingView.of(f, e, air.ranking(f, e, EvaluationParams.by(by)));
    }

    @GetMapping("/water")
    @Operation(summary = "CWQI ranking of cities for a month (lowest index first)")
    public WaterViews.CwqiRankingView water(@Parameter(description = "YYYY-MM") @RequestParam String month) {
        YearMonth m = EvaluationParams.month(month);
        return WaterViews.CwqiRankingView.of(m, water.waterRanking(m));
    }
}
