package org.envmon.app.api;

import java.time.OffsetDateTime;
import java.util.List;
import org.envmon.store.Observation;

/**
 * One value of a series: the start of its averaging interval, the value as received (never altered), the instrument
 * flag, whether it counts ({@code valid}: the review decision where an operator reviewed it, else automatic QC),
 * the QC codes that fired, and the review decision if any ({@code reviewed}: null = not reviewed).
 */
public record ObservationView(OffsetDateTime time, double value, String flag, boolean valid, List<String> qc,
                              Boolean reviewed) {
    static ObservationView of(Observation o) {
        return new ObservationView(ApiTime.out(o.time()), o.value(), o.flag(), o.effectiveValid(), o.qcCodes(),
                o.reviewedValid());
    }
}
