package org.envmon.ingest.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.NavigableMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Startup: scans the segments in order. In the last segment the first invalid record (short, bad length, CRC
 * mismatch, unexpected seq) and everything after it is a torn tail and is truncated away (never acknowledged: a
 * group is acknowledged only after its force). An invalid record in an earlier, sealed segment, a seq gap among
 * records the store writer has not applied, or a foreign file stops startup with {@link JournalCorruptException}.
 */
final class JournalRecovery {
    private static final Logger log = LoggerFactory.getLogger(JournalRecovery.class);

    /**
     * What recovery found.
     *
     * @param appliedSeq       the store writer's checkpointed position (0 without one: everything is re-applied)
     * @param lastSeq          the last valid record (-1 when the journal is empty)
     * @param unappliedRecords records after {@code appliedSeq}, to be applied first
     * @param unappliedBytes   their size with framing
     * @param truncatedBytes   the torn tail cut off
     */
    record Result(long appliedSeq, long lastSeq, long unappliedRecords, long unappliedBytes, long truncatedBytes) {
        long nextSeq() {
            return Math.max(lastSeq, appliedSeq) + 1;
        }
    }

    private JournalRecovery() {
    }

    /** Recovers {@code dir}, putting the segments kept into {@code segments} (first seq to file). */
    static Result recover(JournalDirectory dir, NavigableMap<Long, Path> segments) throws IOException {
        long appliedPos = Math.max(0, dir.readCheckpoint(org.envmon.ingest.log.IngestLog.STORE));
        List<Path> files;
        try (Stream<Path> list = Files.list(dir.path())) {
            files = list.filter(f -> SegmentFile.firstSeqOf(f) >= 0)
                    .sorted((x, y) -> Long.compare(SegmentFile.firstSeqOf(x), SegmentFile.firstSeqOf(y))).toList();
        }
        long lastSeq = -1;
        long unappliedRecords = 0;
        long unappliedBytes = 0;
        long truncated = 0;
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
                    truncated += cut;
                }
                if (count == 0) {
                    ch.close();
                    Files.delete(f);
                    continue;
                }
                lastSeq = r.expectedSeq() - 1;
                segments.put(firstSeq, f);
            }
        }
        SegmentPreallocator.discardSpare(dir.path());
        dir.forceDirectory();
        if (unappliedRecords > 0) {
            log.info("ingest journal: {} records ({} bytes) after the applied position {} will be applied first",
                    unappliedRecords, unappliedBytes, appliedPos);
        }
        return new Result(appliedPos, lastSeq, unappliedRecords, unappliedBytes, truncated);
    }
}
