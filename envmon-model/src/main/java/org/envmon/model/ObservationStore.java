package org.envmon.model;

import java.util.List;
import java.util.Optional;

/**
 * Durable store of raw packets and their observations. Engine-neutral: DuckDB (embedded, default) and PostgreSQL
 * implement it and pass one contract test suite.
 */
public interface ObservationStore {

    /**
     * Stores a batch atomically and durably: when this returns, every packet of the batch and its observations are
     * committed (group commit). A packet whose dedup key was stored before, or earlier in the same batch, is not
     * stored again and is reported {@link WriteOutcome.Status#DUPLICATE} with the id of the first copy.
     * Text fields must not contain U+0000 (PostgreSQL cannot store it; the raw bytes may hold anything).
     *
     * @return one outcome per input, in input order
     * @throws StoreException when the batch could not be committed (nothing of it is stored)
     */
    List<WriteOutcome> write(List<PacketWrite> batch);

    /** Values oldest first; see {@link ObservationQuery}. */
    List<Observation> query(ObservationQuery query);

    /**
     * Streams the hourly values ({@link Interval#HOUR}, {@link Statistic#VALUE}) of many sites and parameters, for
     * bulk evaluation: ordered by site in the order of {@link HourlyValuesQuery#siteCodes()}, then by parameter in
     * the order of {@link HourlyValuesQuery#parameters()}, then by time; one value per (site, parameter, time), the
     * latest received copy (as {@link #query}); invalid values are delivered too, with their effective validity
     * (reviews applied). Values of sites or parameters not asked for are not delivered.
     *
     * <p>The default implementation runs {@link #query} per site and parameter; the engines override it with one
     * streamed query that allocates no object per value.
     */
    default void hourlyValues(HourlyValuesQuery query, HourlyValuesQuery.Sink sink) {
        for (int s = 0; s < query.siteCodes().size(); s++) {
            for (int p = 0; p < query.parameters().size(); p++) {
                for (Observation o : query(new ObservationQuery(query.siteCodes().get(s), query.parameters().get(p),
                        Interval.HOUR, Statistic.VALUE, query.from(), query.to(), Integer.MAX_VALUE))) {
                    sink.value(s, p, o.time().getEpochSecond(), o.value(), o.effectiveValid());
                }
            }
        }
    }

    /** The latest {@link Statistic#VALUE} per parameter and interval of a site, ordered by parameter. */
    List<Observation> latest(String siteCode);

    Optional<StoredPacket> packet(long id);

    long observationCount();

    long packetCount();
}
