package org.envmon.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.envmon.model.ObservationStore;
import org.envmon.model.PacketWrite;
import org.envmon.model.WriteOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-memory {@link IngestSink}: a bounded queue drained by one writer thread that commits whatever has accumulated
 * as one store transaction (group commit). While one commit runs, the next batch builds up, so batches grow with
 * load and a single fsync covers many stations' packets. A failed commit fails every packet of its batch: none of
 * them is acknowledged, so the stations resend.
 */
public final class GroupCommitWriter implements IngestSink {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

    private record Pending(PacketWrite write, CompletableFuture<WriteOutcome> done, long enqueuedNanos) {
    }

    private final ObservationStore store;
    private final java.util.concurrent.CopyOnWriteArrayList<CommittedListener> listeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final BlockingQueue<Pending> queue;
    private final int maxBatch;
    private final Thread thread;
    private volatile boolean running = true;

    private final Counter packetsStored;
    private final Counter packetsDuplicate;
    private final Counter valuesStored;
    private final Counter commitsFailed;
    private final Counter rejectedFull;
    private final DistributionSummary batchSize;
    private final Timer commitTime;

    public GroupCommitWriter(ObservationStore store, int queueCapacity, int maxBatch, MeterRegistry registry) {
        this.store = store;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.maxBatch = maxBatch;
        this.packetsStored = Counter.builder("envmon.ingest.packets").tag("outcome", "stored").register(registry);
        this.packetsDuplicate = Counter.builder("envmon.ingest.packets").tag("outcome", "duplicate").register(registry);
        this.valuesStored = Counter.builder("envmon.ingest.values.stored").register(registry);
        this.commitsFailed = Counter.builder("envmon.ingest.commits.failed").register(registry);
        this.rejectedFull = Counter.builder("envmon.ingest.packets").tag("outcome", "queue_full").register(registry);
        this.batchSize = DistributionSummary.builder("envmon.ingest.batch.packets").register(registry);
        this.commitTime = Timer.builder("envmon.ingest.commit").register(registry);
        registry.gauge("envmon.ingest.queue.depth", queue, BlockingQueue::size);
        this.thread = new Thread(this::run, "envmon-group-commit");
        this.thread.setDaemon(false);
        this.thread.start();
    }

    /** Registers a listener for committed batches (see {@link CommittedListener}). */
    public void addListener(CommittedListener listener) {
        listeners.add(listener);
    }

    @Override
    public CompletableFuture<WriteOutcome> submit(PacketWrite write) {
        CompletableFuture<WriteOutcome> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new IngestRejectedException("ingest is shutting down"));
        } else if (!queue.offer(new Pending(write, done, System.nanoTime()))) {
            rejectedFull.increment();
            done.completeExceptionally(new IngestRejectedException("ingest queue full"));
        }
        return done;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
        // Anything left after an interrupt is refused, never silently dropped.
        Pending p;
        while ((p = queue.poll()) != null) {
            p.done.completeExceptionally(new IngestRejectedException("ingest stopped"));
        }
    }

    private void commit(List<Pending> batch) {
        List<PacketWrite> writes = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            writes.add(p.write);
        }
        long start = System.nanoTime();
        List<WriteOutcome> outcomes;
        try {
            outcomes = store.write(writes);
        } catch (RuntimeException e) {
            commitsFailed.increment();
            log.warn("commit of {} packets failed; none acknowledged: {}", batch.size(), e.toString());
            for (Pending p : batch) {
                p.done.completeExceptionally(e);
            }
            return;
        }
        commitTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        batchSize.record(batch.size());
        List<PacketWrite> stored = listeners.isEmpty() ? null : new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            WriteOutcome outcome = outcomes.get(i);
            if (outcome.status() == WriteOutcome.Status.STORED) {
                packetsStored.increment();
                valuesStored.increment(p.write.observations().size());
                if (stored != null) {
                    stored.add(p.write);
                }
            } else {
                packetsDuplicate.increment();
            }
            p.done.complete(outcome);
        }
        if (stored != null && !stored.isEmpty()) {
            for (CommittedListener l : listeners) {
                try {
                    l.committed(stored);
                } catch (RuntimeException e) {
                    log.warn("committed-batch listener failed: {}", e.toString());
                }
            }
        }
    }

    /** Stops taking packets, commits what is queued, and waits for the writer to finish. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
