package org.envmon.store.jdbc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.envmon.model.ObservationRow;
import org.envmon.model.PacketWrite;
import org.envmon.model.RawPacket;
import org.envmon.model.StoreException;
import org.envmon.model.WriteOutcome;

/**
 * The engine-neutral part of a batch write: input checks, duplicate detection (against stored keys and within the
 * batch) and id assignment. An engine looks up {@link #dedupKeys()}, calls {@link #resolve}, allocates
 * {@link #newPacketCount()} ids, calls {@link #assignIds} and then appends the packets and rows of
 * {@link #storedIndexes()}.
 */
public final class BatchPlan {
    private final List<PacketWrite> batch;
    private final Set<String> dedupKeys = new LinkedHashSet<>();
    private final long[] ids;
    /** For each input: -1 = stored, -2 = duplicate of a stored packet (id known), otherwise index of the first copy. */
    private final int[] duplicateOf;
    private int[] stored = new int[0];
    private int observationCount;
    private boolean resolved;

    private BatchPlan(List<PacketWrite> batch) {
        this.batch = batch;
        this.ids = new long[batch.size()];
        this.duplicateOf = new int[batch.size()];
    }

    /** @throws StoreException naming the first input that cannot be stored */
    public static BatchPlan of(List<PacketWrite> batch) {
        if (batch == null) {
            throw new StoreException("invalid batch: null");
        }
        BatchPlan plan = new BatchPlan(batch);
        for (int i = 0; i < batch.size(); i++) {
            PacketWrite w = batch.get(i);
            RawPacket p = w == null ? null : w.packet();
            if (p == null) {
                throw invalid(i, "no packet");
            }
            if (p.bytes() == null) {
                throw invalid(i, "no bytes");
            }
            if (p.receivedAt() == null) {
                throw invalid(i, "no receivedAt");
            }
            if (p.source() == null) {
                throw invalid(i, "no source");
            }
            if (hasNul(p.peer(), p.source(), p.mn(), p.cn(), p.qn(), p.dedupKey())) {
                throw invalid(i, "a text field containing U+0000");
            }
            for (ObservationRow r : w.observations()) {
                // siteCode and parameter are NOT NULL columns: the database rejects them, rolling the batch back.
                if (r == null || r.interval() == null || r.statistic() == null || r.time() == null) {
                    throw invalid(i, "an observation without interval, statistic or time: " + r);
                }
                if (hasNul(r.siteCode(), r.parameter(), r.flag())) {
                    throw invalid(i, "an observation with a text field containing U+0000");
                }
            }
            if (p.dedupKey() != null) {
                plan.dedupKeys.add(p.dedupKey());
            }
        }
        return plan;
    }

    /** PostgreSQL text cannot hold U+0000, so no engine accepts it (the raw bytes may contain anything). */
    private static boolean hasNul(String... values) {
        for (String v : values) {
            if (v != null && v.indexOf('\0') >= 0) {
                return true;
            }
        }
        return false;
    }

    private static StoreException invalid(int index, String what) {
        return new StoreException("invalid batch, nothing stored: packet #" + index + " has " + what);
    }

    public List<PacketWrite> batch() {
        return batch;
    }

    /** Distinct non-null dedup keys of the batch, in input order. */
    public Set<String> dedupKeys() {
        return dedupKeys;
    }

    /** Decides what is stored, given the ids of keys already in the database. */
    public void resolve(Map<String, Long> existing) {
        Map<String, Integer> firstInBatch = new HashMap<>();
        int[] keep = new int[batch.size()];
        int n = 0;
        observationCount = 0;
        for (int i = 0; i < batch.size(); i++) {
            String key = batch.get(i).packet().dedupKey();
            Long stored = key == null ? null : existing.get(key);
            if (stored != null) {
                duplicateOf[i] = -2;
                ids[i] = stored;
                continue;
            }
            Integer first = key == null ? null : firstInBatch.putIfAbsent(key, i);
            if (first != null) {
                duplicateOf[i] = first;
                continue;
            }
            duplicateOf[i] = -1;
            keep[n++] = i;
            observationCount += batch.get(i).observations().size();
        }
        stored = Arrays.copyOf(keep, n);
        resolved = true;
    }

    public int newPacketCount() {
        return stored.length;
    }

    public int newObservationCount() {
        return observationCount;
    }

    /** Input indexes of the packets to store, in input order. */
    public int[] storedIndexes() {
        return stored;
    }

    /** Gives the stored packets {@code firstId, firstId + 1, ...} in input order. */
    public void assignIds(long firstId) {
        long[] consecutive = new long[stored.length];
        for (int k = 0; k < consecutive.length; k++) {
            consecutive[k] = firstId + k;
        }
        assignIds(consecutive);
    }

    /** Gives the stored packets these ids (ascending order is kept in input order). */
    public void assignIds(long[] newIds) {
        if (!resolved) {
            throw new IllegalStateException("resolve first");
        }
        if (newIds.length != stored.length) {
            throw new IllegalArgumentException("need " + stored.length + " ids, got " + newIds.length);
        }
        long[] sorted = newIds.clone();
        Arrays.sort(sorted);
        for (int k = 0; k < stored.length; k++) {
            ids[stored[k]] = sorted[k];
        }
    }

    public long idOf(int index) {
        return ids[index];
    }

    public List<WriteOutcome> outcomes() {
        List<WriteOutcome> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            int d = duplicateOf[i];
            if (d == -1) {
                out.add(WriteOutcome.stored(ids[i]));
            } else if (d == -2) {
                out.add(WriteOutcome.duplicate(ids[i]));
            } else {
                out.add(WriteOutcome.duplicate(ids[d]));
            }
        }
        return out;
    }
}
