package org.envmon.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The review rules without a store: the store contract tests show them through both engines. */
class ReviewRulesTest {
    private static final Instant T0 = Instant.parse("2026-07-01T00:00:00Z");

    private static Instant h(int hours) {
        return T0.plusSeconds(3600L * hours);
    }

    private static ReviewRequest request(int from, int to, ReviewDecision d) {
        return ReviewRules.checked(new ReviewRequest(" S1 ", " ", Interval.HOUR, h(from), h(to), d, "why", "li"),
                T0);
    }

    private static Review review(long id, int from, int to, ReviewDecision d) {
        return new Review(id, "S1", null, Interval.HOUR, h(from), h(to), d, "why", "li", null, T0, id);
    }

    @Test
    void aRequestIsRecordedTrimmedWithADecisionTime() {
        ReviewRequest r = request(0, 2, ReviewDecision.INVALID);
        assertThat(r.siteCode()).isEqualTo("S1");
        assertThat(r.parameter()).isNull();
        assertThat(r.decidedAt()).isEqualTo(T0);
        assertThatThrownBy(() -> request(2, 2, ReviewDecision.INVALID)).isInstanceOf(ReviewRejectedException.class)
                .hasMessageContaining("empty time range");
    }

    @Test
    void aDecisionStillInEffectIsADuplicateButAReversedOneIsNot() {
        List<Review> earlier = List.of(review(1, 0, 4, ReviewDecision.INVALID), review(2, 0, 2, ReviewDecision.VALID));
        assertThatThrownBy(() -> ReviewRules.requireNoDuplicate(request(1, 3, ReviewDecision.INVALID), earlier))
                .isInstanceOf(ReviewRejectedException.class).hasMessageContaining("review #1")
                .extracting(e -> ((ReviewRejectedException) e).reason())
                .isEqualTo(ReviewRejectedException.Reason.CONFLICT);
        ReviewRules.requireNoDuplicate(request(0, 2, ReviewDecision.INVALID), earlier);
        ReviewRules.requireNoDuplicate(request(0, 4, ReviewDecision.VALID), List.of(earlier.get(0)));
    }

    @Test
    void theLatestCoveringReviewDecides() {
        List<Review> reviews = List.of(review(1, 0, 4, ReviewDecision.INVALID), review(2, 0, 2, ReviewDecision.VALID));
        assertThat(ReviewRules.decision(reviews, "S1", "a34004", Interval.HOUR, h(1))).isTrue();
        assertThat(ReviewRules.decision(reviews, "S1", "a34004", Interval.HOUR, h(3))).isFalse();
        assertThat(ReviewRules.decision(reviews, "S1", "a34004", Interval.HOUR, h(4))).isNull();
    }
}
