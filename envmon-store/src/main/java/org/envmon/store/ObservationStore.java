package org.envmon.store;

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

    /** The latest {@link Statistic#VALUE} per parameter and interval of a site, ordered by parameter. */
    List<Observation> latest(String siteCode);

    Optional<StoredPacket> packet(long id);

    long observationCount();

    long packetCount();
}
