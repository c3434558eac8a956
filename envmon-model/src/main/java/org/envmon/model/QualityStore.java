package org.envmon.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Completeness and station KPIs (数据获取率, 数据有效率, online state). See {@link Completeness} for the definitions. */
public interface QualityStore {

    /** One figure per site and day of the query, ordered by site code then day (days without data included). */
    List<Completeness> daily(CompletenessQuery query);

    /**
     * One figure per site and calendar month, the sum of the month's days within the query's range (a month cut by
     * the range counts only its days in the range), ordered by site code then month.
     */
    List<Completeness> monthly(CompletenessQuery query);

    /**
     * The retroactive QC flags ({@link QcFlag}) of a site whose range overlaps [from, to) ({@code null} = unbounded),
     * oldest first: the evidence (code, the run's start, length and value, the packet that completed it) behind
     * values that became invalid after they were stored.
     */
    List<QcFlag> qcFlags(String siteCode, Instant from, Instant to);

    /**
     * Online state of every registered site, ordered by code: online when the last packet the station itself sent
     * (raw packets of its MN; imported files do not count) was received after
     * {@code now - offlineAfter}.
     */
    List<SiteStatus> status(Instant now, Duration offlineAfter);
}
