package org.envmon.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One value to store. {@code flag} is the instrument flag as sent (HJ 212 -Flag: N, F, M, S, D, C, T, B), or null.
 * The raw value is stored as sent and never changed; quality judgements are kept beside it.
 *
 * @param valid the automatic QC verdict at ingest (true when no invalidating check fired)
 * @param qc    the codes of the QC checks that fired, joined by {@code ;} (e.g. {@code "RANGE;FLAG_M"}), or null
 *              when none fired; an empty string is stored as null
 */
public record ObservationRow(
        String siteCode,
        String parameter,
        Interval interval,
        Statistic statistic,
        Instant time,
        double value,
        String flag,
        boolean valid,
        String qc) {

    public ObservationRow {
        if (qc != null && qc.isEmpty()) {
            qc = null;
        }
    }

    /** A value no QC has looked at: valid, no codes. */
    public ObservationRow(String siteCode, String parameter, Interval interval, Statistic statistic, Instant time,
            double value, String flag) {
        this(siteCode, parameter, interval, statistic, time, value, flag, true, null);
    }

    /** The same value with a QC verdict. */
    public ObservationRow withQc(boolean valid, List<String> codes) {
        return new ObservationRow(siteCode, parameter, interval, statistic, time, value, flag, valid,
                codes == null || codes.isEmpty() ? null : String.join(";", codes));
    }

    /** {@link #qc()} split into codes; empty when none. */
    public List<String> qcCodes() {
        return qc == null ? List.of() : Arrays.stream(qc.split(";")).filter(s -> !s.isEmpty()).toList();
    }
}
