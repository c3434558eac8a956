package org.envmon.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.envmon.app.quality.SiteQualityService;
import org.envmon.store.Completeness;
import org.envmon.store.Site;
import org.envmon.store.SiteStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Station KPIs. */
@RestController
@Tag(name = "quality")
public class SiteQualityController {
    static final int MAX_DAYS = 366;

    private final SiteQualityService service;
    private final SiteStore sites;

    public SiteQualityController(SiteQualityService service, SiteStore sites) {
        this.service = service;
        this.sites = sites;
    }

    public record Rates(String from, String to, long expected, long received, long valid, double captureRate,
                        double validRate) {
        static Rates of(Completeness c) {
            return new Rates(c.from().toString(), c.to().toString(), c.expected(), c.received(), c.valid(),
                    round(c.captureRate()), round(c.validRate()));
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
            + "values of the medium's routine parameters, and online state; from inclusive, to exclusive (dates)")
    public QualityView quality(@PathVariable String code, @RequestParam String from, @RequestParam String to,
                               @RequestParam(required = false) List<String> parameter) {
        Site site = sites.byCode(code).orElseThrow(() -> new NotFoundException("no site with code " + code));
        LocalDate d0 = date("from", from);
        LocalDate d1 = date("to", to);
        if (!d0.isBefore(d1)) {
            throw new BadRequestException("'from' must be before 'to'");
        }
        if (ChronoUnit.DAYS.between(d0, d1) > MAX_DAYS) {
            throw new BadRequestException("at most " + MAX_DAYS + " days per request");
        }
        SiteQualityService.SiteQuality q = service.quality(site, d0, d1, parameter);
        return new QualityView(q.site(), q.parameters(), q.status().online(), ApiTime.out(q.status().lastPacketAt()),
                Rates.of(q.total()), q.days().stream().map(Rates::of).toList(), q.validity());
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("parameter '" + name + "' is not a date (YYYY-MM-DD): " + value);
        }
    }
}
