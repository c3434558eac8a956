package org.envmon.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.envmon.ingest.log.ConsumerLoop;
import org.envmon.ingest.log.IngestLog;
import org.envmon.ingest.log.LogRecord;
import org.envmon.ingest.log.RecentKeys;
import org.envmon.model.PacketWrite;

/** Registers a {@link CommittedListener} as a consumer of the ingest log that follows the store writer. */
public final class StoredBatches {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StoredBatches.class);
    /**
     * Dedup keys remembered per consumer (about 10 MB): the last 100 packets of each of 1,000 stations, far more than a
     * station resends (its ReCount, CN 1000), and minutes of their real-time data.
     */
    static final int DEDUP_WINDOW = 100_000;

    private StoredBatches() {
    }

    /**
     * @param name the consumer's name on the log (its position is kept under it)
     * @return the running consumer; it stops when the log is closed
     */
    public static ConsumerLoop follow(IngestLog ingestLog, String name, CommittedListener listener,
                                      MeterRegistry registry) {
        RecentKeys seen = new RecentKeys(DEDUP_WINDOW);
        Counter failures = Counter.builder("envmon.ingest.consumer.failures").tag("consumer", name)
                .register(registry);
        return new ConsumerLoop(ingestLog.subscribe(name, IngestLog.STORE), batch -> {
            List<PacketWrite> fresh = new ArrayList<>(batch.size());
            for (LogRecord r : batch) {
                if (seen.firstTime(r.message().dedupKey())) {
                    fresh.add(IngestMessages.toWrite(r.message()));
                }
            }
            if (!fresh.isEmpty()) {
                try {
                    listener.committed(fresh);
                } catch (RuntimeException e) {
                    // A listener only queues; one that fails must not hold up the log (and so the stations).
                    failures.increment();
                    log.warn("ingest consumer {} failed on {} packets; skipped: {}", name, fresh.size(),
                            e.toString());
                }
            }
        }, ConsumerLoop.Settings.retrying(5_000), failures);
    }
}
