package org.envmon.ingest.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one zero-filled spare segment ({@code spare.tmp}) ready in the background, written full of zeros and
 * forced. A rotation writes the header into it and renames it into place ({@link #take}). Appends into
 * preallocated space change no file-system metadata, so a group's {@code force} flushes only its own data and does
 * not wait for a journal commit of the file system (on ext4 that would also flush the database's pending writes:
 * measured stalls of 0.2-0.9 s during DuckDB checkpoints without it).
 */
final class SegmentPreallocator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SegmentPreallocator.class);
    static final String SPARE_FILE = "spare.tmp";

    private final JournalDirectory dir;
    private final long segmentBytes;
    private final Object monitor = new Object();
    private final Thread thread;
    private volatile Path spare;
    private volatile boolean stopping;

    /** Writes the first spare now (recovery waits for it), then keeps one ready. */
    SegmentPreallocator(JournalDirectory dir, long segmentBytes) throws IOException {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.spare = preallocate();
        this.thread = new Thread(this::run, "envmon-journal-prealloc");
        thread.setDaemon(true);
        thread.start();
    }

    /** Removes a spare left by an earlier run (its contents are unknown). */
    static void discardSpare(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(SPARE_FILE));
    }

    /** @return the ready spare, or null; the caller must rename it away, then call {@link #taken()} */
    Path take() {
        return spare;
    }

    /** The spare was renamed into place: only now may the next one be written under the same temporary name. */
    void taken() {
        spare = null;
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    private void run() {
        while (!stopping) {
            if (spare == null) {
                try {
                    spare = preallocate();
                } catch (IOException | RuntimeException e) {
                    log.warn("ingest journal: cannot preallocate a segment ({}); the next one starts empty",
                            e.toString());
                }
            }
            synchronized (monitor) {
                if (!stopping) {
                    try {
                        monitor.wait(1_000); // woken when the spare is taken; after a failure, try again later
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    /** Writes {@code spare.tmp}: segmentBytes of zeros, forced, so that later writes into it change no metadata. */
    private Path preallocate() throws IOException {
        Path tmp = dir.path().resolve(SPARE_FILE);
        ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            long pos = 0;
            while (pos < segmentBytes && !stopping) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), segmentBytes - pos));
                while (zeros.hasRemaining()) {
                    pos += ch.write(zeros, pos);
                }
            }
            if (stopping) {
                return null;
            }
            ch.force(true);
        }
        dir.forceDirectory();
        return tmp;
    }

    @Override
    public void close() {
        stopping = true;
        synchronized (monitor) {
            monitor.notifyAll();
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
