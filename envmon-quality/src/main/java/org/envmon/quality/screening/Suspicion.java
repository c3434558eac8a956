package org.envmon.quality.screening;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.envmon.model.TimeRange;

/**
 * A window of one site's series that a detector finds suspicious, for human review.
 *
 * @param detector  the detector's id
 * @param from      start of the first suspicious hour
 * @param to        end of the window (exclusive)
 * @param score     0..1, higher = stronger pattern (not a probability)
 * @param evidence  what a reviewer reads: why, compared with which neighbours, in which window
 * @param fields    the same evidence in structured form (numbers, codes, lists, maps), in a stable order
 */
public record Suspicion(
        String detector,
        String siteCode,
        String parameter,
        Instant from,
        Instant to,
        double score,
        String evidence,
        Map<String, Object> fields) {

    public Suspicion {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(siteCode, "siteCode");
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(evidence, "evidence");
        TimeRange.requireNonEmpty(from, to, "window");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be within 0..1: " + score);
        }
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Whether the window overlaps {@code [a, b)}. */
    public boolean overlaps(Instant a, Instant b) {
        return from.isBefore(b) && a.isBefore(to);
    }
}
