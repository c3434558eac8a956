package org.envmon.ingest.log;

import java.time.Duration;
import java.util.Set;

/** A log of this process whose consumers {@link LocalConsumers} keeps: the in-memory log and the journal. */
public interface LocalIngestLog extends IngestLog {

    /** The consumer bookkeeping of this log. */
    LocalConsumers localConsumers();

    @Override
    default Set<String> consumers() {
        return localConsumers().names();
    }

    @Override
    default long committed(String name) {
        return localConsumers().committed(name);
    }

    @Override
    default boolean awaitCaughtUp(String name, Duration timeout) throws InterruptedException {
        return localConsumers().awaitCaughtUp(name, timeout);
    }
}
