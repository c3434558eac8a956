package org.envmon.model;

import java.time.Instant;

/**
 * A recorded review decision. Reviews are append-only and chained ({@link ChainStore}); a later decision on the
 * same values overrides an earlier one at read time, the earlier one stays in the history.
 *
 * @param parameter null = all parameters of the site
 * @param interval  null = all intervals
 * @param chainSeq  the position of this review in the hash chain
 */
public record Review(
        long id,
        String siteCode,
        String parameter,
        Interval interval,
        Instant from,
        Instant to,
        ReviewDecision decision,
        String reason,
        String operator,
        String principal,
        Instant decidedAt,
        long chainSeq) {

    /** Whether this review's scope and range cover a value. */
    public boolean covers(String site, String param, Interval iv, Instant time) {
        return siteCode.equals(site) && (parameter == null || parameter.equals(param))
                && (interval == null || interval == iv) && TimeRange.contains(from, to, time);
    }
}
