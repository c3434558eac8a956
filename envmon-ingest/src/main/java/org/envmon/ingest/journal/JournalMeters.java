package org.envmon.ingest.journal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicLong;

/** The journal writer's meters. */
final class JournalMeters {
    final Counter appends;
    final Counter appendBytes;
    final Counter fsyncs;
    final Timer fsyncTime;
    final Timer durableTime;
    final DistributionSummary groupSize;
    final Counter rejectedFull;
    final Counter rejectedQueue;

    JournalMeters(MeterRegistry registry, AtomicLong backlogRecords, AtomicLong backlogBytes) {
        appends = Counter.builder("envmon.ingest.journal.appends").description("records appended")
                .register(registry);
        appendBytes = Counter.builder("envmon.ingest.journal.append.bytes").register(registry);
        fsyncs = Counter.builder("envmon.ingest.journal.fsyncs").register(registry);
        fsyncTime = Timer.builder("envmon.ingest.journal.fsync").register(registry);
        durableTime = Timer.builder("envmon.ingest.journal.durable")
                .description("from submit to durable in the journal (what a station waits for)").register(registry);
        groupSize = DistributionSummary.builder("envmon.ingest.journal.group.records").register(registry);
        rejectedFull = Counter.builder("envmon.ingest.packets").tag("outcome", "journal_full").register(registry);
        rejectedQueue = Counter.builder("envmon.ingest.packets").tag("outcome", "queue_full").register(registry);
        Gauge.builder("envmon.ingest.journal.lag.records", backlogRecords, AtomicLong::get)
                .description("accepted records not yet applied to the store").register(registry);
        Gauge.builder("envmon.ingest.journal.lag.bytes", backlogBytes, AtomicLong::get)
                .description("accepted bytes not yet applied to the store").register(registry);
    }
}
