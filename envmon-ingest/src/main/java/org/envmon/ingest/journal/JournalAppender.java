package org.envmon.ingest.journal;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.envmon.ingest.IngestRejectedException;
import org.envmon.ingest.log.IngestMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's writer: {@link #append} encodes the message on the caller's thread and queues it; one thread writes
 * whatever has accumulated as one group and makes it durable with a single {@code FileChannel.force(false)}
 * (fdatasync), then completes the group's futures: that is the moment a station may be answered. A group is
 * whatever queued while the previous force ran (at most {@link JournalConfig#maxGroupRecords()}), so the number of
 * fsyncs adapts to load and no packet waits for a timer. A segment is sealed when the next group would not fit.
 *
 * <p>Accepted but not yet applied data is bounded ({@link JournalConfig#maxBacklogBytes()},
 * {@link JournalConfig#maxBacklogRecords()}); beyond that an append fails with {@link IngestRejectedException}. A
 * failed {@code force} stops the journal (every later append is refused) until a restart recovers it: after a failed
 * fsync the kernel may have dropped the pages, so nothing written since can be trusted.
 */
final class JournalAppender {
    private static final Logger log = LoggerFactory.getLogger(JournalAppender.class);

    /** What is durable: the last seq and where it ends. */
    record Mark(long segmentFirstSeq, long endOffset, long seq) {
    }

    private record Pending(byte[] payload, CompletableFuture<Long> done, long enqueuedNanos) {
    }

    private final JournalConfig config;
    private final JournalDirectory dir;
    private final UUID journalId;
    private final NavigableMap<Long, Path> segments;
    private final SegmentPreallocator preallocator;
    private final Runnable onDurable;
    private final BlockingQueue<Pending> queue;
    private final AtomicLong backlogBytes = new AtomicLong();
    private final AtomicLong backlogRecords = new AtomicLong();
    private final Thread thread;

    // writer thread only (and the constructor)
    private FileChannel out;
    private long outFirstSeq;
    private long outSize;
    private long nextSeq;
    private ByteBuffer groupBuffer = ByteBuffer.allocateDirect(1 << 20);

    private volatile Mark committed;
    private volatile boolean accepting = true;
    private volatile Throwable failure;

    private final JournalMeters meters;

    /** Opens a new segment at {@code recovered.nextSeq()} and starts the writer thread. */
    JournalAppender(JournalConfig config, JournalDirectory dir, UUID journalId, NavigableMap<Long, Path> segments,
                    SegmentPreallocator preallocator, JournalRecovery.Result recovered, Runnable onDurable,
                    MeterRegistry registry) throws IOException {
        this.config = config;
        this.dir = dir;
        this.journalId = journalId;
        this.segments = segments;
        this.preallocator = preallocator;
        this.onDurable = onDurable;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.meters = new JournalMeters(registry, backlogRecords, backlogBytes);
        backlogRecords.set(recovered.unappliedRecords());
        backlogBytes.set(recovered.unappliedBytes());
        this.nextSeq = recovered.nextSeq();
        openSegment(nextSeq);
        this.committed = new Mark(outFirstSeq, outSize, nextSeq - 1);
        this.thread = new Thread(this::writeLoop, "envmon-journal");
        thread.start();
    }

    Mark committed() {
        return committed;
    }

    long backlogRecords() {
        return backlogRecords.get();
    }

    /** The store writer applied {@code records} of {@code bytes} (framing included). */
    void release(long records, long bytes) {
        backlogRecords.addAndGet(-records);
        backlogBytes.addAndGet(-bytes);
    }

    CompletionStage<Long> append(IngestMessage message) {
        if (!accepting) {
            return CompletableFuture.failedFuture(new IngestRejectedException("ingest is shutting down"));
        }
        if (failure != null) {
            return CompletableFuture.failedFuture(new IngestRejectedException("ingest journal failed: " + failure));
        }
        byte[] payload;
        try {
            payload = RecordCodec.encode(message);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (payload.length > SegmentFile.MAX_PAYLOAD_BYTES) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("packet of " + payload.length
                    + " bytes is larger than a journal record may be"));
        }
        long size = SegmentFile.RECORD_HEADER_BYTES + payload.length;
        if (backlogBytes.addAndGet(size) > config.maxBacklogBytes()) {
            backlogBytes.addAndGet(-size);
            meters.rejectedFull.increment();
            return CompletableFuture.failedFuture(new IngestRejectedException(
                    "ingest journal full: the store is behind by " + backlogBytes.get() + " bytes"));
        }
        if (backlogRecords.incrementAndGet() > config.maxBacklogRecords()) {
            release(1, size);
            meters.rejectedFull.increment();
            return CompletableFuture.failedFuture(new IngestRejectedException(
                    "ingest journal full: the store is behind by " + backlogRecords.get() + " records"));
        }
        CompletableFuture<Long> done = new CompletableFuture<>();
        if (!queue.offer(new Pending(payload, done, System.nanoTime()))) {
            release(1, size);
            meters.rejectedQueue.increment();
            done.completeExceptionally(new IngestRejectedException("ingest journal queue full"));
        }
        return done;
    }

    private void writeLoop() {
        List<Pending> group = new ArrayList<>(config.maxGroupRecords());
        try {
            while (accepting || !queue.isEmpty()) {
                Pending first;
                try {
                    first = queue.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, config.maxGroupRecords() - 1);
                commitGroup(group);
                group.clear();
            }
        } finally {
            Pending p;
            while ((p = queue.poll()) != null) {
                release(1, SegmentFile.RECORD_HEADER_BYTES + p.payload.length);
                p.done.completeExceptionally(new IngestRejectedException("ingest journal stopped"));
            }
            onDurable.run();
        }
    }

    private void commitGroup(List<Pending> group) {
        long groupBytes = 0;
        for (Pending p : group) {
            groupBytes += SegmentFile.RECORD_HEADER_BYTES + p.payload.length;
        }
        if (failure != null) {
            fail(group, groupBytes, new IngestRejectedException("ingest journal failed: " + failure));
            return;
        }
        long firstSeq = nextSeq;
        try {
            if (outSize + groupBytes > config.segmentBytes() && outSize > SegmentFile.HEADER_BYTES) {
                out.close(); // every group was forced already, so the sealed segment is durable as it stands
                openSegment(nextSeq);
            }
            if (groupBuffer.capacity() < groupBytes) {
                groupBuffer = ByteBuffer.allocateDirect((int) Math.max(groupBytes, groupBuffer.capacity() * 2L));
            }
            groupBuffer.clear();
            for (Pending p : group) {
                SegmentFile.frame(groupBuffer, nextSeq++, p.payload);
            }
            groupBuffer.flip();
            long pos = outSize;
            while (groupBuffer.hasRemaining()) {
                pos += out.write(groupBuffer, pos);
            }
        } catch (IOException | RuntimeException e) {
            // Nothing of this group was acknowledged: cut it off again and carry on (disk full may pass).
            nextSeq = firstSeq;
            try {
                out.truncate(outSize);
            } catch (IOException | RuntimeException t) {
                failure = e;
            }
            log.error("ingest journal write failed; {} packets not acknowledged", group.size(), e);
            fail(group, groupBytes, new UncheckedIOException(new IOException("journal write failed", e)));
            return;
        }
        long start = System.nanoTime();
        try {
            out.force(false);
        } catch (IOException | RuntimeException e) {
            failure = e;
            log.error("ingest journal fsync failed; the journal stops taking packets until a restart", e);
            fail(group, groupBytes, new UncheckedIOException(new IOException("journal fsync failed", e)));
            return;
        }
        meters.fsyncTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        meters.fsyncs.increment();
        outSize += groupBytes;
        committed = new Mark(outFirstSeq, outSize, nextSeq - 1);
        meters.appends.increment(group.size());
        meters.appendBytes.increment(groupBytes);
        meters.groupSize.record(group.size());
        onDurable.run();
        long now = System.nanoTime();
        long seq = firstSeq;
        for (Pending p : group) {
            meters.durableTime.record(now - p.enqueuedNanos, TimeUnit.NANOSECONDS);
            p.done.complete(seq++);
        }
    }

    private void fail(List<Pending> group, long groupBytes, Throwable error) {
        release(group.size(), groupBytes);
        for (Pending p : group) {
            p.done.completeExceptionally(error);
        }
    }

    /**
     * Starts the segment for {@code firstSeq}: the preallocated spare if one is ready (header written into it, then
     * renamed into place), else a new empty file. Either way a segment file always has a whole header.
     */
    private void openSegment(long firstSeq) throws IOException {
        Path path = dir.path().resolve(SegmentFile.name(firstSeq));
        Path ready = preallocator == null ? null : preallocator.take();
        FileChannel ch;
        ByteBuffer header = SegmentFile.header(firstSeq, journalId);
        if (ready != null) {
            try (FileChannel s = FileChannel.open(ready, StandardOpenOption.WRITE)) {
                while (header.hasRemaining()) {
                    s.write(header, header.position());
                }
                s.force(false);
            }
            Files.move(ready, path, StandardCopyOption.ATOMIC_MOVE);
            ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            preallocator.taken();
        } else {
            ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            while (header.hasRemaining()) {
                ch.write(header);
            }
            ch.force(true);
        }
        dir.forceDirectory();
        segments.put(firstSeq, path);
        out = ch;
        outFirstSeq = firstSeq;
        outSize = SegmentFile.HEADER_BYTES;
    }

    /** Stops taking appends, journals what is queued, and waits for the writer thread. */
    void stop() {
        accepting = false;
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void close() {
        stop();
        try {
            out.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
