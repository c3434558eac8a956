package org.envmon.app.review;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.envmon.app.Actor;
import org.envmon.model.Interval;
import org.envmon.model.Review;
import org.envmon.model.ReviewDecision;
import org.envmon.model.ReviewProposal;
import org.envmon.model.ReviewProposalStore;
import org.envmon.model.Store;
import org.springframework.stereotype.Service;

/**
 * Two-level review: a maintainer proposes, an operator of the site's division (or an admin) decides. Accepting
 * records the review through {@link ReviewService} with the decider as its operator and the proposer named in the
 * chained reason, so the chain shows both levels. Who may do which step is checked by the caller (AccessPolicy).
 */
@Service
public class ReviewProposals {
    private final ReviewProposalStore proposals;
    private final ReviewService reviews;
    private final Clock clock = Clock.systemUTC();

    public ReviewProposals(Store store, ReviewService reviews) {
        this.proposals = store.proposals();
        this.reviews = reviews;
    }

    public ReviewProposal propose(String proposer, String siteCode, String parameter, Interval interval,
                                  Instant from, Instant to, ReviewDecision decision, String reason) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("empty time range: 'from' must be before 'to'");
        }
        return proposals.propose(new ReviewProposal(0, siteCode, parameter, interval, from, to, decision, reason,
                proposer, clock.instant(), ReviewProposal.PENDING, null, null, null, null));
    }

    public Optional<ReviewProposal> find(long id) {
        return proposals.find(id);
    }

    public List<ReviewProposal> list(String siteCode, String state, int limit) {
        return proposals.list(siteCode, state, limit);
    }

    /**
     * Accepts a pending proposal: records its review (validated and chained by the store) and closes it.
     *
     * @throws IllegalStateException when it is not pending
     */
    public synchronized Review accept(ReviewProposal p, Actor decider, String note) {
        requirePending(p);
        Review r = reviews.review(decider, p.siteCode(), p.parameter(), p.interval(), p.from(), p.to(), p.decision(),
                p.reason() + " [proposal " + p.id() + " by " + p.proposedBy() + "]");
        proposals.decide(p.id(), ReviewProposal.ACCEPTED, decider.operator(), clock.instant(), note, r.id());
        return r;
    }

    /** Rejects a pending proposal, with the decider's note; no review is recorded. */
    public synchronized ReviewProposal reject(ReviewProposal p, Actor decider, String note) {
        requirePending(p);
        if (!proposals.decide(p.id(), ReviewProposal.REJECTED, decider.operator(), clock.instant(), note, null)) {
            throw new IllegalStateException("proposal " + p.id() + " was decided meanwhile");
        }
        return proposals.find(p.id()).orElseThrow();
    }

    private void requirePending(ReviewProposal p) {
        ReviewProposal now = proposals.find(p.id()).orElseThrow();
        if (!now.pending()) {
            throw new IllegalStateException("proposal " + p.id() + " is " + now.state() + " already (by "
                    + now.decidedBy() + ")");
        }
    }
}
