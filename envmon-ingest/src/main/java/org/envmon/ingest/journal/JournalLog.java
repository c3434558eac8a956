package org.envmon.ingest.journal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentSkipListMap;
import org.envmon.ingest.log.IngestConsumer;
import org.envmon.ingest.log.IngestLog;
import org.envmon.ingest.log.IngestMessage;
import org.envmon.ingest.log.LocalConsumers;
import org.envmon.ingest.log.LocalIngestLog;
import org.envmon.ingest.log.LogRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local journal: an {@link IngestLog} in segment files that survives a crash. An append is durable once its
 * group is forced ({@link JournalAppender}); consumers read the records back from the files ({@link SegmentReader}),
 * each from its own checkpointed position ({@link JournalDirectory}). Recovery happens in the constructor
 * ({@link JournalRecovery}).
 *
 * <h2>Files (in {@link JournalConfig#dir()})</h2>
 * {@code segment-<first seq>.log} (layout in {@link SegmentFile}, payload in {@link RecordCodec}; seqs are the log's
 * positions, consecutive across segments and never reused), the checkpoints, {@code journal.id},
 * {@code journal.lock}, and with {@link JournalConfig#preallocate()} the next segment {@code spare.tmp}
 * ({@link SegmentPreallocator}).
 *
 * <h2>Checkpoints and deletion</h2>
 * A consumer's position is written at most every {@link JournalConfig#checkpointInterval()}, and always before a
 * segment is deleted; a segment is deleted once every consumer of this run has checkpointed past it. A crash
 * between a consumer's work and its next checkpoint delivers those records again (at least once); a consumer
 * without a checkpoint starts at the store writer's. A packet without a dedup key is given
 * {@code journal:<journal id>:<seq>} when read, unique to its record, so the store recognises a re-applied copy
 * while it never matches any other packet.
 *
 * <h2>Bounds</h2>
 * Records appended and not yet committed by the {@link IngestLog#STORE} consumer are bounded (see
 * {@link JournalAppender}); disk use stays below that bound plus one segment.
 */
public final class JournalLog implements LocalIngestLog {
    private static final Logger log = LoggerFactory.getLogger(JournalLog.class);

    private final JournalConfig config;
    private final JournalDirectory dir;
    private final ConcurrentSkipListMap<Long, Path> segments = new ConcurrentSkipListMap<>();
    private final SegmentPreallocator preallocator;
    private final JournalAppender appender;
    private final LocalConsumers consumers;
    private final long recoveredApplied;
    private final Map<String, Long> checkpointed = new HashMap<>();
    private long lastCheckpointNanos = System.nanoTime();
    private volatile boolean closed;

    /**
     * Opens (creating if needed) the journal in {@code config.dir()}, recovers it and starts its writer.
     *
     * @throws JournalCorruptException when the journal holds damage that is not a torn tail
     * @throws UncheckedIOException    when the directory cannot be used (or another process holds its lock)
     */
    public JournalLog(JournalConfig config, MeterRegistry registry) {
        this.config = config;
        Path path = config.dir().toAbsolutePath();
        JournalDirectory d = null;
        SegmentPreallocator p = null;
        try {
            d = new JournalDirectory(path);
            UUID id = d.loadOrCreateId();
            JournalRecovery.Result recovered = JournalRecovery.recover(d, segments);
            Counter.builder("envmon.ingest.journal.recovery.truncated.bytes").register(registry)
                    .increment(recovered.truncatedBytes());
            Counter.builder("envmon.ingest.journal.recovery.records").description("unapplied records found at startup")
                    .register(registry).increment(recovered.unappliedRecords());
            p = config.preallocate() ? new SegmentPreallocator(d, config.segmentBytes()) : null;
            this.recoveredApplied = recovered.appliedSeq();
            this.consumers = new LocalConsumers(this::endPosition, new LocalConsumers.Hooks() {
                @Override
                public void committed(String name, long from, long to) {
                    if (consumers.get(name) instanceof JournalConsumer c && c.store) {
                        c.release(to);
                    }
                }

                @Override
                public void afterCommit(String name) {
                    if (!closed) { // after the last checkpoint: delivered again after a restart (at least once)
                        maybeCheckpoint(false);
                    }
                }

                @Override
                public void abandoned(String name, long from, long to, Throwable cause) {
                    log.error("ingest journal: consumer {} gave up on records {}..{}: {}", name, from + 1, to,
                            cause.toString());
                }
            });
            this.appender = new JournalAppender(config, d, id, segments, p, recovered, consumers::signalAppended, registry);
        } catch (IOException e) {
            closeQuietly(p, d);
            throw new UncheckedIOException("cannot open the ingest journal in " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(p, d);
            throw e;
        }
        this.dir = d;
        this.preallocator = p;
    }

    private static void closeQuietly(AutoCloseable... cs) {
        for (AutoCloseable c : cs) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    // nothing left to do
                }
            }
        }
    }

    @Override
    public CompletionStage<Long> append(IngestMessage message) {
        return appender.append(message);
    }

    /** A consumer reading the segment files; the store writer's also releases the backlog it applied. */
    private final class JournalConsumer extends LocalConsumers.Base {
        private final SegmentReader reader = new SegmentReader(segments);
        private final ArrayDeque<long[]> unreleased = new ArrayDeque<>();
        private final boolean store;

        JournalConsumer(String name, String after, long start) {
            super(consumers, name, after, start);
            this.store = STORE.equals(name);
        }

        @Override
        protected long read(long from, long to, int max, List<LogRecord> out) throws IOException {
            try {
                return reader.read(from, to, max, appender.committed(), out,
                        store ? (seq, bytes) -> unreleased.add(new long[] {seq, bytes}) : (seq, bytes) -> { });
            } catch (IOException | RuntimeException e) {
                reader.close(); // reopened at the next poll
                throw e;
            }
        }

        void release(long upTo) {
            long records = 0;
            long bytes = 0;
            while (!unreleased.isEmpty() && unreleased.peekFirst()[0] <= upTo) {
                records++;
                bytes += unreleased.pollFirst()[1];
            }
            appender.release(records, bytes);
        }
    }

    @Override
    public synchronized IngestConsumer subscribe(String name, String after) {
        long start;
        if (consumers.get(name) != null) {
            start = consumers.get(name).committed();
        } else {
            try {
                start = dir.readCheckpoint(name);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (start < 0) {
                start = recoveredApplied;
            }
            checkpointed.put(name, start);
        }
        return consumers.register(new JournalConsumer(name, after, start));
    }

    /** Writes the consumers' positions when due (or when {@code force}), then deletes fully consumed segments. */
    private synchronized void maybeCheckpoint(boolean force) {
        try {
            boolean pending = deletable(consumers.minCommitted(0));
            if (force || pending
                    || System.nanoTime() - lastCheckpointNanos >= config.checkpointInterval().toNanos()) {
                for (LocalConsumers.Base c : consumers.all()) {
                    long pos = c.committed();
                    if (pos > checkpointed.getOrDefault(c.name(), -1L)) {
                        dir.writeCheckpoint(c.name(), pos);
                        checkpointed.put(c.name(), pos);
                    }
                }
                lastCheckpointNanos = System.nanoTime();
            }
            long safe = Long.MAX_VALUE;
            for (LocalConsumers.Base c : consumers.all()) {
                safe = Math.min(safe, checkpointed.getOrDefault(c.name(), 0L));
            }
            if (safe != Long.MAX_VALUE) {
                deleteConsumedSegments(safe);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("ingest journal: cannot write consumer positions or delete consumed segments: {}", e.toString());
        }
    }

    /** True when a sealed segment lies entirely at or before {@code seq}. */
    private boolean deletable(long seq) {
        Map.Entry<Long, Path> first = segments.firstEntry();
        if (first == null) {
            return false;
        }
        Long next = segments.higherKey(first.getKey());
        return next != null && next - 1 <= seq;
    }

    private void deleteConsumedSegments(long seq) throws IOException {
        while (deletable(seq)) {
            Map.Entry<Long, Path> first = segments.pollFirstEntry();
            Files.deleteIfExists(first.getValue());
        }
    }

    @Override
    public long endPosition() {
        return appender.committed().seq();
    }

    @Override
    public LocalConsumers localConsumers() {
        return consumers;
    }

    /** Accepted records the store writer has not committed yet. */
    public long lagRecords() {
        return appender.backlogRecords();
    }

    /** Stops taking appends and journals what is queued. */
    @Override
    public void stopAppending() {
        appender.stop();
    }

    /** Stops appends and consumers, writes every consumer's position, and releases the directory. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        appender.stop();
        consumers.close();
        maybeCheckpoint(true);
        for (LocalConsumers.Base c : consumers.all()) {
            if (c instanceof JournalConsumer j) {
                j.reader.close(); // a read still running fails, and its loop sees the log closed
            }
        }
        closeQuietly(preallocator);
        appender.close();
        dir.close();
    }
}
