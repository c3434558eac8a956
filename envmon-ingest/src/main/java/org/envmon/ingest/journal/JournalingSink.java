package org.envmon.ingest.journal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.envmon.ingest.IngestPipeline;
import org.envmon.ingest.StoreWriter;
import org.envmon.ingest.log.ConsumerLoop;
import org.envmon.ingest.log.IngestLog;
import org.envmon.model.ObservationStore;
import org.envmon.model.WriteOutcome;

/**
 * Journaled ingest: a {@link JournalLog} with its {@link StoreWriter} consumer. A station is answered once its
 * packet is forced to the journal; the store writer applies the records in order, so a slow store commit (a DuckDB
 * checkpoint, a PostgreSQL stall) delays only the store writer, never the answers.
 *
 * <h2>Visibility lag</h2>
 * Queries through the {@code ObservationStore} (the REST API) see a packet only once the store writer has written
 * it: typically a few tens of milliseconds, under a second unless the store stalls. While the store is down the
 * writer retries with backoff and answers keep flowing as long as the journal has room; the API then lags by the
 * outage. {@link #awaitStored} waits for the store writer to catch up.
 *
 * <h2>Outcome</h2>
 * A submit completes with {@link #JOURNALED} ({@code STORED}, packet id -1): the store assigns the id, and
 * recognises a redelivery, only when it applies the record; redeliveries are still stored once.
 */
public final class JournalingSink extends IngestPipeline {

    /** The outcome a journaled packet's future completes with (see the class comment). */
    public static final WriteOutcome JOURNALED = new WriteOutcome(WriteOutcome.Status.STORED, -1);

    private final JournalConfig config;

    /**
     * Opens the journal (recovering it) and starts applying to {@code store}: recovered records first, in order,
     * while new packets are already accepted.
     */
    public JournalingSink(JournalConfig config, ObservationStore store, MeterRegistry registry) {
        super(new JournalLog(config, registry));
        this.config = config;
        Counter applied = Counter.builder("envmon.ingest.journal.applied").description("records written to the store")
                .register(registry);
        StoreWriter writer = new StoreWriter(store, (position, outcome) -> applied.increment(), registry);
        start(new ConsumerLoop(log().subscribe(IngestLog.STORE, null), writer,
                new ConsumerLoop.Settings(config.applyBatchRecords(), ConsumerLoop.OnFailure.RETRY,
                        config.retryMin(), config.retryMax()),
                Counter.builder("envmon.ingest.journal.apply.failures").register(registry)));
    }

    @Override
    protected WriteOutcome outcome(long position) {
        return JOURNALED;
    }

    @Override
    protected Duration drainTimeout() {
        return config.drainTimeout();
    }

    /** The last seq made durable. */
    public long committedSeq() {
        return log().endPosition();
    }

    /** The last seq written to the store. */
    public long appliedSeq() {
        return log().committed(IngestLog.STORE);
    }

    /** Accepted records not yet applied to the store. */
    public long lagRecords() {
        return ((JournalLog) log()).lagRecords();
    }

    /** @deprecated-free alias kept for callers that wait for the visibility lag: see {@link #awaitStored}. */
    public boolean awaitApplied(Duration timeout) throws InterruptedException {
        return awaitStored(timeout);
    }
}
