package org.envmon.app.sites;

import org.envmon.app.api.ApiTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.envmon.model.Observation;

/**
 * One value of a series: the start of its averaging interval, the value as received (never altered), the instrument
 * flag, whether it counts ({@code valid}: the review decision where an operator reviewed it, else automatic QC),
 * the QC codes that fired, and the review state ({@code review}: {@code none}, or the operator's decision
 * {@code valid} or {@code invalid}).
 */
public record ObservationView(OffsetDateTime time, double value, String flag, boolean valid, List<String> qc,
                              String review) {
    static ObservationView of(Observation o) {
        return new ObservationView(ApiTime.out(o.time()), o.value(), o.flag(), o.effectiveValid(), o.qcCodes(),
                review(o));
    }

    /** The review state of a value: none, valid or invalid. */
    static String review(Observation o) {
        Boolean decided = o.reviewedValid();
        return decided == null ? "none" : decided ? "valid" : "invalid";
    }
}
