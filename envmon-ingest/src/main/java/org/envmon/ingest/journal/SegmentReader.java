package org.envmon.ingest.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.UUID;
import org.envmon.ingest.log.IngestMessage;
import org.envmon.ingest.log.LogRecord;

/**
 * One consumer's sequential reader over the journal's segments: reads durable records in seq order, across sealed
 * segments into the one being written (up to what is forced). Records before the first kept segment are gone (all
 * consumers had checkpointed past them, or the consumer was absent while they were deleted) and are skipped. Not
 * thread-safe.
 */
final class SegmentReader implements AutoCloseable {

    /** Told the size (framing included) of each record read. */
    @FunctionalInterface
    interface Sizes {
        void read(long seq, int bytes);
    }

    private final NavigableMap<Long, Path> segments;
    private long segmentFirstSeq = -1;
    private FileChannel channel;
    private UUID journalId;
    private SegmentFile.Reader reader;

    SegmentReader(NavigableMap<Long, Path> segments) {
        this.segments = segments;
    }

    /**
     * Reads records with seq in {@code [from, to]}, at most {@code max}, into {@code out}; {@code to} must be durable
     * ({@code mark}).
     *
     * @return the last seq looked at ({@code from - 1} when none)
     * @throws JournalCorruptException when a durable record cannot be read back
     */
    long read(long from, long to, int max, JournalAppender.Mark mark, List<LogRecord> out, Sizes sizes)
            throws IOException {
        long last = from - 1;
        while (out.size() < max && last < to) {
            if (reader == null && !open(last + 1)) {
                break;
            }
            long limit;
            if (segmentFirstSeq == mark.segmentFirstSeq()) {
                limit = mark.endOffset();
            } else if (segmentFirstSeq < mark.segmentFirstSeq()) {
                limit = channel.size(); // sealed
            } else {
                break;
            }
            SegmentFile.Record r = reader.next(limit);
            if (r == null) {
                if (reader.stop() == SegmentFile.Stop.TORN) {
                    throw new JournalCorruptException("committed journal record unreadable: " + reader.stopDetail());
                }
                if (segmentFirstSeq < mark.segmentFirstSeq()) {
                    Map.Entry<Long, Path> next = segments.higherEntry(segmentFirstSeq);
                    long expected = reader.expectedSeq();
                    close();
                    if (next == null) {
                        break;
                    }
                    if (next.getKey() != expected && next.getKey() - 1 > last) {
                        throw new JournalCorruptException("journal records " + expected + ".." + (next.getKey() - 1)
                                + " are unreadable before " + next.getValue().getFileName());
                    }
                    openSegment(next.getKey(), next.getValue());
                    continue;
                }
                break;
            }
            if (r.seq() <= last) {
                continue;
            }
            if (r.seq() > to) {
                // Not yet ours to read (a following consumer's bound): read it again next time.
                reader = new SegmentFile.Reader(channel, segments.get(segmentFirstSeq), r.offset(), r.seq());
                break;
            }
            last = r.seq();
            IngestMessage m = RecordCodec.decode(ByteBuffer.wrap(r.payload()), "journal:" + journalId + ":" + r.seq());
            out.add(new LogRecord(r.seq(), m));
            sizes.read(r.seq(), r.bytes());
        }
        return last;
    }

    private boolean open(long seq) throws IOException {
        Map.Entry<Long, Path> e = segments.floorEntry(seq);
        if (e == null) {
            e = segments.firstEntry();
        }
        if (e == null) {
            return false;
        }
        openSegment(e.getKey(), e.getValue());
        return true;
    }

    private void openSegment(long firstSeq, Path path) throws IOException {
        channel = FileChannel.open(path, StandardOpenOption.READ);
        SegmentFile.Header h = SegmentFile.readHeader(channel, path);
        if (h == null) {
            close();
            throw new JournalCorruptException(path + " has no header");
        }
        segmentFirstSeq = firstSeq;
        journalId = h.journalId();
        reader = new SegmentFile.Reader(channel, path, SegmentFile.HEADER_BYTES, h.firstSeq());
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to do
            }
        }
        channel = null;
        reader = null;
        segmentFirstSeq = -1;
    }
}
