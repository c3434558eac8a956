package org.envmon.store.jdbc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An append-only Merkle tree kept as its peaks (the roots of the perfect subtrees of the binary decomposition of
 * the leaf count, largest first): O(log n) state, O(1) amortised hashing per leaf. The root folds the peaks from the
 * right, which gives the RFC 6962 tree hash: leaf = H(0x00 || data), node = H(0x01 || left || right).
 */
final class Merkle {
    private final List<byte[]> peaks;
    private long count;

    Merkle() {
        this(0, new ArrayList<>());
    }

    private Merkle(long count, List<byte[]> peaks) {
        this.count = count;
        this.peaks = peaks;
    }

    /** Restores the state saved by {@link #peaksBytes()}. */
    static Merkle restore(long count, byte[] saved) {
        List<byte[]> peaks = new ArrayList<>();
        int n = saved == null ? 0 : saved.length / ChainCodec.HASH_BYTES;
        if (n != Long.bitCount(count)) {
            throw new IllegalStateException("chain head: " + n + " Merkle peaks stored for " + count + " leaves");
        }
        for (int k = 0; k < n; k++) {
            peaks.add(Arrays.copyOfRange(saved, k * ChainCodec.HASH_BYTES, (k + 1) * ChainCodec.HASH_BYTES));
        }
        return new Merkle(count, peaks);
    }

    void add(ChainCodec codec, byte[] data) {
        byte[] h = codec.leaf(data);
        for (long c = count; (c & 1) == 1; c >>>= 1) {
            h = codec.node(peaks.remove(peaks.size() - 1), h);
        }
        peaks.add(h);
        count++;
    }

    long count() {
        return count;
    }

    /** The root, or null when empty. */
    byte[] root(ChainCodec codec) {
        if (peaks.isEmpty()) {
            return null;
        }
        byte[] r = peaks.get(peaks.size() - 1);
        for (int k = peaks.size() - 2; k >= 0; k--) {
            r = codec.node(peaks.get(k), r);
        }
        return r;
    }

    byte[] peaksBytes() {
        byte[] out = new byte[peaks.size() * ChainCodec.HASH_BYTES];
        for (int k = 0; k < peaks.size(); k++) {
            System.arraycopy(peaks.get(k), 0, out, k * ChainCodec.HASH_BYTES, ChainCodec.HASH_BYTES);
        }
        return out;
    }

    Merkle copy() {
        return new Merkle(count, new ArrayList<>(peaks));
    }
}
