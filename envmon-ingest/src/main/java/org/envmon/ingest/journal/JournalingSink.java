package org.envmon.ingest.journal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.envmon.ingest.GroupCommitWriter;
import org.envmon.ingest.IngestRejectedException;
import org.envmon.ingest.IngestSink;
import org.envmon.model.PacketWrite;
import org.envmon.model.WriteOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable ingest journal (a write-ahead log owned by EnvMon) in front of the store writer. {@link #submit} appends
 * the packet to a local segment file; one journal thread writes whatever has accumulated as one group and makes it
 * durable with a single {@code FileChannel.force}, then completes the group's futures: that is the moment a
 * station may be answered. A separate applier thread reads the committed records back in order and hands them to
 * the store writer ({@code downstream}, normally the {@link GroupCommitWriter}, whose {@code CommittedListener}s
 * therefore still hear of every batch after the store commit). A slow store commit (a DuckDB checkpoint, a
 * PostgreSQL stall) thus delays only the applier, never the answers.
 *
 * <h2>Visibility lag</h2>
 * A packet is durable (in the journal) when its future completes, but queries through the {@code ObservationStore}
 * (the REST API) see it only once the applier has written it to the store: typically a few tens of milliseconds,
 * under a second unless the store stalls. While the store is down the applier retries with backoff and answers keep
 * flowing as long as the journal has room; the API then lags by the outage. {@link #awaitApplied} waits for the
 * applier to catch up.
 *
 * <h2>Outcome</h2>
 * The future completes with {@link #JOURNALED} ({@code STORED}, packet id -1): the store assigns the id, and
 * recognises a redelivery, only when it applies the record; redeliveries are still stored once.
 *
 * <h2>Files (in {@link JournalConfig#dir()})</h2>
 * <ul>
 * <li>{@code segment-<first seq>.log}: records, see {@link SegmentFile} for the layout (versioned header, per record
 * length, CRC32C, sequence number, versioned payload, see {@link RecordCodec}). Sequence numbers are consecutive
 * across segments and never reused.</li>
 * <li>{@code applied.ckpt}: the applied position (last seq known to be in the store), written to a temporary file,
 * forced, atomically renamed, then the directory is forced. Written at most every
 * {@link JournalConfig#checkpointInterval()}, and always before a fully applied segment is deleted.</li>
 * <li>{@code journal.id}: this journal's UUID (also in every segment header); {@code journal.lock}: an exclusive
 * file lock, so that two processes never share a journal.</li>
 * <li>{@code spare.tmp}: with {@link JournalConfig#preallocate()}, the next segment, already written full of zeros
 * and forced by a background thread; a rotation writes the header into it and renames it into place. Appends into
 * preallocated space change no file-system metadata, so a group's {@code force} flushes only its own data and does
 * not wait for a journal commit of the file system (on ext4 that would also flush the database's pending writes:
 * measured stalls of 0.2-0.9 s during DuckDB checkpoints without it).</li>
 * </ul>
 *
 * <h2>Fsync policy</h2>
 * One {@code FileChannel.force(false)} (fdatasync) per group; a group is whatever queued while the previous force
 * ran (at most {@link JournalConfig#maxGroupRecords()}), so the number of fsyncs adapts to load and no packet waits
 * for a timer.
 *
 * <h2>Exactly once into the store</h2>
 * A crash between a store commit and the next checkpoint re-applies the records after the checkpoint. A packet with
 * a dedup key is then recognised as a redelivery. A packet without one (null) is given the key
 * {@code journal:<journal id>:<seq>} when applied, unique to its journal record, so a re-applied copy is also
 * recognised, while it still never matches any other packet (the meaning of a null key).
 *
 * <h2>Recovery (in the constructor)</h2>
 * Segments are scanned in order; in the last segment the first invalid record (short, bad length, CRC mismatch,
 * unexpected seq) and everything after it is a torn tail and is truncated away (never acknowledged: a group is
 * acknowledged only after its force). An invalid record in an earlier, sealed segment, a seq gap among unapplied
 * records, or a foreign file stops startup with {@link JournalCorruptException}. Writing continues in a new segment;
 * the applier starts right after the applied position, so recovered records are applied first and new ones after
 * them, in order, while new packets are already accepted.
 *
 * <h2>Bounds</h2>
 * Accepted but not yet applied data is limited to {@link JournalConfig#maxBacklogBytes()} and
 * {@link JournalConfig#maxBacklogRecords()}; beyond that {@link #submit} fails with {@link IngestRejectedException}
 * (the station is not answered and resends). Disk use stays below the backlog bound plus one segment. A failed
 * {@code force} stops the journal (every later submit is refused) until a restart recovers it: after a failed
 * fsync the kernel may have dropped the pages, so nothing written since can be trusted.
 */
public final class JournalingSink implements IngestSink {
    private static final Logger log = LoggerFactory.getLogger(JournalingSink.class);

    /** The outcome a journaled packet's future completes with (see the class comment). */
    public static final WriteOutcome JOURNALED = new WriteOutcome(WriteOutcome.Status.STORED, -1);

    static final String CHECKPOINT_FILE = "applied.ckpt";
    static final String ID_FILE = "journal.id";
    static final String LOCK_FILE = "journal.lock";
    static final String SPARE_FILE = "spare.tmp";
    private static final int CHECKPOINT_MAGIC = 0x454D4A41; // "EMJA"
    private static final int CHECKPOINT_BYTES = 24;

    private record Pending(byte[] payload, CompletableFuture<WriteOutcome> done, long enqueuedNanos) {
    }

    private record Segment(long firstSeq, Path path) {
    }

    /** What the journal thread has made durable: the last seq and where it ends. */
    private record Mark(long segmentFirstSeq, long endOffset, long seq) {
    }

    /** A record read back for applying. */
    private record Entry(long seq, int bytes, PacketWrite write) {
    }

    private final JournalConfig config;
    private final IngestSink downstream;
    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final UUID journalId;
    private final ConcurrentSkipListMap<Long, Segment> segments = new ConcurrentSkipListMap<>();
    private final BlockingQueue<Pending> queue;
    private final AtomicLong backlogBytes = new AtomicLong();
    private final AtomicLong backlogRecords = new AtomicLong();
    private final Object progress = new Object();

    // journal thread only
    private FileChannel out;
    private Segment outSegment;
    private long outSize;
    private long nextSeq;
    private ByteBuffer groupBuffer = ByteBuffer.allocateDirect(1 << 20);

    private volatile Mark committed;
    private volatile long appliedSeq;
    private volatile boolean accepting = true;
    private volatile boolean writerStopped;
    private volatile boolean applierStopping;
    private volatile long drainDeadlineNanos = Long.MAX_VALUE;
    private volatile Throwable failure;
    private volatile Path spare;
    private volatile boolean preallocatorStopping;
    private final Object spareMonitor = new Object();

    // applier thread only
    private long checkpointedSeq;
    private long lastCheckpointNanos = System.nanoTime();
    private Segment readSegment;
    private FileChannel readChannel;
    private UUID readJournalId;
    private SegmentFile.Reader reader;

    private final Thread writer;
    private final Thread applier;
    private final Thread preallocator;

    private final Counter appends;
    private final Counter appendBytes;
    private final Counter fsyncs;
    private final Timer fsyncTime;
    private final Timer durableTime;
    private final DistributionSummary groupSize;
    private final Counter applied;
    private final Counter applyFailures;
    private final Counter rejectedFull;
    private final Counter rejectedQueue;
    private final Counter truncatedBytes;
    private final Counter recovered;

    /**
     * Opens (creating if needed) the journal in {@code config.dir()}, recovers it, and starts the journal and
     * applier threads.
     *
     * @param downstream where applied records go, normally the {@link GroupCommitWriter}; closed by {@link #close()}
     * @throws JournalCorruptException when the journal holds damage that is not a torn tail
     * @throws UncheckedIOException    when the directory cannot be used (or another process holds its lock)
     */
    public JournalingSink(JournalConfig config, IngestSink downstream, MeterRegistry registry) {
        this.config = config;
        this.downstream = downstream;
        this.dir = config.dir().toAbsolutePath();
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.appends = Counter.builder("envmon.ingest.journal.appends").description("records appended")
                .register(registry);
        this.appendBytes = Counter.builder("envmon.ingest.journal.append.bytes").register(registry);
        this.fsyncs = Counter.builder("envmon.ingest.journal.fsyncs").register(registry);
        this.fsyncTime = Timer.builder("envmon.ingest.journal.fsync").register(registry);
        this.durableTime = Timer.builder("envmon.ingest.journal.durable")
                .description("from submit to durable in the journal (what a station waits for)").register(registry);
        this.groupSize = DistributionSummary.builder("envmon.ingest.journal.group.records").register(registry);
        this.applied = Counter.builder("envmon.ingest.journal.applied").description("records written to the store")
                .register(registry);
        this.applyFailures = Counter.builder("envmon.ingest.journal.apply.failures").register(registry);
        this.rejectedFull = Counter.builder("envmon.ingest.packets").tag("outcome", "journal_full")
                .register(registry);
        this.rejectedQueue = Counter.builder("envmon.ingest.packets").tag("outcome", "queue_full").register(registry);
        this.truncatedBytes = Counter.builder("envmon.ingest.journal.recovery.truncated.bytes").register(registry);
        this.recovered = Counter.builder("envmon.ingest.journal.recovery.records")
                .description("unapplied records found at startup").register(registry);
        Gauge.builder("envmon.ingest.journal.lag.records", backlogRecords, AtomicLong::get)
                .description("accepted records not yet applied to the store").register(registry);
        Gauge.builder("envmon.ingest.journal.lag.bytes", backlogBytes, AtomicLong::get)
                .description("accepted bytes not yet applied to the store").register(registry);
        FileChannel lc = null;
        try {
            Files.createDirectories(dir);
            lc = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = lc.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                throw new IOException("journal " + dir + " is in use by another process");
            }
            this.lockChannel = lc;
            this.lock = l;
            this.journalId = loadOrCreateId();
            recover();
        } catch (IOException e) {
            closeQuietly(lc);
            throw new UncheckedIOException("cannot open the ingest journal in " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(lc);
            throw e;
        }
        this.writer = new Thread(this::writeLoop, "envmon-journal");
        this.applier = new Thread(this::applyLoop, "envmon-journal-apply");
        this.preallocator = config.preallocate() ? new Thread(this::preallocateLoop, "envmon-journal-prealloc")
                : null;
        writer.start();
        applier.start();
        if (preallocator != null) {
            preallocator.setDaemon(true);
            preallocator.start();
        }
    }

    // ---------------------------------------------------------------- submit and the journal thread

    @Override
    public CompletableFuture<WriteOutcome> submit(PacketWrite write) {
        CompletableFuture<WriteOutcome> done = new CompletableFuture<>();
        if (!accepting) {
            done.completeExceptionally(new IngestRejectedException("ingest is shutting down"));
            return done;
        }
        if (failure != null) {
            done.completeExceptionally(new IngestRejectedException("ingest journal failed: " + failure));
            return done;
        }
        byte[] payload;
        try {
            payload = RecordCodec.encode(write);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
            return done;
        }
        if (payload.length > SegmentFile.MAX_PAYLOAD_BYTES) {
            done.completeExceptionally(new IllegalArgumentException("packet of " + payload.length
                    + " bytes is larger than a journal record may be"));
            return done;
        }
        long size = SegmentFile.RECORD_HEADER_BYTES + payload.length;
        if (backlogBytes.addAndGet(size) > config.maxBacklogBytes()) {
            backlogBytes.addAndGet(-size);
            rejectedFull.increment();
            done.completeExceptionally(new IngestRejectedException("ingest journal full: the store is behind by "
                    + backlogBytes.get() + " bytes"));
            return done;
        }
        if (backlogRecords.incrementAndGet() > config.maxBacklogRecords()) {
            release(1, size);
            rejectedFull.increment();
            done.completeExceptionally(new IngestRejectedException("ingest journal full: the store is behind by "
                    + backlogRecords.get() + " records"));
            return done;
        }
        if (!queue.offer(new Pending(payload, done, System.nanoTime()))) {
            release(1, size);
            rejectedQueue.increment();
            done.completeExceptionally(new IngestRejectedException("ingest journal queue full"));
        }
        return done;
    }

    private void release(long records, long bytes) {
        backlogRecords.addAndGet(-records);
        backlogBytes.addAndGet(-bytes);
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
            writerStopped = true;
            Pending p;
            while ((p = queue.poll()) != null) {
                release(1, SegmentFile.RECORD_HEADER_BYTES + p.payload.length);
                p.done.completeExceptionally(new IngestRejectedException("ingest journal stopped"));
            }
            signal();
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
                rotate();
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
        fsyncTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        fsyncs.increment();
        outSize += groupBytes;
        committed = new Mark(outSegment.firstSeq, outSize, nextSeq - 1);
        appends.increment(group.size());
        appendBytes.increment(groupBytes);
        groupSize.record(group.size());
        signal();
        long now = System.nanoTime();
        for (Pending p : group) {
            durableTime.record(now - p.enqueuedNanos, TimeUnit.NANOSECONDS);
            p.done.complete(JOURNALED);
        }
    }

    private void fail(List<Pending> group, long groupBytes, Throwable error) {
        release(group.size(), groupBytes);
        for (Pending p : group) {
            p.done.completeExceptionally(error);
        }
    }

    private void rotate() throws IOException {
        // Every group was forced already, so the sealed segment is durable as it stands.
        out.close();
        openSegment(nextSeq);
    }

    /**
     * Starts the segment for {@code firstSeq}: the preallocated spare if one is ready (header written into it, then
     * renamed into place), else a new empty file. Either way a segment file always has a whole header.
     */
    private void openSegment(long firstSeq) throws IOException {
        Path path = dir.resolve(SegmentFile.name(firstSeq));
        Path ready = spare;
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
            // Only now may the preallocator write the next spare (under the same temporary name).
            spare = null;
            synchronized (spareMonitor) {
                spareMonitor.notifyAll();
            }
        } else {
            ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            while (header.hasRemaining()) {
                ch.write(header);
            }
            ch.force(true);
        }
        forceDirectory();
        Segment s = new Segment(firstSeq, path);
        segments.put(firstSeq, s);
        out = ch;
        outSegment = s;
        outSize = SegmentFile.HEADER_BYTES;
    }

    /** Keeps one zero-filled spare segment ready while preallocation is on. */
    private void preallocateLoop() {
        while (!preallocatorStopping) {
            if (spare == null) {
                try {
                    spare = preallocate();
                } catch (IOException | RuntimeException e) {
                    log.warn("ingest journal: cannot preallocate a segment ({}); the next one starts empty",
                            e.toString());
                }
            }
            synchronized (spareMonitor) {
                if (!preallocatorStopping && spare != null) {
                    try {
                        spareMonitor.wait(1_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                } else if (!preallocatorStopping) {
                    try {
                        spareMonitor.wait(1_000); // after a failure, try again later
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    /** Writes {@code spare.tmp}: segmentBytes of zeros, forced, so that later writes into it change no metadata. */
    private Path preallocate() throws IOException {
        Path tmp = dir.resolve(SPARE_FILE);
        ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            long pos = 0;
            while (pos < config.segmentBytes() && !preallocatorStopping) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), config.segmentBytes() - pos));
                while (zeros.hasRemaining()) {
                    pos += ch.write(zeros, pos);
                }
            }
            if (preallocatorStopping) {
                return null;
            }
            ch.force(true);
        }
        forceDirectory();
        return tmp;
    }

    // ---------------------------------------------------------------- the applier

    private void applyLoop() {
        long backoff = config.retryMin().toNanos();
        while (true) {
            if (applierStopping && (System.nanoTime() > drainDeadlineNanos || caughtUp())) {
                break;
            }
            List<Entry> batch;
            try {
                batch = readBatch();
            } catch (IOException | RuntimeException e) {
                applyFailures.increment();
                log.error("ingest journal: cannot read committed records back; retrying", e);
                closeReader();
                if (!pause(backoff)) {
                    break;
                }
                backoff = Math.min(backoff * 2, config.retryMax().toNanos());
                continue;
            }
            if (batch.isEmpty()) {
                maybeCheckpoint(false);
                if (writerStopped && caughtUp() && applierStopping) {
                    break;
                }
                synchronized (progress) {
                    if (!applierStopping && committedSeq() <= appliedSeq) {
                        try {
                            progress.wait(50);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            break;
                        }
                    }
                }
                continue;
            }
            if (!apply(batch)) {
                break;
            }
            backoff = config.retryMin().toNanos();
            maybeCheckpoint(false);
        }
        maybeCheckpoint(true);
        closeReader();
    }

    private boolean caughtUp() {
        return appliedSeq >= committedSeq();
    }

    /** Applies the batch in order, retrying what failed; false when stopped before it was all applied. */
    private boolean apply(List<Entry> batch) {
        int from = 0;
        long backoff = config.retryMin().toNanos();
        int attempts = 0;
        while (from < batch.size()) {
            List<CompletableFuture<WriteOutcome>> futures = new ArrayList<>(batch.size() - from);
            for (int i = from; i < batch.size(); i++) {
                CompletableFuture<WriteOutcome> f;
                try {
                    f = downstream.submit(batch.get(i).write);
                } catch (RuntimeException e) {
                    f = CompletableFuture.failedFuture(e);
                }
                futures.add(f);
            }
            int ok = from;
            Throwable error = null;
            for (CompletableFuture<WriteOutcome> f : futures) {
                try {
                    f.get();
                    if (error == null) {
                        ok++;
                    }
                } catch (ExecutionException e) {
                    if (error == null) {
                        error = e.getCause();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            if (ok > from) {
                markApplied(batch, from, ok);
                from = ok;
            }
            if (from == batch.size()) {
                return true;
            }
            applyFailures.increment();
            if (attempts++ % 20 == 0) {
                log.warn("ingest journal: applying seq {} to the store failed ({} behind); retrying with backoff: {}",
                        batch.get(from).seq, backlogRecords.get(), String.valueOf(error));
            }
            if (!pause(backoff)) {
                return false;
            }
            backoff = Math.min(backoff * 2, config.retryMax().toNanos());
        }
        return true;
    }

    /** Waits before a retry; false when the applier should stop instead. */
    private boolean pause(long nanos) {
        long until = System.nanoTime() + nanos;
        while (System.nanoTime() < until) {
            if (applierStopping && System.nanoTime() > drainDeadlineNanos) {
                return false;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(50, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime()))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void markApplied(List<Entry> batch, int from, int to) {
        long bytes = 0;
        for (int i = from; i < to; i++) {
            bytes += batch.get(i).bytes;
        }
        release(to - from, bytes);
        applied.increment(to - from);
        appliedSeq = batch.get(to - 1).seq;
        signal();
    }

    /** Reads up to one apply batch of committed records after the applied position. */
    private List<Entry> readBatch() throws IOException {
        List<Entry> batch = new ArrayList<>();
        Mark m = committed;
        long last = appliedSeq;
        while (batch.size() < config.applyBatchRecords()) {
            if (reader == null && !openReader(last + 1)) {
                break;
            }
            long limit;
            if (readSegment.firstSeq == m.segmentFirstSeq) {
                limit = m.endOffset;
            } else if (readSegment.firstSeq < m.segmentFirstSeq) {
                limit = readChannel.size(); // sealed
            } else {
                break;
            }
            SegmentFile.Record r = reader.next(limit);
            if (r == null) {
                if (reader.stop() == SegmentFile.Stop.TORN) {
                    throw new JournalCorruptException("committed journal record unreadable: " + reader.stopDetail());
                }
                if (readSegment.firstSeq < m.segmentFirstSeq) {
                    Map.Entry<Long, Segment> next = segments.higherEntry(readSegment.firstSeq);
                    long expected = reader.expectedSeq();
                    closeReader();
                    if (next == null) {
                        break;
                    }
                    if (next.getKey() != expected && next.getKey() - 1 > last) {
                        throw new JournalCorruptException("journal records " + expected + ".." + (next.getKey() - 1)
                                + " are unreadable before " + next.getValue().path.getFileName());
                    }
                    openSegmentForReading(next.getValue());
                    continue;
                }
                break;
            }
            if (r.seq() <= last) {
                continue;
            }
            last = r.seq();
            PacketWrite w = RecordCodec.decode(ByteBuffer.wrap(r.payload()),
                    "journal:" + readJournalId + ":" + r.seq());
            batch.add(new Entry(r.seq(), r.bytes(), w));
        }
        return batch;
    }

    private boolean openReader(long seq) throws IOException {
        Map.Entry<Long, Segment> e = segments.floorEntry(seq);
        if (e == null) {
            e = segments.firstEntry();
        }
        if (e == null) {
            return false;
        }
        openSegmentForReading(e.getValue());
        return true;
    }

    private void openSegmentForReading(Segment s) throws IOException {
        readChannel = FileChannel.open(s.path, StandardOpenOption.READ);
        SegmentFile.Header h = SegmentFile.readHeader(readChannel, s.path);
        if (h == null) {
            closeReader();
            throw new JournalCorruptException(s.path + " has no header");
        }
        readSegment = s;
        readJournalId = h.journalId();
        reader = new SegmentFile.Reader(readChannel, s.path, SegmentFile.HEADER_BYTES, h.firstSeq());
    }

    private void closeReader() {
        closeQuietly(readChannel);
        readChannel = null;
        reader = null;
        readSegment = null;
    }

    /** Writes the applied position when due (or when {@code force}), then deletes fully applied segments. */
    private void maybeCheckpoint(boolean force) {
        long seq = appliedSeq;
        try {
            if (seq > checkpointedSeq && (force || deletable(seq)
                    || System.nanoTime() - lastCheckpointNanos >= config.checkpointInterval().toNanos())) {
                writeCheckpoint(seq);
                checkpointedSeq = seq;
                lastCheckpointNanos = System.nanoTime();
            }
            if (deletable(checkpointedSeq)) {
                deleteAppliedSegments(checkpointedSeq);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("ingest journal: cannot write the applied position or delete applied segments: {}",
                    e.toString());
        }
    }

    /** True when a sealed segment lies entirely at or before {@code seq}. */
    private boolean deletable(long seq) {
        Map.Entry<Long, Segment> first = segments.firstEntry();
        if (first == null) {
            return false;
        }
        Long next = segments.higherKey(first.getKey());
        return next != null && next - 1 <= seq;
    }

    private void deleteAppliedSegments(long seq) throws IOException {
        while (true) {
            Map.Entry<Long, Segment> first = segments.firstEntry();
            if (first == null) {
                return;
            }
            Long next = segments.higherKey(first.getKey());
            if (next == null || next - 1 > seq) {
                return;
            }
            if (readSegment != null && readSegment.firstSeq == first.getKey()) {
                closeReader();
            }
            segments.remove(first.getKey());
            Files.deleteIfExists(first.getValue().path);
        }
    }

    private void writeCheckpoint(long seq) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(CHECKPOINT_BYTES);
        b.putInt(CHECKPOINT_MAGIC).putShort((short) 1).putShort((short) CHECKPOINT_BYTES).putLong(seq);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, 16);
        b.putInt((int) crc.getValue()).putInt(0).flip();
        Path tmp = dir.resolve(CHECKPOINT_FILE + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        Files.move(tmp, dir.resolve(CHECKPOINT_FILE), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
    }

    /** @return the applied position in the checkpoint, 0 when there is none (everything is then re-applied) */
    private long readCheckpoint() throws IOException {
        Path p = dir.resolve(CHECKPOINT_FILE);
        if (!Files.exists(p)) {
            return 0;
        }
        byte[] bytes = Files.readAllBytes(p);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, Math.min(16, bytes.length));
        if (bytes.length != CHECKPOINT_BYTES || b.getInt() != CHECKPOINT_MAGIC || b.getShort() != 1
                || b.getShort() != CHECKPOINT_BYTES || b.getInt(16) != (int) crc.getValue()) {
            // Harmless: re-applying is recognised by the store as redelivery (see the class comment).
            log.warn("ingest journal: {} is unreadable; re-applying every record in the journal", p);
            return 0;
        }
        return b.getLong(8);
    }

    // ---------------------------------------------------------------- recovery

    private UUID loadOrCreateId() throws IOException {
        Path p = dir.resolve(ID_FILE);
        if (Files.exists(p)) {
            try {
                return UUID.fromString(Files.readString(p).trim());
            } catch (IllegalArgumentException e) {
                log.warn("ingest journal: {} is unreadable; starting a new journal id", p);
            }
        }
        UUID id = UUID.randomUUID();
        Path tmp = dir.resolve(ID_FILE + ".tmp");
        Files.writeString(tmp, id + "\n");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
        return id;
    }

    private void recover() throws IOException {
        long appliedPos = readCheckpoint();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> SegmentFile.firstSeqOf(f) >= 0)
                    .sorted((x, y) -> Long.compare(SegmentFile.firstSeqOf(x), SegmentFile.firstSeqOf(y))).toList();
        }
        long lastSeq = -1;
        long unappliedRecords = 0;
        long unappliedBytes = 0;
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            boolean lastFile = i == files.size() - 1;
            long firstSeq = SegmentFile.firstSeqOf(f);
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                SegmentFile.Header h = SegmentFile.readHeader(ch, f);
                if (h == null) {
                    if (!lastFile) {
                        throw new JournalCorruptException(f + " has no header but later segments exist");
                    }
                    log.warn("ingest journal: removing {}, torn while it was being created", f.getFileName());
                    ch.close();
                    Files.delete(f);
                    continue;
                }
                if (h.firstSeq() != firstSeq) {
                    throw new JournalCorruptException(f + " starts at seq " + h.firstSeq() + ", not as named");
                }
                if (lastSeq >= 0 && firstSeq != lastSeq + 1 && firstSeq - 1 > appliedPos) {
                    throw new JournalCorruptException("journal records " + (lastSeq + 1) + ".." + (firstSeq - 1)
                            + " are missing before " + f.getFileName());
                }
                if (lastSeq < 0 && firstSeq > appliedPos + 1) {
                    log.warn("ingest journal: records {}..{} are gone; taking them as applied", appliedPos + 1,
                            firstSeq - 1);
                }
                SegmentFile.Reader r = new SegmentFile.Reader(ch, f, SegmentFile.HEADER_BYTES, firstSeq);
                long size = ch.size();
                int count = 0;
                SegmentFile.Record rec;
                while ((rec = r.next(size)) != null) {
                    count++;
                    if (rec.seq() > appliedPos) {
                        unappliedRecords++;
                        unappliedBytes += rec.bytes();
                    }
                }
                if (r.stop() == SegmentFile.Stop.TORN) {
                    if (!lastFile) {
                        throw new JournalCorruptException("damaged record in sealed segment: " + r.stopDetail());
                    }
                    long cut = size - r.position();
                    log.warn("ingest journal: truncating a torn tail of {} bytes ({})", cut, r.stopDetail());
                    ch.truncate(r.position());
                    ch.force(true);
                    truncatedBytes.increment(cut);
                }
                if (count == 0) {
                    ch.close();
                    Files.delete(f);
                    continue;
                }
                lastSeq = r.expectedSeq() - 1;
                segments.put(firstSeq, new Segment(firstSeq, f));
            }
        }
        Files.deleteIfExists(dir.resolve(SPARE_FILE));
        forceDirectory();
        this.appliedSeq = appliedPos;
        this.checkpointedSeq = appliedPos;
        this.nextSeq = Math.max(lastSeq, appliedPos) + 1;
        backlogRecords.set(unappliedRecords);
        backlogBytes.set(unappliedBytes);
        recovered.increment(unappliedRecords);
        if (unappliedRecords > 0) {
            log.info("ingest journal: {} records ({} bytes) after the applied position {} will be applied first",
                    unappliedRecords, unappliedBytes, appliedPos);
        }
        if (config.preallocate()) {
            spare = preallocate();
        }
        openSegment(nextSeq);
        committed = new Mark(outSegment.firstSeq, outSize, nextSeq - 1);
    }

    private void forceDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | RuntimeException e) {
            // Not every platform can force a directory (Windows); the file contents are forced regardless.
        }
    }

    // ---------------------------------------------------------------- state, waiting, closing

    /** The last seq made durable by the journal thread. */
    public long committedSeq() {
        return committed.seq;
    }

    /** The last seq written to the store. */
    public long appliedSeq() {
        return appliedSeq;
    }

    /** Accepted records not yet applied to the store. */
    public long lagRecords() {
        return backlogRecords.get();
    }

    /**
     * Waits until everything accepted so far is applied to the store (the visibility lag has passed).
     *
     * @return true when caught up, false on timeout
     */
    public boolean awaitApplied(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (backlogRecords.get() > 0 || appliedSeq < committedSeq()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                progress.wait(Math.max(1, Math.min(50, TimeUnit.NANOSECONDS.toMillis(left))));
            }
        }
        return true;
    }

    private void signal() {
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    /**
     * Stops taking packets, journals what is queued, applies what it can within {@link JournalConfig#drainTimeout()}
     * (the rest stays in the journal for the next start), writes the applied position, then closes the downstream
     * writer.
     */
    @Override
    public void close() {
        if (!accepting && !writer.isAlive() && !applier.isAlive()
                && (preallocator == null || !preallocator.isAlive())) {
            return;
        }
        accepting = false;
        join(writer, 30_000);
        drainDeadlineNanos = System.nanoTime() + config.drainTimeout().toNanos();
        applierStopping = true;
        signal();
        join(applier, config.drainTimeout().toMillis() + 5_000);
        downstream.close();
        join(applier, 5_000);
        if (preallocator != null) {
            preallocatorStopping = true;
            synchronized (spareMonitor) {
                spareMonitor.notifyAll();
            }
            join(preallocator, 5_000);
        }
        closeQuietly(out);
        try {
            lock.release();
        } catch (IOException | RuntimeException e) {
            // closing the channel releases it too
        }
        closeQuietly(lockChannel);
    }

    private static void join(Thread t, long millis) {
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                // nothing left to do
            }
        }
    }
}
