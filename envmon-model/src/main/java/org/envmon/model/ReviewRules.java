package org.envmon.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.envmon.model.ReviewRejectedException.Reason;

/**
 * The decisions of data review (数据审核), pure: what a review request must hold, when it is refused, and which review
 * decides a value. A {@link ReviewStore} only answers the questions these rules ask (does the site exist, are there
 * values in the range, which reviews of the scope overlap it) and persists what they accept.
 */
public final class ReviewRules {
    private ReviewRules() {
    }

    /**
     * The request as it is recorded: text trimmed, a blank parameter or principal read as none, times kept to the
     * microsecond (the stores' precision), a missing decision time set to {@code now}.
     *
     * @throws ReviewRejectedException {@link Reason#INVALID} when a mandatory field is missing or blank, a text
     *                                 contains U+0000, or the range is empty
     */
    public static ReviewRequest checked(ReviewRequest request, Instant now) {
        Objects.requireNonNull(request, "request");
        String site = required(request.siteCode(), "siteCode");
        String reason = required(request.reason(), "reason");
        String operator = required(request.operator(), "operator");
        if (request.decision() == null) {
            throw new ReviewRejectedException(Reason.INVALID, "decision is required: INVALID or VALID");
        }
        if (request.from() == null || request.to() == null) {
            throw new ReviewRejectedException(Reason.INVALID, "from and to are required");
        }
        Instant from = micros(request.from());
        Instant to = micros(request.to());
        if (!from.isBefore(to)) {
            throw new ReviewRejectedException(Reason.INVALID, "empty time range: from " + beijing(from)
                    + " must be before to " + beijing(to));
        }
        Instant decidedAt = micros(request.decidedAt() == null ? now : request.decidedAt());
        return new ReviewRequest(site, blankToNull(request.parameter()), request.interval(), from, to,
                request.decision(), reason, operator, blankToNull(request.principal()), decidedAt);
    }

    /** @throws ReviewRejectedException {@link Reason#NOT_FOUND} unless the site exists */
    public static void requireSite(String site, boolean exists) {
        if (!exists) {
            throw new ReviewRejectedException(Reason.NOT_FOUND, "site '" + site + "' does not exist");
        }
    }

    /** A review decides on values: @throws ReviewRejectedException {@link Reason#NOT_FOUND} when its scope has none. */
    public static void requireValues(ReviewRequest r, boolean anyValueInScope) {
        if (!anyValueInScope) {
            throw new ReviewRejectedException(Reason.NOT_FOUND, "no values of site '" + r.siteCode() + "'"
                    + (r.parameter() == null ? "" : " parameter '" + r.parameter() + "'")
                    + (r.interval() == null ? "" : " interval " + r.interval().code())
                    + " in [" + beijing(r.from()) + ", " + beijing(r.to()) + ")");
        }
    }

    /**
     * The overlap rule of {@link ReviewStore}: a review may not repeat a decision still in effect on part of its range.
     *
     * @param sameScope the earlier reviews of exactly the request's scope whose range overlaps it, oldest first
     * @throws ReviewRejectedException {@link Reason#CONFLICT} naming the review still in effect and where
     */
    public static void requireNoDuplicate(ReviewRequest r, List<Review> sameScope) {
        for (int k = 0; k < sameScope.size(); k++) {
            Review earlier = sameScope.get(k);
            if (earlier.decision() != r.decision()) {
                continue;
            }
            // The part of the new range where the earlier review is still in effect: the intersection, minus later
            // opposite decisions.
            List<Instant[]> left = new ArrayList<>();
            left.add(new Instant[] {max(earlier.from(), r.from()), min(earlier.to(), r.to())});
            for (int j = k + 1; j < sameScope.size(); j++) {
                Review later = sameScope.get(j);
                if (later.decision() != r.decision()) {
                    left = subtract(left, later.from(), later.to());
                }
            }
            if (!left.isEmpty()) {
                Instant[] part = left.get(0);
                throw new ReviewRejectedException(Reason.CONFLICT, "overlaps review #" + earlier.id() + " ("
                        + earlier.decision() + " [" + beijing(earlier.from()) + ", " + beijing(earlier.to())
                        + ") by " + earlier.operator() + "), still in effect for [" + beijing(part[0]) + ", "
                        + beijing(part[1]) + "); record the opposite decision first to reverse it");
            }
        }
    }

    /** The decision of the latest review (reviews oldest first) covering a value, or null when none covers it. */
    public static Boolean decision(List<Review> reviews, String site, String parameter, Interval interval,
            Instant time) {
        for (int k = reviews.size() - 1; k >= 0; k--) {
            Review r = reviews.get(k);
            if (r.covers(site, parameter, interval, time)) {
                return r.decision().valid();
            }
        }
        return null;
    }

    /** Sets {@link Observation#reviewedValid()} from the latest covering review (reviews oldest first). */
    public static List<Observation> apply(List<Observation> values, List<Review> reviews) {
        if (reviews.isEmpty()) {
            return values;
        }
        List<Observation> out = new ArrayList<>(values.size());
        for (Observation o : values) {
            Boolean decided = decision(reviews, o.siteCode(), o.parameter(), o.interval(), o.time());
            out.add(decided == null ? o : o.withReviewedValid(decided));
        }
        return out;
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new ReviewRejectedException(Reason.INVALID, name + " is required and must not be blank");
        }
        if (value.indexOf('\0') >= 0) {
            throw new ReviewRejectedException(Reason.INVALID, name + " must not contain U+0000");
        }
        return value.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Instant micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    private static List<Instant[]> subtract(List<Instant[]> ranges, Instant from, Instant to) {
        List<Instant[]> out = new ArrayList<>();
        for (Instant[] r : ranges) {
            if (!from.isBefore(r[1]) || !to.isAfter(r[0])) {
                out.add(r);
                continue;
            }
            if (r[0].isBefore(from)) {
                out.add(new Instant[] {r[0], from});
            }
            if (to.isBefore(r[1])) {
                out.add(new Instant[] {to, r[1]});
            }
        }
        return out;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Times in messages as the API shows them: Beijing time (+08:00), the time of Chinese monitoring data. */
    private static String beijing(Instant t) {
        return t.atOffset(BeijingTime.OFFSET).toString();
    }
}
