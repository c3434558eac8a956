package org.envmon.quality.qc;

import java.time.Duration;
import java.time.Instant;
import org.envmon.model.Interval;
import org.envmon.model.ObservationRow;
import org.envmon.model.Statistic;

/** Row builders for the QC tests. */
final class QcTestRows {
    static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");
    static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private QcTestRows() {
    }

    static ObservationRow hour(String site, String code, int hourIndex, double value) {
        return row(site, code, Interval.HOUR, Statistic.VALUE, T0.plus(Duration.ofHours(hourIndex)), value, "N");
    }

    static ObservationRow hour(String site, String code, int hourIndex, double value, String flag) {
        return row(site, code, Interval.HOUR, Statistic.VALUE, T0.plus(Duration.ofHours(hourIndex)), value, flag);
    }

    static ObservationRow row(String site, String code, Interval iv, Statistic st, Instant t, double v, String flag) {
        return new ObservationRow(site, code, iv, st, t, v, flag);
    }
}
