package org.envmon.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A review proposed by a maintainer (运维单位) and decided by an operator of the site's division: two-level review,
 * because the one who runs a station does not certify its data (谁考核、谁监测). Accepting records the review;
 * rejecting keeps the proposal with the decider's note.
 *
 * @param state      {@code pending}, {@code accepted} or {@code rejected}
 * @param reviewId   the review recorded on acceptance, else null
 */
public record ReviewProposal(long id, String siteCode, String parameter, Interval interval, Instant from, Instant to,
                             ReviewDecision decision, String reason, String proposedBy, Instant proposedAt,
                             String state, String decidedBy, Instant decidedAt, String note, Long reviewId) {
    public static final String PENDING = "pending";
    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";

    public ReviewProposal {
        Objects.requireNonNull(siteCode, "siteCode");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(proposedBy, "proposedBy");
        Objects.requireNonNull(state, "state");
    }

    public boolean pending() {
        return PENDING.equals(state);
    }
}
