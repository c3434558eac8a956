package org.envmon.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A stored value as read back. {@code packetId} refers to the raw packet it came from. The value is the raw value
 * as received; quality is reported beside it.
 *
 * @param valid         the automatic QC verdict stored with the value
 * @param qc            QC codes that fired, joined by {@code ;}, or null
 * @param reviewedValid the decision of the latest data review ({@link ReviewStore}) that covers this value:
 *                      true = reviewed valid, false = reviewed invalid, null = no review applies
 */
public record Observation(
        String siteCode,
        String parameter,
        Interval interval,
        Statistic statistic,
        Instant time,
        double value,
        String flag,
        Instant receivedAt,
        long packetId,
        boolean valid,
        String qc,
        Boolean reviewedValid) {

    /** A value without QC verdict or review (valid, no codes, not reviewed). */
    public Observation(String siteCode, String parameter, Interval interval, Statistic statistic, Instant time,
            double value, String flag, Instant receivedAt, long packetId) {
        this(siteCode, parameter, interval, statistic, time, value, flag, receivedAt, packetId, true, null, null);
    }

    /** The validity to use: the review decision when a review applies, else the automatic QC verdict. */
    public boolean effectiveValid() {
        return reviewedValid != null ? reviewedValid : valid;
    }

    /** {@link #qc()} split into codes; empty when none. */
    public List<String> qcCodes() {
        return qc == null ? List.of() : Arrays.stream(qc.split(";")).filter(s -> !s.isEmpty()).toList();
    }

    /** The same value with another review state. */
    public Observation withReviewedValid(Boolean reviewed) {
        return new Observation(siteCode, parameter, interval, statistic, time, value, flag, receivedAt, packetId, valid,
                qc, reviewed);
    }
}
