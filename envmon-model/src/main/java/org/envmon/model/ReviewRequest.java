package org.envmon.model;

import java.time.Instant;

/**
 * A review decision to record. Scope: one site, one parameter or all ({@code parameter == null}), one interval or
 * all ({@code interval == null}); time range {@code from} inclusive, {@code to} exclusive (value times).
 *
 * @param reason    mandatory, non-blank
 * @param operator  the operator's name as shown in the history, mandatory
 * @param principal the authenticated identity that made the request (user id from the authentication system), or
 *                  null while the platform has no authentication; kept and chained beside the name
 * @param decidedAt when the operator decided; null = now
 */
public record ReviewRequest(
        String siteCode,
        String parameter,
        Interval interval,
        Instant from,
        Instant to,
        ReviewDecision decision,
        String reason,
        String operator,
        String principal,
        Instant decidedAt) {

    /** Without an authenticated principal, decided now. */
    public ReviewRequest(String siteCode, String parameter, Interval interval, Instant from, Instant to,
            ReviewDecision decision, String reason, String operator) {
        this(siteCode, parameter, interval, from, to, decision, reason, operator, null, null);
    }
}
