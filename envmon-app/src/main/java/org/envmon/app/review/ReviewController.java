package org.envmon.app.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.envmon.app.Actor;
import org.envmon.app.api.ApiRanges;
import org.envmon.app.api.ApiTime;
import org.envmon.app.api.BadRequestException;
import org.envmon.app.security.AccessPolicy;
import org.envmon.app.security.EnvmonUser;
import org.envmon.model.Interval;
import org.envmon.model.Review;
import org.envmon.model.ReviewDecision;
import org.envmon.model.Site;
import org.envmon.model.SiteStore;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Data review decisions of a site: record one, list the history. */
@RestController
@RequestMapping("/api/v1/sites/{code}/reviews")
@Tag(name = "reviews", description = "Data review (数据审核): mark values invalid or valid again, with a reason")
public class ReviewController {
    private final ReviewService reviews;
    private final SiteStore sites;
    private final AccessPolicy access;

    public ReviewController(ReviewService reviews, SiteStore sites, AccessPolicy access) {
        this.reviews = reviews;
        this.sites = sites;
        this.access = access;
    }

    /** Longest review reason: a paragraph of findings, not a file (the chain keeps every reason forever). */
    public static final int MAX_REASON = 2000;
    /** Longest operator name. */
    public static final int MAX_OPERATOR = 100;
    private static final String DECISION = "must be 'invalid' or 'valid'";

    /**
     * A review request. {@code parameter} and {@code interval} may be omitted to cover all parameters or intervals;
     * the decision records the authenticated account; {@code operator} is still accepted (size-limited) so that
     * existing clients keep working, but ignored. Every field has a size limit (400 problem+json beyond it).
     */
    public record ReviewBody(
            @Schema(description = "HJ 212 parameter code; omitted = all parameters") @Size(max = 32) String parameter,
            @Schema(description = "realtime | minute | hour | day; omitted = all") @Size(max = 16) String interval,
            @Schema(description = ApiRanges.FROM_TIME) @NotBlank @Size(max = 64) String from,
            @Schema(description = ApiRanges.TO_TIME) @NotBlank @Size(max = 64) String to,
            @Schema(description = "invalid | valid") @NotNull(message = DECISION)
            @Pattern(regexp = "(?i)invalid|valid", message = DECISION) String decision,
            @Schema(description = "why (mandatory), at most " + MAX_REASON + " characters") @NotBlank
            @Size(max = MAX_REASON) String reason,
            @Schema(description = "ignored: the decision records the authenticated account (accepted for "
                    + "compatibility, at most " + MAX_OPERATOR + " characters)", deprecated = true)
            @Size(max = MAX_OPERATOR) String operator) {

        /** The decision ({@code invalid} or {@code valid}, as validated). */
        ReviewDecision parsedDecision() {
            return ReviewDecision.valueOf(decision.toUpperCase(Locale.ROOT));
        }

        /** The interval, or null (all intervals) where omitted; 400 for an unknown code. */
        Interval parsedInterval() {
            return BadRequestException.parseOptional(interval, Interval::fromCode);
        }

        /** The parameter, or null (all parameters) where omitted. */
        String parameterOrAll() {
            return parameter == null || parameter.isBlank() ? null : parameter;
        }
    }

    public record ReviewView(long id, String site, String parameter, String interval, OffsetDateTime from,
                             OffsetDateTime to, String decision, String reason, String operator,
                             OffsetDateTime decidedAt, long chainSeq) {
        static ReviewView of(Review r) {
            return new ReviewView(r.id(), r.siteCode(), r.parameter(), r.interval() == null ? null
                    : r.interval().code(), ApiTime.out(r.from()), ApiTime.out(r.to()),
                    r.decision().name().toLowerCase(Locale.ROOT), r.reason(), r.operator(),
                    ApiTime.out(r.decidedAt()), r.chainSeq());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a review decision (invalid | valid) over the values whose interval starts in "
            + "[from, to), with a mandatory reason; recorded with the authenticated account (admin, or an operator "
            + "of the site's division; a maintainer is refused)")
    public ReviewView review(@PathVariable String code, @Valid @RequestBody ReviewBody body,
                             @AuthenticationPrincipal EnvmonUser user) {
        Site site = sites.require(code);
        access.requireReviewDecision(user, site);
        ReviewDecision decision = body.parsedDecision();
        return ReviewView.of(reviews.review(new Actor(user.name(), user.toString()), code, body.parameterOrAll(),
                body.parsedInterval(), ApiTime.in("from", body.from()), ApiTime.in("to", body.to()), decision,
                body.reason()));
    }

    @GetMapping
    @Operation(summary = "Review history of a site, oldest first: the reviews whose range overlaps [from, to)")
    public List<ReviewView> history(@PathVariable String code,
            @Parameter(description = ApiRanges.FROM_TIME + " (default: unbounded)") @RequestParam(required = false)
            String from,
            @Parameter(description = ApiRanges.TO_TIME + " (default: unbounded)") @RequestParam(required = false)
            String to, @AuthenticationPrincipal EnvmonUser user) {
        Site site = sites.require(code);
        access.requireRead(user, site);
        return reviews.history(code, ApiTime.in("from", from), ApiTime.in("to", to)).stream()
                .map(ReviewView::of).toList();
    }
}
