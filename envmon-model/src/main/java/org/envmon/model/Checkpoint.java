package org.envmon.model;

import java.time.Instant;

/**
 * A sealed stretch of the hash chain, for external signing: the Merkle root over the chain hashes of entries
 * {@code firstSeq..lastSeq}. A checkpoint covers the entries chained in one UTC hour (sealed when the first entry of
 * a later hour is chained, or earlier by {@link ChainStore#sealCheckpoint()}).
 *
 * @param merkleRoot    hex SHA-256 Merkle root (RFC 6962 tree: leaf = H(0x00 || chain hash), node = H(0x01 || l || r))
 * @param lastChainHash hex chain hash of entry {@code lastSeq}: signing it anchors the whole chain up to there
 */
public record Checkpoint(
        long firstSeq,
        long lastSeq,
        long count,
        Instant periodStart,
        Instant periodEnd,
        String merkleRoot,
        String lastChainHash,
        Instant sealedAt) {
}
