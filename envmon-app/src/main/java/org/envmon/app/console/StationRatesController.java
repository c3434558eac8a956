package org.envmon.app.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.envmon.app.api.ApiRanges;
import org.envmon.app.evaluation.EvaluationParams;
import org.envmon.app.quality.SiteQualityService;
import org.envmon.app.security.EnvmonUser;
import org.envmon.model.Completeness;
import org.envmon.model.CompletenessQuery;
import org.envmon.model.Medium;
import org.envmon.model.Site;
import org.envmon.model.SiteQuery;
import org.envmon.model.Store;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The station registry's figures for every site of the caller's division in one request: data capture rate (获取率)
 * and valid data rate (有效率) of the hourly values of the medium's routine parameters, as
 * {@code GET /sites/{code}/quality} gives them for one site.
 */
@RestController
@Tag(name = "quality")
public class StationRatesController {
    static final int MAX_DAYS = 31;

    private final Store store;

    public StationRatesController(Store store) {
        this.store = store;
    }

    public record StationRates(String site, long expected, long received, long valid, double captureRate,
                               double validRate) {
    }

    @GetMapping("/api/v1/station-rates")
    @Operation(summary = "Data capture and valid rates of the hourly values of the routine parameters (air: the six "
            + "pollutants; surface water: the five routine items) of every site of the caller's division (admin: all) "
            + "over the days from … to, both inclusive (at most 31), by site code")
    public List<StationRates> rates(@Parameter(description = ApiRanges.FROM_DAY) @RequestParam String from,
                                    @Parameter(description = ApiRanges.TO_DAY) @RequestParam String to,
                                    @AuthenticationPrincipal EnvmonUser user) {
        EvaluationParams.Days days = EvaluationParams.days(from, to, MAX_DAYS);
        LocalDate d0 = days.from();
        LocalDate d1 = days.to();
        List<Site> sites = store.sites().list(SiteQuery.all()).stream().filter(user.division()::covers).toList();
        Map<String, long[]> sums = new LinkedHashMap<>();
        for (Medium medium : Medium.values()) {
            List<String> params = SiteQualityService.EXPECTED.get(medium);
            List<String> codes = sites.stream().filter(s -> s.medium() == medium).map(Site::code).toList();
            if (params == null || codes.isEmpty()) {
                continue;
            }
            // One query for the medium's sites (an empty list would mean every site).
            for (Completeness c : store.quality().daily(CompletenessQuery.hourly(codes, params, d0,
                    d1.plusDays(1)))) {
                long[] s = sums.computeIfAbsent(c.siteCode(), k -> new long[3]);
                s[0] += c.expected();
                s[1] += c.received();
                s[2] += c.valid();
            }
        }
        List<StationRates> out = new ArrayList<>();
        sums.forEach((code, s) -> out.add(new StationRates(code, s[0], s[1], s[2], rate(s[1], s[0]),
                rate(s[2], s[0]))));
        out.sort(java.util.Comparator.comparing(StationRates::site));
        return out;
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : Math.round((double) part / whole * 10_000) / 10_000.0;
    }
}
