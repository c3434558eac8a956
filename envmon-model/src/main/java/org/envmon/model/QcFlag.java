package org.envmon.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A retroactive QC verdict: a code that a series check could give only later, recorded for the {@link Statistic#VALUE}
 * rows of one series (site, parameter, interval) with time in [{@code from}, {@code to}). The stored values and their
 * own QC columns are never changed; reads add {@code code} to the covered values and make them invalid, and a data
 * review still decides over it ({@link Observation#effectiveValid()}). Stored with the packet that completed the
 * evidence, in its transaction, and chained as its own record.
 *
 * <p>Used for a constant run: when the run reaches its threshold, the values before that one are covered;
 * {@code from} is the time of the run's first value, {@code runLength} the run's length at that moment (the
 * threshold) and {@code runValue} the repeated value.
 *
 * @param id        assigned by the store (0 before it is stored)
 * @param packetId  the packet that completed the run (0 before it is stored)
 * @param flaggedAt when it was stored (null before)
 * @param chainSeq  its position in the hash chain (0 before it is stored)
 */
public record QcFlag(
        long id,
        String siteCode,
        String parameter,
        Interval interval,
        Instant from,
        Instant to,
        String code,
        int runLength,
        double runValue,
        long packetId,
        Instant flaggedAt,
        long chainSeq) {

    public QcFlag {
        Objects.requireNonNull(siteCode, "siteCode");
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(code, "code");
        TimeRange.requireNonEmpty(from, to, "QC flag range");
    }

    /** A flag to store with a packet. */
    public static QcFlag of(String siteCode, String parameter, Interval interval, Instant from, Instant to, String code,
            int runLength, double runValue) {
        return new QcFlag(0, siteCode, parameter, interval, from, to, code, runLength, runValue, 0, null, 0);
    }

    /** Whether this flag covers a value. */
    public boolean covers(String site, String param, Interval iv, Statistic statistic, Instant time) {
        return statistic == Statistic.VALUE && interval == iv && siteCode.equals(site) && parameter.equals(param)
                && TimeRange.contains(from, to, time);
    }
}
