package org.envmon.model;

import java.time.Instant;
import java.util.List;

/**
 * Data review (数据审核): operators mark values invalid or valid again. Reviews never change stored values or their
 * automatic QC verdict; reads ({@link ObservationStore#query}, {@link ObservationStore#latest}) report the decision
 * of the latest covering review in {@link Observation#reviewedValid()}.
 *
 * <p><b>Overlap rule.</b> A scope is (site, parameter or all, interval or all). Within one scope, a new review may
 * not overlap any part of a time range where an earlier review with the <em>same</em> decision is still in effect
 * (not reversed there by a later opposite decision of the same scope): that is a duplicate decision, rejected with
 * {@link ReviewRejectedException.Reason#CONFLICT}. A review with the opposite decision may overlap freely: it is a
 * reversal, and the latest decision wins. Reviews of different scopes (e.g. "all parameters invalid" and "PM2.5
 * valid") may overlap; at read time the latest review (highest id) covering a value decides. {@link ReviewRules}
 * holds these decisions; a store answers its questions and persists.
 */
public interface ReviewStore {

    /**
     * Validates and records a review in one transaction with its hash chain entry.
     *
     * @throws ReviewRejectedException when the request is incomplete, names an unknown site, covers no data, or
     *                                 breaks the overlap rule
     * @throws StoreException          when the database fails
     */
    Review record(ReviewRequest request);

    /**
     * The review history of a site: every review whose range overlaps [from, to), oldest first (by id). Null
     * {@code from}/{@code to} = unbounded.
     */
    List<Review> reviews(String siteCode, Instant from, Instant to);

    /** Every review, oldest first. */
    List<Review> all();
}
