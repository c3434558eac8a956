package org.envmon.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tamper-evident trail. Every stored raw packet (with its observations) and every review is appended to a
 * SHA-256 hash chain in the same transaction that stores it; entries are grouped into hourly checkpoints with a
 * Merkle root that can be exported and signed. The serialization is documented in {@code envmon-store/CHAIN.md}.
 */
public interface ChainStore {

    /** Re-reads every packet, observation, review and chain entry and checks them against each other. */
    VerifyReport verify();

    /** Sealed checkpoints whose period starts in [from, to), oldest first; null = unbounded. */
    List<Checkpoint> checkpoints(Instant from, Instant to);

    /** Seals the open checkpoint now (e.g. before an export); empty when no entry was chained since the last one. */
    Optional<Checkpoint> sealCheckpoint();

    /** Number of chain entries. */
    long size();
}
