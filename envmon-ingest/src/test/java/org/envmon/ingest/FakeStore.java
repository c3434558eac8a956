package org.envmon.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.envmon.model.Observation;
import org.envmon.model.ObservationQuery;
import org.envmon.model.ObservationStore;
import org.envmon.model.PacketWrite;
import org.envmon.model.StoreException;
import org.envmon.model.StoredPacket;
import org.envmon.model.WriteOutcome;

/** An in-memory store with dedup by key; can fail or hold commits on demand. */
public final class FakeStore implements ObservationStore {
    public final List<PacketWrite> stored = new ArrayList<>();
    public final Map<String, Long> keys = new HashMap<>();
    public final AtomicInteger failNext = new AtomicInteger();
    public final AtomicInteger writes = new AtomicInteger();
    public volatile CountDownLatch gate = new CountDownLatch(0);

    @Override
    public List<WriteOutcome> write(List<PacketWrite> batch) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted");
        }
        writes.incrementAndGet();
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new StoreException("store down (test)");
        }
        synchronized (this) {
            List<WriteOutcome> out = new ArrayList<>();
            for (PacketWrite w : batch) {
                String key = w.packet().dedupKey();
                if (key != null && keys.containsKey(key)) {
                    out.add(WriteOutcome.duplicate(keys.get(key)));
                    continue;
                }
                stored.add(w);
                long id = stored.size();
                if (key != null) {
                    keys.put(key, id);
                }
                out.add(WriteOutcome.stored(id));
            }
            return out;
        }
    }

    public synchronized List<String> storedQns() {
        return stored.stream().map(w -> w.packet().qn()).toList();
    }

    public synchronized int size() {
        return stored.size();
    }

    @Override
    public List<Observation> query(ObservationQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Observation> latest(String siteCode) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<StoredPacket> packet(long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long observationCount() {
        return stored.stream().mapToLong(w -> w.observations().size()).sum();
    }

    @Override
    public long packetCount() {
        return size();
    }
}
