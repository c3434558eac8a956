package org.envmon.ingest.log;

import java.time.Instant;
import org.envmon.model.Interval;
import org.envmon.model.ObservationRow;
import org.envmon.model.Statistic;

/**
 * One decoded value of a station packet, with the automatic QC verdict given before it was appended.
 *
 * @param siteCode  the site the station MN belongs to
 * @param parameter the pollutant code (HJ 212 field name, e.g. a34004)
 * @param time      the instant the value describes (HJ 212 DataTime, start of its interval)
 * @param flag      the station's data flag (HJ 212-2017 §6.6.4), or null
 * @param valid     false when an invalidating QC check fired
 * @param qc        the QC codes that fired, comma separated, or null
 */
public record Reading(String siteCode, String parameter, Interval interval, Statistic statistic, Instant time,
                      double value, String flag, boolean valid, String qc) {

    /** The reading of a store row: the log carries exactly what the store will hold. */
    public static Reading of(ObservationRow r) {
        return new Reading(r.siteCode(), r.parameter(), r.interval(), r.statistic(), r.time(), r.value(), r.flag(),
                r.valid(), r.qc());
    }

    /** The store row of this reading. */
    public ObservationRow toRow() {
        return new ObservationRow(siteCode, parameter, interval, statistic, time, value, flag, valid, qc);
    }
}
