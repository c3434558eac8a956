package org.envmon.ingest.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal directory's small files: the exclusive lock ({@code journal.lock}, so that two processes never share
 * a journal), the journal id ({@code journal.id}, also in every segment header) and the consumers' checkpoints
 * ({@code applied.ckpt} for the store writer, {@code consumer-<name>.ckpt} for the others). A checkpoint is written
 * to a temporary file, forced, atomically renamed, then the directory is forced:
 *
 * <pre>
 * i32 magic "EMJA" | u16 version (1) | u16 length (24) | i64 position | i32 CRC32C of the first 16 bytes | i32 0
 * </pre>
 */
final class JournalDirectory implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JournalDirectory.class);

    static final String CHECKPOINT_FILE = "applied.ckpt";
    static final String ID_FILE = "journal.id";
    static final String LOCK_FILE = "journal.lock";
    private static final int CHECKPOINT_MAGIC = 0x454D4A41; // "EMJA"
    private static final int CHECKPOINT_BYTES = 24;

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;

    /** Creates the directory if needed and takes its lock. */
    JournalDirectory(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        FileChannel lc = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = lc.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        } catch (IOException e) {
            lc.close();
            throw e;
        }
        if (l == null) {
            lc.close();
            throw new IOException("journal " + dir + " is in use by another process");
        }
        this.lockChannel = lc;
        this.lock = l;
    }

    Path path() {
        return dir;
    }

    /** The checkpoint file of consumer {@code name}: the store writer's keeps the name of earlier versions. */
    static String checkpointFile(String name) {
        return org.envmon.ingest.log.IngestLog.STORE.equals(name) ? CHECKPOINT_FILE
                : "consumer-" + name.replaceAll("[^A-Za-z0-9_-]", "_") + ".ckpt";
    }

    UUID loadOrCreateId() throws IOException {
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

    void writeCheckpoint(String consumer, long position) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(CHECKPOINT_BYTES);
        b.putInt(CHECKPOINT_MAGIC).putShort((short) 1).putShort((short) CHECKPOINT_BYTES).putLong(position);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, 16);
        b.putInt((int) crc.getValue()).putInt(0).flip();
        String file = checkpointFile(consumer);
        Path tmp = dir.resolve(file + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        Files.move(tmp, dir.resolve(file), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
    }

    /** @return the consumer's checkpointed position, or -1 when there is none or it is unreadable */
    long readCheckpoint(String consumer) throws IOException {
        Path p = dir.resolve(checkpointFile(consumer));
        if (!Files.exists(p)) {
            return -1;
        }
        byte[] bytes = Files.readAllBytes(p);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, Math.min(16, bytes.length));
        if (bytes.length != CHECKPOINT_BYTES || b.getInt() != CHECKPOINT_MAGIC || b.getShort() != 1
                || b.getShort() != CHECKPOINT_BYTES || b.getInt(16) != (int) crc.getValue()) {
            // Harmless: a consumer re-reading is at-least-once delivery, which every consumer deduplicates.
            log.warn("ingest journal: {} is unreadable; consumer {} re-reads every record in the journal", p,
                    consumer);
            return -1;
        }
        return b.getLong(8);
    }

    void forceDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | RuntimeException e) {
            // Not every platform can force a directory (Windows); the file contents are forced regardless.
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException | RuntimeException e) {
            // closing the channel releases it too
        }
        try {
            lockChannel.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
