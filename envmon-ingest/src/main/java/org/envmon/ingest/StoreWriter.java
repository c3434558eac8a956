package org.envmon.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.envmon.ingest.log.ConsumerLoop;
import org.envmon.ingest.log.LogRecord;
import org.envmon.model.ObservationStore;
import org.envmon.model.PacketWrite;
import org.envmon.model.WriteOutcome;

/**
 * The {@link org.envmon.ingest.log.IngestLog#STORE} consumer: writes each polled batch as one store transaction
 * (group commit: a batch is whatever accumulated while the previous commit ran). A redelivered message is
 * recognised by the store (unique dedup key) and not stored twice, so re-applying after a crash is harmless.
 */
public final class StoreWriter implements ConsumerLoop.Handler {

    /** Told each message's store outcome before the batch is committed on the log. */
    @FunctionalInterface
    public interface Outcomes {
        void outcome(long position, WriteOutcome outcome);
    }

    private final ObservationStore store;
    private final Outcomes outcomes;
    private final Counter packetsStored;
    private final Counter packetsDuplicate;
    private final Counter valuesStored;
    private final Counter commitsFailed;
    private final DistributionSummary batchSize;
    private final Timer commitTime;

    public StoreWriter(ObservationStore store, Outcomes outcomes, MeterRegistry registry) {
        this.store = store;
        this.outcomes = outcomes;
        this.packetsStored = Counter.builder("envmon.ingest.packets").tag("outcome", "stored").register(registry);
        this.packetsDuplicate = Counter.builder("envmon.ingest.packets").tag("outcome", "duplicate").register(registry);
        this.valuesStored = Counter.builder("envmon.ingest.values.stored").register(registry);
        this.commitsFailed = Counter.builder("envmon.ingest.commits.failed").register(registry);
        this.batchSize = DistributionSummary.builder("envmon.ingest.batch.packets").register(registry);
        this.commitTime = Timer.builder("envmon.ingest.commit").register(registry);
    }

    @Override
    public void handle(List<LogRecord> batch) {
        List<PacketWrite> writes = new ArrayList<>(batch.size());
        for (LogRecord r : batch) {
            writes.add(IngestMessages.toWrite(r.message()));
        }
        long start = System.nanoTime();
        List<WriteOutcome> result;
        try {
            result = store.write(writes);
        } catch (RuntimeException e) {
            commitsFailed.increment();
            throw e;
        }
        commitTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        batchSize.record(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            WriteOutcome o = result.get(i);
            if (o.status() == WriteOutcome.Status.STORED) {
                packetsStored.increment();
                valuesStored.increment(writes.get(i).observations().size());
            } else {
                packetsDuplicate.increment();
            }
            if (outcomes != null) {
                outcomes.outcome(batch.get(i).position(), o);
            }
        }
    }
}
