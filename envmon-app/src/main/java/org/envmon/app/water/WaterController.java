package org.envmon.app.water;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.envmon.app.evaluation.EvaluationParams;
import org.envmon.evaluation.water.WaterEvaluationService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Surface-water evaluation (GB 3838-2002) of sections and of basins or provinces. */
@RestController
@RequestMapping("/api/v1/water")
@Tag(name = "water evaluation", description = "Section classes and group evaluation from the stored data")
public class WaterController {
    private final WaterEvaluationService service;

    public WaterController(WaterEvaluationService service) {
        this.service = service;
    }

    @GetMapping("/sections/{code}/class")
    @Operation(summary = "Monthly class of a section",
            description = "Single-factor class of the month's mean concentrations (valid, reviewed values), main "
                    + "pollutants with their multiples above class III, section CWQI.")
    public WaterViews.SectionClassView sectionClass(@PathVariable String code,
            @Parameter(description = "YYYY-MM") @RequestParam String month) {
        return WaterViews.SectionClassView.of(service.sectionMonth(code, EvaluationParams.month(month)));
    }

    @GetMapping("/evaluation")
    @Operation(summary = "Evaluation of a basin or a province for a month",
            description = "Shares of the classes, status (share method with ≥ 5 sections, else the mean "
                    + "concentrations), main pollutants, each section's class. Give basin or province.")
    public WaterViews.GroupView evaluation(@RequestParam(required = false) String basin,
            @RequestParam(required = false) String province, @RequestParam String month) {
        return WaterViews.GroupView.of(service.waterGroup(basin, province, EvaluationParams.month(month)));
    }
}
