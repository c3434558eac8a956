package org.envmon.ingest.log;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.envmon.ingest.IngestRejectedException;

/**
 * The in-memory ingest log: a bounded ring of appended messages. It is not durable by itself: an append completes
 * when the {@link IngestLog#STORE} consumer has committed it, i.e. once the store holds it. The store writer polls
 * whatever accumulated while its previous commit ran, so one store transaction covers many stations' packets
 * (group commit). When the store writer gives up on a batch ({@link IngestConsumer#abandon}), the batch's appends
 * fail (the stations are not answered and resend) and consumers following the store never see it. Positions are
 * lost with the process, as is everything not yet in the store; no station was answered for that.
 */
public final class InMemoryIngestLog implements LocalIngestLog {

    private static final class Entry {
        IngestMessage message;
        long position;
        final CompletableFuture<Long> done = new CompletableFuture<>();

        Entry(IngestMessage message) {
            this.message = message;
        }
    }

    private final Entry[] ring;
    private final LocalConsumers consumers;
    private final Counter rejectedFull;
    private long appended; // last position handed out
    private long trimmed; // every position up to here is gone from the ring
    private long stored; // appends up to here are completed (the store writer's commits)
    private volatile long end;
    private volatile boolean accepting = true;

    /** @param capacity messages held at most (appended and not yet committed by every consumer) */
    public InMemoryIngestLog(int capacity, MeterRegistry registry) {
        this.ring = new Entry[capacity];
        this.consumers = new LocalConsumers(() -> end, new LocalConsumers.Hooks() {
            @Override
            public void committed(String name, long from, long to) {
                onCommit(name, from, to);
            }

            @Override
            public void abandoned(String name, long from, long to, Throwable cause) {
                onAbandon(name, from, to, cause);
            }
        });
        this.rejectedFull = Counter.builder("envmon.ingest.packets").tag("outcome", "queue_full").register(registry);
        Gauge.builder("envmon.ingest.queue.depth", this, l -> l.end - l.consumers.committed(STORE))
                .description("appended packets not yet in the store").register(registry);
    }

    @Override
    public CompletionStage<Long> append(IngestMessage message) {
        if (!accepting) {
            return CompletableFuture.failedFuture(new IngestRejectedException("ingest is shutting down"));
        }
        Entry e = new Entry(message);
        synchronized (this) {
            if (appended - trimmed >= ring.length) {
                rejectedFull.increment();
                return CompletableFuture.failedFuture(new IngestRejectedException("ingest queue full"));
            }
            appended++;
            e.position = appended;
            ring[(int) (appended % ring.length)] = e;
            end = appended;
        }
        consumers.signalAppended();
        return e.done;
    }

    @Override
    public IngestConsumer subscribe(String name, String after) {
        long start;
        synchronized (this) {
            start = Math.max(consumers.committed(name), trimmed);
        }
        return consumers.register(new LocalConsumers.Base(consumers, name, after, start) {
            @Override
            protected long read(long from, long to, int max, List<LogRecord> out) {
                synchronized (InMemoryIngestLog.this) {
                    long pos = Math.max(from, trimmed + 1);
                    for (; pos <= to && out.size() < max; pos++) {
                        IngestMessage m = ring[(int) (pos % ring.length)].message;
                        if (m != null) {
                            out.add(new LogRecord(pos, m));
                        }
                    }
                    return pos - 1;
                }
            }
        });
    }

    private void onCommit(String name, long from, long to) {
        List<Entry> durable = STORE.equals(name) ? new ArrayList<>((int) (to - from)) : null;
        synchronized (this) {
            if (durable != null) {
                for (long pos = Math.max(from, trimmed) + 1; pos <= to; pos++) {
                    durable.add(ring[(int) (pos % ring.length)]);
                }
                stored = Math.max(stored, to);
            }
            // Never past the store writer's completed appends: a follower may commit before their futures complete.
            long trimTo = Math.min(stored, consumers.minCommitted(appended));
            for (long pos = trimmed + 1; pos <= trimTo; pos++) {
                ring[(int) (pos % ring.length)] = null;
            }
            trimmed = Math.max(trimmed, trimTo);
        }
        if (durable != null) {
            for (Entry e : durable) {
                e.done.complete(e.position);
            }
        }
    }

    private void onAbandon(String name, long from, long to, Throwable cause) {
        if (!STORE.equals(name)) {
            return;
        }
        List<Entry> failed = new ArrayList<>();
        synchronized (this) {
            for (long pos = Math.max(from, trimmed) + 1; pos <= to; pos++) {
                Entry e = ring[(int) (pos % ring.length)];
                e.message = null;
                failed.add(e);
            }
        }
        failed.forEach(e -> e.done.completeExceptionally(cause));
    }

    @Override
    public long endPosition() {
        return end;
    }

    @Override
    public LocalConsumers localConsumers() {
        return consumers;
    }

    @Override
    public void stopAppending() {
        accepting = false;
    }

    /** Stops appends and reads; appends not yet in the store fail (never silently dropped). */
    @Override
    public void close() {
        accepting = false;
        consumers.close();
        List<Entry> left = new ArrayList<>();
        synchronized (this) {
            for (long pos = trimmed + 1; pos <= appended; pos++) {
                left.add(ring[(int) (pos % ring.length)]);
            }
        }
        IngestRejectedException stopped = new IngestRejectedException("ingest stopped");
        left.forEach(e -> e.done.completeExceptionally(stopped));
    }
}
