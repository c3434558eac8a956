package org.envmon.app.review;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.envmon.app.Actor;
import org.envmon.evaluation.derived.LiveRecompute;
import org.envmon.model.Interval;
import org.envmon.model.Review;
import org.envmon.model.ReviewDecision;
import org.envmon.model.ReviewRequest;
import org.envmon.model.Store;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Data review (数据审核): an operator marks values invalid or valid again, with a reason. The store validates the
 * request (site, range with data, reason, no overlap with an earlier review of the same decision), keeps every
 * decision, and chains it; observation rows are never modified.
 */
@Service
public class ReviewService {
    private final Store store;
    private final ObjectProvider<LiveRecompute> derived;
    private final Clock clock = Clock.systemUTC();

    public ReviewService(Store store, ObjectProvider<LiveRecompute> derived) {
        this.store = store;
        this.derived = derived;
    }

    /**
     * Records the review, then recomputes the derived air data it affects before returning, so the next ranking or
     * evaluation already reflects it.
     */
    public Review review(Actor actor, String siteCode, String parameter, Interval interval, Instant from, Instant to,
                         ReviewDecision decision, String reason) {
        Review r = store.reviews().record(new ReviewRequest(siteCode, parameter, interval, from, to, decision, reason,
                actor.operator(), actor.principal(), clock.instant()));
        LiveRecompute w = derived.getIfAvailable();
        if (w != null && (interval == null || interval == Interval.HOUR)) {
            w.reviewed(siteCode, parameter, from, to);
        }
        return r;
    }

    public List<Review> history(String siteCode, Instant from, Instant to) {
        return store.reviews().reviews(siteCode, from, to);
    }
}
