package org.envmon.ingest.journal;

import org.envmon.ingest.FakeStore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.envmon.ingest.IngestMessages;
import org.envmon.ingest.IngestRejectedException;
import org.envmon.store.DuckDbTestDatabase;
import org.envmon.model.Interval;
import org.envmon.model.ObservationRow;
import org.envmon.model.PacketWrite;
import org.envmon.model.QcFlag;
import org.envmon.model.RawPacket;
import org.envmon.model.Statistic;
import org.envmon.model.Store;
import org.envmon.store.Stores;
import org.envmon.model.WriteOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Startup after a stop or a crash: what is re-applied, torn tails, damage that stops startup. */
class JournalRecoveryTest extends JournalFixture {
    @Test
    void recoveryReappliesExactlyTheUnappliedRecords() throws Exception {
        FakeStore store = new FakeStore();
        JournalingSink sink = open(store, config());
        all(submit(sink, 0, 100, true));
        assertThat(sink.awaitApplied(Duration.ofSeconds(10))).isTrue();
        store.failNext.set(Integer.MAX_VALUE); // the store goes down: answers keep flowing
        all(submit(sink, 100, 150, true));
        sink.close(); // gives up applying after the drain timeout; the 50 stay in the journal
        assertThat(store.size()).isEqualTo(100);

        FakeStore fresh = new FakeStore(); // a store that would take duplicates of the first 100 too
        JournalingSink again = open(fresh, config());
        assertThat(registry.get("envmon.ingest.journal.recovery.records").counter().count()).isEqualTo(50);
        assertThat(again.awaitApplied(Duration.ofSeconds(10))).isTrue();
        assertThat(fresh.storedQns()).isEqualTo(qns(100, 150));
        all(submit(again, 150, 160, true)); // and new packets after them, in order
        assertThat(again.awaitApplied(Duration.ofSeconds(10))).isTrue();
        assertThat(fresh.storedQns()).hasSize(60).last().isEqualTo("Q000159");
    }

