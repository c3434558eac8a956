package org.envmon.ingest.journal;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of a {@link JournalingSink}.
 *
 * @param dir                 directory of the segment files, the applied-position checkpoint and the lock file
 * @param segmentBytes        a segment is sealed and a new one started when the next group would not fit
 * @param preallocate         write segments full of zeros ahead of use (in the background), so that a group's
 *                            fsync only flushes data and never waits for a file-system metadata commit (which on
 *                            ext4 also flushes other files' data, e.g. the database's checkpoint). Costs one spare
 *                            segment of disk
 * @param maxBacklogBytes     journaled but not yet applied bytes (framing included) beyond which a submit is refused
 * @param maxBacklogRecords   the same bound counted in records
 * @param queueCapacity       packets waiting for the journal thread (in memory)
 * @param maxGroupRecords     records per journal group commit (one write, one force)
 * @param applyBatchRecords   records handed to the store writer at once; keep it at most the writer's queue capacity
 * @param checkpointInterval  the applied position is written at most this often (and always before a segment is
 *                            deleted); a crash re-applies at most this much, which the store recognises as redelivery
 * @param retryMin            first wait after a failed apply; doubles up to {@code retryMax}
 * @param retryMax            longest wait between apply attempts while the store is down
 * @param drainTimeout        how long {@link JournalingSink#close()} keeps applying before leaving the rest to the
 *                            next start
 */
public record JournalConfig(
        Path dir,
        long segmentBytes,
        boolean preallocate,
        long maxBacklogBytes,
        long maxBacklogRecords,
        int queueCapacity,
        int maxGroupRecords,
        int applyBatchRecords,
        Duration checkpointInterval,
        Duration retryMin,
        Duration retryMax,
        Duration drainTimeout) {

    public JournalConfig {
        if (dir == null) {
            throw new IllegalArgumentException("journal dir is required");
        }
        if (segmentBytes < 4096 || segmentBytes > (1L << 31) - 1 || maxBacklogBytes < 1 || maxBacklogRecords < 1
                || queueCapacity < 1 || maxGroupRecords < 1 || applyBatchRecords < 1) {
            throw new IllegalArgumentException("journal sizes must be positive (segment 4 KiB to 2 GiB)");
        }
    }

    /** Preallocated 64 MiB segments, at most 1 GiB or 2 million records behind, 5,000 records per apply batch. */
    public static JournalConfig defaults(Path dir) {
        return new JournalConfig(dir, 64L << 20, true, 1L << 30, 2_000_000, 100_000, 10_000, 5_000,
                Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    public JournalConfig withMaxBacklog(long bytes, long records) {
        return new JournalConfig(dir, segmentBytes, preallocate, bytes, records, queueCapacity, maxGroupRecords,
                applyBatchRecords, checkpointInterval, retryMin, retryMax, drainTimeout);
    }

    public JournalConfig withSegmentBytes(long bytes, boolean preallocated) {
        return new JournalConfig(dir, bytes, preallocated, maxBacklogBytes, maxBacklogRecords, queueCapacity,
                maxGroupRecords, applyBatchRecords, checkpointInterval, retryMin, retryMax, drainTimeout);
    }

    public JournalConfig withApplyBatchRecords(int records) {
        return new JournalConfig(dir, segmentBytes, preallocate, maxBacklogBytes, maxBacklogRecords, queueCapacity,
                maxGroupRecords, records, checkpointInterval, retryMin, retryMax, drainTimeout);
    }

    public JournalConfig withRetry(Duration min, Duration max) {
        return new JournalConfig(dir, segmentBytes, preallocate, maxBacklogBytes, maxBacklogRecords, queueCapacity,
                maxGroupRecords, applyBatchRecords, checkpointInterval, min, max, drainTimeout);
    }

    public JournalConfig withDrainTimeout(Duration timeout) {
        return new JournalConfig(dir, segmentBytes, preallocate, maxBacklogBytes, maxBacklogRecords, queueCapacity,
                maxGroupRecords, applyBatchRecords, checkpointInterval, retryMin, retryMax, timeout);
    }
}
