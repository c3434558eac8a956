package org.envmon.ingest.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * The on-disk layout of a journal segment ({@code segment-<first seq, 20 digits>.log}).
 *
 * <pre>
 * header (32 bytes): i32 magic "EMJL" | u16 format version (1) | u16 header length (32) | i64 first seq
 *                    | 16 bytes journal id (UUID, most significant half first)
 * record:            i32 payload length | i32 CRC32C | i64 seq | payload
 *                    CRC32C covers the length field, the seq field and the payload
 * </pre>
 *
 * All integers big-endian. Records follow each other without padding; seqs within and across segments are
 * consecutive. A record is valid when its length is within bounds, the whole record lies before the end of the
 * file, its CRC matches and its seq is the one expected; the first invalid record ends the readable part. A
 * preallocated segment is zeros after its last record: an all-zero record header marks the end of the data.
 */
final class SegmentFile {
    static final int MAGIC = 0x454D4A4C; // "EMJL"
    static final short FORMAT_VERSION = 1;
    static final int HEADER_BYTES = 32;
    static final int RECORD_HEADER_BYTES = 16;
    static final int MAX_PAYLOAD_BYTES = 64 << 20;

    private SegmentFile() {
    }

    static String name(long firstSeq) {
        return String.format("segment-%020d.log", firstSeq);
    }

    /** @return the first seq encoded in the name, or -1 when the name is not a segment's */
    static long firstSeqOf(Path file) {
        String n = file.getFileName().toString();
        if (!n.startsWith("segment-") || !n.endsWith(".log") || n.length() != "segment-".length() + 20 + 4) {
            return -1;
        }
        try {
            return Long.parseLong(n.substring(8, 28));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static ByteBuffer header(long firstSeq, UUID journalId) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES);
        b.putInt(MAGIC).putShort(FORMAT_VERSION).putShort((short) HEADER_BYTES).putLong(firstSeq)
                .putLong(journalId.getMostSignificantBits()).putLong(journalId.getLeastSignificantBits());
        return b.flip();
    }

    /** A segment's header as read. */
    record Header(long firstSeq, UUID journalId) {
    }

    /**
     * @return the header, or null when the file is too short to hold one or its header is all zeros (a segment torn
     *         while being created)
     */
    static Header readHeader(FileChannel ch, Path file) throws IOException {
        if (ch.size() < HEADER_BYTES) {
            return null;
        }
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES);
        readFully(ch, b, 0);
        b.flip();
        if (allZero(b.array(), HEADER_BYTES)) {
            return null;
        }
        int magic = b.getInt();
        short version = b.getShort();
        short headerLength = b.getShort();
        if (magic != MAGIC) {
            throw new JournalCorruptException(file + " is not an EnvMon journal segment (bad magic)");
        }
        if (version != FORMAT_VERSION || headerLength != HEADER_BYTES) {
            throw new JournalCorruptException(file + " has journal format version " + version
                    + ", this version reads " + FORMAT_VERSION);
        }
        long firstSeq = b.getLong();
        return new Header(firstSeq, new UUID(b.getLong(), b.getLong()));
    }

    /** Appends one framed record to {@code out} (which must have room: 16 + payload bytes). */
    static void frame(ByteBuffer out, long seq, byte[] payload) {
        CRC32C crc = new CRC32C();
        ByteBuffer lenSeq = ByteBuffer.allocate(12).putInt(payload.length).putLong(seq).flip();
        crc.update(lenSeq.array(), 0, 12);
        crc.update(payload, 0, payload.length);
        out.putInt(payload.length).putInt((int) crc.getValue()).putLong(seq).put(payload);
    }

    private static boolean allZero(byte[] b, int n) {
        for (int i = 0; i < n; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    static void readFully(FileChannel ch, ByteBuffer b, long position) throws IOException {
        long pos = position;
        while (b.hasRemaining()) {
            int n = ch.read(b, pos);
            if (n < 0) {
                throw new IOException("unexpected end of file at " + pos);
            }
            pos += n;
        }
    }

    /** One record as read: its seq, payload, and the file offsets it spans. */
    record Record(long seq, byte[] payload, long offset, long end) {
        int bytes() {
            return (int) (end - offset);
        }
    }

    /** Why reading stopped: the end of the data (end of file or zero padding of a preallocated segment), or not. */
    enum Stop { CLEAN_END, TORN }

    /**
     * Reads records sequentially from {@code offset} up to {@code limit} (exclusive). Not thread-safe.
     */
    static final class Reader {
        private final FileChannel ch;
        private final Path file;
        private long position;
        private long expectedSeq;
        private Stop stop;
        private String stopDetail;
        private final ByteBuffer head = ByteBuffer.allocate(RECORD_HEADER_BYTES);

        Reader(FileChannel ch, Path file, long offset, long expectedSeq) {
            this.ch = ch;
            this.file = file;
            this.position = offset;
            this.expectedSeq = expectedSeq;
        }

        long position() {
            return position;
        }

        long expectedSeq() {
            return expectedSeq;
        }

        /** Why the last {@link #next} returned null: clean end or an invalid (torn or corrupt) record. */
        Stop stop() {
            return stop;
        }

        String stopDetail() {
            return stopDetail;
        }

        /** @return the next valid record before {@code limit}, or null (see {@link #stop()}) */
        Record next(long limit) throws IOException {
            if (position == limit) {
                return end(Stop.CLEAN_END, null);
            }
            if (position + RECORD_HEADER_BYTES > limit) {
                ByteBuffer rest = ByteBuffer.allocate((int) (limit - position));
                readFully(ch, rest, position);
                return allZero(rest.array(), rest.capacity()) ? end(Stop.CLEAN_END, null)
                        : end(Stop.TORN, "record header cut short at offset " + position);
            }
            head.clear();
            readFully(ch, head, position);
            head.flip();
            int length = head.getInt();
            int crc = head.getInt();
            long seq = head.getLong();
            if (length == 0 && crc == 0 && seq == 0) {
                return end(Stop.CLEAN_END, null); // zero padding: never-written space of a preallocated segment
            }
            if (length <= 0 || length > MAX_PAYLOAD_BYTES) {
                return end(Stop.TORN, "bad record length " + length + " at offset " + position);
            }
            if (position + RECORD_HEADER_BYTES + length > limit) {
                return end(Stop.TORN, "record of " + length + " bytes at offset " + position + " is cut short");
            }
            byte[] payload = new byte[length];
            readFully(ch, ByteBuffer.wrap(payload), position + RECORD_HEADER_BYTES);
            CRC32C c = new CRC32C();
            c.update(head.array(), 0, 4);
            c.update(head.array(), 8, 8);
            c.update(payload, 0, length);
            if ((int) c.getValue() != crc) {
                return end(Stop.TORN, "CRC32C mismatch in record at offset " + position);
            }
            if (expectedSeq > 0 && seq != expectedSeq) {
                return end(Stop.TORN, "seq " + seq + " where " + expectedSeq + " was expected, offset " + position);
            }
            long offset = position;
            position += RECORD_HEADER_BYTES + length;
            expectedSeq = seq + 1;
            return new Record(seq, payload, offset, position);
        }

        private Record end(Stop s, String detail) {
            stop = s;
            stopDetail = detail == null ? null : file.getFileName() + ": " + detail;
            return null;
        }
    }
}
