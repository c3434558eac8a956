package org.envmon.app.review;

import org.envmon.app.api.ApiExceptionHandler;
import org.envmon.app.api.ApiTime;
import org.envmon.app.api.BadRequestException;
import org.envmon.app.api.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.envmon.app.Actor;
import org.envmon.app.security.AccessPolicy;
import org.envmon.app.security.EnvmonUser;
import org.envmon.model.Interval;
import org.envmon.model.ReviewDecision;
import org.envmon.model.ReviewProposal;
import org.envmon.model.Site;
import org.envmon.model.SiteStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Two-level review over HTTP: a maintainer proposes a review of a site assigned to it; an operator of the site's
 * division (or an admin) accepts it (the review is recorded in the operator's name) or rejects it.
 */
@RestController
@Tag(name = "reviews")
public class ReviewProposalController {
    static final int MAX_LIST = 1000;

    private final ReviewProposals proposals;
    private final SiteStore sites;
    private final AccessPolicy access;

    public ReviewProposalController(ReviewProposals proposals, SiteStore sites, AccessPolicy access) {
        this.proposals = proposals;
        this.sites = sites;
        this.access = access;
    }

    public record ProposalView(long id, String site, String parameter, String interval, OffsetDateTime from,
                               OffsetDateTime to, String decision, String reason, String proposedBy,
                               OffsetDateTime proposedAt, String state, String decidedBy, OffsetDateTime decidedAt,
                               String note, Long reviewId) {
        static ProposalView of(ReviewProposal p) {
            return new ProposalView(p.id(), p.siteCode(), p.parameter(), p.interval() == null ? null
                    : p.interval().code(), ApiTime.out(p.from()), ApiTime.out(p.to()),
                    p.decision().name().toLowerCase(Locale.ROOT), p.reason(), p.proposedBy(),
                    ApiTime.out(p.proposedAt()), p.state(), p.decidedBy(), ApiTime.out(p.decidedAt()), p.note(),
                    p.reviewId());
        }
    }

    public record DecisionBody(@Size(max = ReviewController.MAX_REASON) String note) {
    }

    @PostMapping("/api/v1/sites/{code}/review-proposals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Propose a review decision (a maintainer, on a site assigned to it); an operator of the "
            + "site's division accepts or rejects it")
    public ProposalView propose(@PathVariable String code, @Valid @RequestBody ReviewController.ReviewBody body,
                                @AuthenticationPrincipal EnvmonUser user) {
        Site site = sites.require(code);
        access.requireProposal(user, site);
        ReviewDecision decision = body.parsedDecision();
        Interval interval = body.parsedInterval();
        try {
            return ProposalView.of(proposals.propose(user.name(), code, body.parameterOrAll(), interval,
                    ApiTime.in("from", body.from()), ApiTime.in("to", body.to()), decision, body.reason()));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    @GetMapping("/api/v1/review-proposals")
    @Operation(summary = "Review proposals, newest first, within the caller's scope (an operator's division, a "
            + "maintainer's sites)")
    public List<ProposalView> list(
            @Parameter(description = "one site only") @RequestParam(required = false) String site,
            @Parameter(description = "pending | accepted | rejected") @RequestParam(required = false) String state,
            @AuthenticationPrincipal EnvmonUser user) {
        return proposals.list(site == null || site.isBlank() ? null : site, state == null || state.isBlank() ? null
                : state, MAX_LIST).stream()
                .filter(p -> sites.byCode(p.siteCode()).map(s -> access.mayRead(user, s)).orElse(false))
                .map(ProposalView::of).toList();
    }

    @PostMapping("/api/v1/review-proposals/{id}/accept")
    @Operation(summary = "Accept a pending proposal: its review is recorded in the caller's name (an operator of "
            + "the site's division, or an admin)")
    public ReviewController.ReviewView accept(@PathVariable long id, @Valid @RequestBody(required = false)
            DecisionBody body, @AuthenticationPrincipal EnvmonUser user) {
        ReviewProposal p = decidable(id, user);
        return ReviewController.ReviewView.of(proposals.accept(p, new Actor(user.name(), user.toString()),
                body == null ? null : body.note()));
    }

    @PostMapping("/api/v1/review-proposals/{id}/reject")
    @Operation(summary = "Reject a pending proposal, with a note (an operator of the site's division, or an admin)")
    public ProposalView reject(@PathVariable long id, @Valid @RequestBody(required = false) DecisionBody body,
                               @AuthenticationPrincipal EnvmonUser user) {
        ReviewProposal p = decidable(id, user);
        return ProposalView.of(proposals.reject(p, new Actor(user.name(), user.toString()),
                body == null ? null : body.note()));
    }

    /** A proposal the caller may decide; one outside its scope is 404, as if it did not exist. */
    private ReviewProposal decidable(long id, EnvmonUser user) {
        ReviewProposal p = proposals.find(id).filter(x -> sites.byCode(x.siteCode())
                .map(s -> access.mayRead(user, s)).orElse(false))
                .orElseThrow(() -> new NotFoundException("no review proposal with id " + id));
        access.requireReviewDecision(user, sites.require(p.siteCode()));
        return p;
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ProblemDetail> decided(IllegalStateException e) {
        return ApiExceptionHandler.problem(HttpStatus.CONFLICT, "Proposal decided already", e.getMessage(),
                "proposal-decided");
    }
}
