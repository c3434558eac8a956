package org.envmon.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One audited action: who did what, when, from where, and how it ended.
 *
 * @param id      assigned by the store ({@code 0} before it is appended); increasing
 * @param actor   the account name (with the token's name for token requests), or {@code anonymous}
 * @param action  e.g. {@code login.success}, {@code login.failure}, {@code POST /api/v1/sites/{code}/reviews}
 * @param target  the concrete path or object acted on
 * @param origin  the client address
 * @param outcome the HTTP status or {@code ok} / {@code failed}
 */
public record AuditRecord(long id, Instant at, String actor, String action, String target, String origin,
                          String outcome) {
    /** Longest text kept per field: a request path or user name, not a body. */
    public static final int MAX_FIELD = 500;

    public AuditRecord {
        Objects.requireNonNull(at, "at");
        actor = clip(Objects.requireNonNull(actor, "actor"));
        action = clip(Objects.requireNonNull(action, "action"));
        target = clip(target);
        origin = clip(origin);
        outcome = clip(outcome);
    }

    private static String clip(String s) {
        return s == null || s.length() <= MAX_FIELD ? s : s.substring(0, MAX_FIELD);
    }
}