    @Test
    void tornTailIsTruncatedAndTheRestApplied() throws Exception {
        FakeStore down = new FakeStore();
        down.failNext.set(Integer.MAX_VALUE);
        JournalingSink sink = open(down, config());
        all(submit(sink, 0, 20, true));
        sink.close();
        Path seg = segments().get(0);
        long goodSize = Files.size(seg);
        // A crash in the middle of the next group: a whole record and a part of another.
        byte[] next = RecordCodec.encode(IngestMessages.of(packet(20, true)));
        ByteBuffer b = ByteBuffer.allocate(2 * (16 + next.length));
        SegmentFile.frame(b, 21, next);
        SegmentFile.frame(b, 22, next);
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(b.array(), 0, 16 + next.length + 30));
        }
        FakeStore store = new FakeStore();
        JournalingSink again = open(store, config());
        assertThat(registry.get("envmon.ingest.journal.recovery.truncated.bytes").counter().count())
                .isEqualTo(30);
        assertThat(again.awaitApplied(Duration.ofSeconds(10))).isTrue();
        // Record 21 was whole (written, never acknowledged) and is kept; the part of 22 is gone.
        assertThat(store.storedQns()).hasSize(21);
        assertThat(Files.size(seg)).isGreaterThan(goodSize);
        all(submit(again, 21, 25, true));
        assertThat(again.awaitApplied(Duration.ofSeconds(10))).isTrue();
        assertThat(store.storedQns()).hasSize(25).doesNotHaveDuplicates();
    }

    @Test
    void crcMismatchEndsTheLastSegmentAndStopsStartupInASealedOne() throws Exception {
        FakeStore down = new FakeStore();
        down.failNext.set(Integer.MAX_VALUE);
        JournalingSink sink = open(down, config().withSegmentBytes(4096, false));
        for (int i = 0; i < 40; i += 5) {
            all(submit(sink, i, i + 5, true)); // several segments of ~4 KiB
        }
        sink.close();
        List<Path> segs = segments();
        assertThat(segs.size()).isGreaterThan(2);
        // Flip one payload byte in the last record of the last segment: detected, that record cut off.
        Path last = segs.get(segs.size() - 1);
        flipByte(last, Files.size(last) - 5);
        FakeStore store = new FakeStore();
        JournalingSink again = open(store, config());
        assertThat(again.awaitApplied(Duration.ofSeconds(10))).isTrue();
        assertThat(store.storedQns()).hasSize(39).last().isEqualTo("Q000038");
        again.close();

        // The same damage in a sealed segment is not a torn tail: startup refuses to drop it silently.
        Path other = dir.resolve("other");
        JournalingSink third = open(down, config().withSegmentBytes(4096, false));
        third.close();
        Files.createDirectories(other);
        JournalingSink fourth = new JournalingSink(new JournalConfig(other, 4096, false, 1L << 30, 1_000_000, 1000, 100,
                100, Duration.ofMillis(100), Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(1)),
                down, registry);
        for (int i = 0; i < 40; i += 5) {
            all(submit(fourth, i, i + 5, true));
        }
        fourth.close();
        List<Path> otherSegs;
        try (Stream<Path> s = Files.list(other)) {
            otherSegs = s.filter(p -> SegmentFile.firstSeqOf(p) >= 0).sorted().toList();
        }
        flipByte(otherSegs.get(0), SegmentFile.HEADER_BYTES + 40);
        assertThatThrownBy(() -> new JournalingSink(JournalConfig.defaults(other), new FakeStore(), registry))
                .isInstanceOf(JournalCorruptException.class).hasMessageContaining("CRC32C mismatch");
    }

    @Test
    void packetsWithoutDedupKeyAreNeverStoredTwiceAfterACrashBeforeTheCheckpoint() throws Exception {
        try (DuckDbTestDatabase db = DuckDbTestDatabase.create(); Store store = Stores.open(db.storeConfig())) {
            registry = new SimpleMeterRegistry();
            JournalingSink sink = new JournalingSink(config(), store.observations(), registry);
            List<CompletableFuture<WriteOutcome>> fs = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                fs.add(sink.submit(packet(i, i % 2 == 0)));
            }
            all(fs);
            assertThat(sink.awaitApplied(Duration.ofSeconds(10))).isTrue();
            sink.close();
            assertThat(store.observations().packetCount()).isEqualTo(30);
            // As if the process died after the store commit but before the applied position was written.
            Files.delete(dir.resolve("journal").resolve(JournalDirectory.CHECKPOINT_FILE));

            registry = new SimpleMeterRegistry();
            JournalingSink again = new JournalingSink(config(), store.observations(), registry);
            try {
                assertThat(registry.get("envmon.ingest.journal.recovery.records").counter().count()).isEqualTo(30);
                assertThat(again.awaitApplied(Duration.ofSeconds(10))).isTrue();
                assertThat(store.observations().packetCount()).isEqualTo(30);
                assertThat(registry.get("envmon.ingest.packets").tag("outcome", "duplicate").counter().count())
                        .isEqualTo(30);
            } finally {
                again.close();
            }
            assertThat(store.observations().packet(2).orElseThrow().packet().dedupKey()).startsWith("journal:");
        }
    }

    @Test
    void preallocatedSegmentsRollRecoverAndDetectTornTails() throws Exception {
        FakeStore down = new FakeStore();
        down.failNext.set(Integer.MAX_VALUE);
        JournalConfig prealloc = config().withSegmentBytes(16_384, true);
        JournalingSink sink = open(down, prealloc);
        for (int i = 0; i < 150; i += 10) {
            all(submit(sink, i, i + 10, i % 20 == 0));
        }
        sink.close();
        List<Path> segs = segments();
        assertThat(segs.size()).isGreaterThan(2);
        // Preallocated segments keep their size (appends never grow the file); a roll that comes before the
        // background preallocator has the next spare ready starts a plain file instead, which stays below the size.
        long full = 0;
        for (Path p : segs) {
            assertThat(Files.size(p)).isLessThanOrEqualTo(16_384);
            full += Files.size(p) == 16_384 ? 1 : 0;
        }
        assertThat(full).isPositive();
        // A torn record in the zero padding after the last record of the last segment.
        Path last = segs.get(segs.size() - 1);
        long end;
        try (FileChannel ch = FileChannel.open(last, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            SegmentFile.Reader r = new SegmentFile.Reader(ch, last, SegmentFile.HEADER_BYTES,
                    SegmentFile.firstSeqOf(last));
            while (r.next(ch.size()) != null) {
                // to the end of the data
            }
            assertThat(r.stop()).isEqualTo(SegmentFile.Stop.CLEAN_END);
            end = r.position();
            byte[] next = RecordCodec.encode(IngestMessages.of(packet(999, true)));
            ByteBuffer b = ByteBuffer.allocate(16 + next.length);
            SegmentFile.frame(b, r.expectedSeq(), next);
            ch.write(ByteBuffer.wrap(b.array(), 0, 40), end);
        }
        FakeStore store = new FakeStore();
        JournalingSink again = open(store, prealloc);
        assertThat(registry.get("envmon.ingest.journal.recovery.truncated.bytes").counter().count()).isPositive();
        assertThat(again.awaitApplied(Duration.ofSeconds(10))).isTrue();
        assertThat(store.storedQns()).isEqualTo(qns(0, 150));
        all(submit(again, 150, 200, true));
        assertThat(again.awaitApplied(Duration.ofSeconds(10))).isTrue();
        assertThat(store.storedQns()).hasSize(200).doesNotHaveDuplicates();
    }
}
