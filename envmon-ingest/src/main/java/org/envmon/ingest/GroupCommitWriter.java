package org.envmon.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.envmon.ingest.log.ConsumerLoop;
import org.envmon.ingest.log.InMemoryIngestLog;
import org.envmon.ingest.log.IngestLog;
import org.envmon.model.ObservationStore;
import org.envmon.model.WriteOutcome;

/**
 * In-memory ingest: an {@link InMemoryIngestLog} and its {@link StoreWriter}, which commits whatever has accumulated
 * as one store transaction (group commit). While one commit runs, the next batch builds up, so batches grow with
 * load and a single fsync covers many stations' packets. A failed commit fails every packet of its batch: none of
 * them is acknowledged, so the stations resend. A submit completes with the store's outcome.
 */
public final class GroupCommitWriter extends IngestPipeline {
    private final Map<Long, WriteOutcome> outcomes = new ConcurrentHashMap<>();

    public GroupCommitWriter(ObservationStore store, int queueCapacity, int maxBatch, MeterRegistry registry) {
        super(new InMemoryIngestLog(queueCapacity, registry));
        StoreWriter writer = new StoreWriter(store, outcomes::put, registry);
        start(new ConsumerLoop(log().subscribe(IngestLog.STORE, null), writer,
                new ConsumerLoop.Settings(maxBatch, ConsumerLoop.OnFailure.ABANDON, Duration.ZERO, Duration.ZERO),
                Counter.builder("envmon.ingest.consumer.failures").tag("consumer", IngestLog.STORE)
                        .register(registry)));
    }

    @Override
    protected WriteOutcome outcome(long position) {
        WriteOutcome o = outcomes.remove(position);
        return o != null ? o : new WriteOutcome(WriteOutcome.Status.STORED, -1);
    }

    @Override
    protected Duration drainTimeout() {
        return Duration.ofSeconds(30);
    }
}
