package org.envmon.app.review;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.envmon.app.Actor;
import org.envmon.store.Interval;
import org.envmon.store.Review;
import org.envmon.store.ReviewDecision;
import org.envmon.store.ReviewRequest;
import org.envmon.store.Store;
import org.springframework.stereotype.Service;

/**
 * Data review (数据审核): an operator marks values invalid or valid again, with a reason. The store validates the
 * request (site, range with data, reason, no overlap with an earlier review of the same decision), keeps every
 * decision, and chains it; observation rows are never modified.
 */
@Service
public class ReviewService {
    private final Store store;
    private final Clock clock = Clock.systemUTC();

    public ReviewService(Store store) {
        this.store = store;
    }

    public Review review(Actor actor, String siteCode, String parameter, Interval interval, Instant from, Instant to,
                         ReviewDecision decision, String reason) {
        return store.reviews().record(new ReviewRequest(siteCode, parameter, interval, from, to, decision, reason,
                actor.operator(), actor.principal(), clock.instant()));
    }

    public List<Review> history(String siteCode, Instant from, Instant to) {
        return store.reviews().reviews(siteCode, from, to);
    }
}
