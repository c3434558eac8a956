package org.envmon.app.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.envmon.app.api.ApiRanges;
import org.envmon.app.api.ApiTime;
import org.envmon.app.api.BadRequestException;
import org.envmon.app.security.AccessPolicy;
import org.envmon.app.security.EnvmonUser;
import org.envmon.model.Site;
import org.envmon.quality.screening.Suspicion;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The console's review queue: what the caller's division has to review, grouped so a QC run is one item. */
@RestController
@Tag(name = "reviews")
public class ReviewQueueController {
    static final Duration DEFAULT_PERIOD = Duration.ofDays(7);
    static final Duration MAX_PERIOD = Duration.ofDays(31);

    private final ReviewQueueService queue;
    private final AccessPolicy access;

    public ReviewQueueController(ReviewQueueService queue, AccessPolicy access) {
        this.queue = queue;
        this.access = access;
    }

    /**
     * One item: the hourly values of one series with time in [from, to) flagged for {@code code}; {@code state}
     * pending | invalidated | accepted | mixed (by the reviews covering them); a constant run carries its evidence.
     */
    public record ItemView(String site, String siteName, String city, String parameter, String code,
                           OffsetDateTime from, OffsetDateTime to, int values, int reviewed, String state,
                           Integer runLength, Double runValue) {
    }

    public record SuspicionView(String detector, String site, String siteName, String parameter,
                                OffsetDateTime from, OffsetDateTime to, double score, String evidence) {
    }

    public record QueueView(String division, OffsetDateTime from, OffsetDateTime to, int sites, List<ItemView> items,
                            List<SuspicionView> suspicions, boolean suspicionsOmitted) {
    }

    @GetMapping("/api/v1/review-queue")
    @Operation(summary = "The review queue of the caller's division (admin: all sites): QC-flagged hourly values "
            + "grouped into items (a constant run is one item from its first reading), each with its review state, "
            + "and the falsification-screening suspicions of the division's air stations (PM2.5; omitted over more "
            + "than 10 cities: ask for one city). Another division's city is 403")
    public QueueView queue(
            @Parameter(description = ApiRanges.FROM_TIME + " (default: 7 days before 'to')")
            @RequestParam(required = false) String from,
            @Parameter(description = ApiRanges.TO_TIME + " (default: the next whole hour)")
            @RequestParam(required = false) String to,
            @Parameter(description = "one city of the division only") @RequestParam(required = false) String city,
            @AuthenticationPrincipal EnvmonUser user) {
        Instant t1 = ApiTime.in("to", to);
        if (t1 == null) {
            t1 = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(ReviewQueueService.STEP);
        }
        Instant t0 = ApiTime.in("from", from);
        if (t0 == null) {
            t0 = t1.minus(DEFAULT_PERIOD);
        }
        if (!t0.isBefore(t1)) {
            throw new BadRequestException("'from' must be before 'to'");
        }
        if (Duration.between(t0, t1).compareTo(MAX_PERIOD) > 0) {
            throw new BadRequestException("period longer than " + MAX_PERIOD.toDays() + " days");
        }
        String c = city == null || city.isBlank() ? null : city.strip();
        if (c != null) {
            access.requireCity(user, c);
        }
        List<Site> sites = queue.sites(user.division(), c);
        ReviewQueueService.Queue q = queue.queue(sites, t0, t1);
        Map<String, Site> named = ReviewQueueService.byCode(sites);
        List<ItemView> items = q.items().stream().map(i -> {
            Site s = named.get(i.site());
            return new ItemView(i.site(), s == null ? null : s.name(), s == null ? null : s.city(), i.parameter(),
                    i.code(), ApiTime.out(i.from()), ApiTime.out(i.to()), i.values(), i.reviewed(),
                    i.state().name().toLowerCase(Locale.ROOT), i.runLength(), i.runValue());
        }).toList();
        List<SuspicionView> suspicions = q.suspicions().stream().map((Suspicion s) -> {
            Site site = named.get(s.siteCode());
            return new SuspicionView(s.detector(), s.siteCode(), site == null ? null : site.name(), s.parameter(),
                    ApiTime.out(s.from()), ApiTime.out(s.to()), s.score(), s.evidence());
        }).toList();
        return new QueueView(user.division().toString(), ApiTime.out(t0), ApiTime.out(t1), sites.size(), items,
                suspicions, q.suspicionsOmitted());
    }
}
