package org.envmon.ingest.journal;

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
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.envmon.ingest.GroupCommitWriter;
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

class JournalingSinkTest {
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    @TempDir
    Path dir;
    final List<AutoCloseable> open = new ArrayList<>();
    SimpleMeterRegistry registry;

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    static PacketWrite packet(int i, boolean keyed) {
        String qn = String.format("Q%06d", i);
        byte[] raw = ("##0101QN=" + qn + ";ST=22;CN=2011;MN=M1;CP=&&a34004-Rtd=" + i + "&&\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        return new PacketWrite(new RawPacket(raw, "127.0.0.1:1", T0.plusSeconds(i), "hj212", "M1", "2011", qn,
                keyed ? "M1|2011|" + qn : null, true), List.of(
                new ObservationRow("S1", "a34004", Interval.REALTIME, Statistic.VALUE, T0.plusSeconds(i), i, "N"),
                new ObservationRow("S1", "a21026", Interval.REALTIME, Statistic.VALUE, T0.plusSeconds(i), i * 0.5,
                        null, false, "RANGE")));
    }

    JournalConfig config() {
        return JournalConfig.defaults(dir.resolve("journal")).withSegmentBytes(64L << 20, false).withRetry(Duration.ofMillis(10), Duration.ofMillis(50))
                .withDrainTimeout(Duration.ofMillis(500));
    }

    /** A journal in front of a GroupCommitWriter over {@code store}; closed after the test unless closed before. */
    JournalingSink open(FakeStore store, JournalConfig config) {
        registry = new SimpleMeterRegistry();
        GroupCommitWriter writer = new GroupCommitWriter(store, 10_000, 1_000, registry);
        JournalingSink sink = new JournalingSink(config, writer, registry);
        open.add(sink);
        return sink;
    }

    static void all(List<CompletableFuture<WriteOutcome>> futures) throws Exception {
        for (CompletableFuture<WriteOutcome> f : futures) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(JournalingSink.JOURNALED);
        }
    }

    List<CompletableFuture<WriteOutcome>> submit(JournalingSink sink, int from, int to, boolean keyed) {
        List<CompletableFuture<WriteOutcome>> fs = new ArrayList<>();
        for (int i = from; i < to; i++) {
            fs.add(sink.submit(packet(i, keyed)));
        }
        return fs;
    }

    List<Path> segments() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("journal"))) {
            return s.filter(p -> SegmentFile.firstSeqOf(p) >= 0).sorted().toList();
        }
    }

    @Test
    void answersAfterTheForceWhileTheStoreIsStalled() throws Exception {
        FakeStore store = new FakeStore();
        store.gate = new CountDownLatch(1); // every store commit hangs
        JournalingSink sink = open(store, config());
        List<CompletableFuture<WriteOutcome>> fs = submit(sink, 0, 200, true);
        all(fs); // durable in the journal although the store has committed nothing
        assertThat(store.size()).isZero();
        assertThat(registry.get("envmon.ingest.journal.appends").counter().count()).isEqualTo(200);
        assertThat(registry.get("envmon.ingest.journal.fsyncs").counter().count()).isBetween(1.0, 200.0);
        assertThat(registry.get("envmon.ingest.journal.fsync").timer().count()).isPositive();
        // The acknowledged records are on disk, whole and checksummed, when the futures complete.
        Path seg = segments().get(0);
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.READ)) {
            SegmentFile.Reader r = new SegmentFile.Reader(ch, seg, SegmentFile.HEADER_BYTES, 1);
            int n = 0;
            while (r.next(ch.size()) != null) {
                n++;
            }
            assertThat(n).isEqualTo(200);
            assertThat(r.stop()).isEqualTo(SegmentFile.Stop.CLEAN_END);
        }
        assertThat(registry.get("envmon.ingest.journal.lag.records").gauge().value()).isEqualTo(200);
        store.gate.countDown();
        assertThat(sink.awaitApplied(Duration.ofSeconds(10))).isTrue();
        assertThat(store.storedQns()).isEqualTo(IntStream.range(0, 200).mapToObj(i -> String.format("Q%06d", i))
                .toList());
        assertThat(registry.get("envmon.ingest.journal.lag.records").gauge().value()).isZero();
    }

    @Test
    void appliesInOrderAndListenersHearAfterTheStoreCommit() throws Exception {
        FakeStore store = new FakeStore();
        registry = new SimpleMeterRegistry();
        GroupCommitWriter writer = new GroupCommitWriter(store, 10_000, 1_000, registry);
        List<Integer> heardAfterCommit = new CopyOnWriteArrayList<>();
        writer.addListener(batch -> heardAfterCommit.add(store.size() >= batch.size() ? batch.size() : -1));
        JournalingSink sink = new JournalingSink(config(), writer, registry);
        open.add(sink);
        all(submit(sink, 0, 500, true));
        all(submit(sink, 0, 10, true)); // redeliveries: journaled, stored once
        assertThat(sink.awaitApplied(Duration.ofSeconds(10))).isTrue();
        assertThat(store.size()).isEqualTo(500);
        assertThat(heardAfterCommit).doesNotContain(-1);
        assertThat(heardAfterCommit.stream().mapToInt(Integer::intValue).sum()).isEqualTo(500);
        assertThat(store.stored.get(0).observations()).isEqualTo(packet(0, true).observations());
        assertThat(store.stored.get(499).packet().bytes()).isEqualTo(packet(499, true).packet().bytes());
    }

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
        assertThat(fresh.storedQns()).isEqualTo(IntStream.range(100, 150).mapToObj(i -> String.format("Q%06d", i))
                .toList());
        all(submit(again, 150, 160, true)); // and new packets after them, in order
        assertThat(again.awaitApplied(Duration.ofSeconds(10))).isTrue();
        assertThat(fresh.storedQns()).hasSize(60).last().isEqualTo("Q000159");
    }

    @Test
    void storeFailuresAreRetriedWithoutLosingOrRepeatingRecords() throws Exception {
        FakeStore store = new FakeStore();
        store.failNext.set(3);
        JournalingSink sink = open(store, config());
        List<CompletableFuture<WriteOutcome>> fs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            fs.add(sink.submit(packet(i, i % 3 != 0))); // a third without a dedup key
            if (i % 50 == 0) {
                Thread.sleep(5);
            }
        }
        all(fs);
        assertThat(sink.awaitApplied(Duration.ofSeconds(20))).isTrue();
        assertThat(store.storedQns()).isEqualTo(IntStream.range(0, 300).mapToObj(i -> String.format("Q%06d", i))
                .toList());
        assertThat(registry.get("envmon.ingest.journal.apply.failures").counter().count()).isPositive();
    }

    @Test
    void boundedBacklogRejectsInsteadOfGrowing() throws Exception {
        FakeStore store = new FakeStore();
        store.gate = new CountDownLatch(1);
        JournalingSink sink = open(store, config().withMaxBacklog(1L << 30, 10));
        all(submit(sink, 0, 10, true));
        CompletableFuture<WriteOutcome> refused = sink.submit(packet(10, true));
        assertThatThrownBy(() -> refused.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IngestRejectedException.class);
        assertThat(registry.get("envmon.ingest.packets").tag("outcome", "journal_full").counter().count())
                .isEqualTo(1);
        store.gate.countDown();
        assertThat(sink.awaitApplied(Duration.ofSeconds(10))).isTrue();
        all(submit(sink, 10, 20, true)); // room again once applied
        int oneRecord = SegmentFile.RECORD_HEADER_BYTES + RecordCodec.encode(packet(0, true)).length;
        sink.close();

        FakeStore stalled = new FakeStore();
        stalled.gate = new CountDownLatch(1);
        JournalingSink bytes = open(stalled, config().withMaxBacklog(3L * oneRecord + 10, 1_000_000));
        all(submit(bytes, 100, 103, true));
        assertThatThrownBy(() -> bytes.submit(packet(103, true)).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IngestRejectedException.class);
        stalled.gate.countDown();
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
        byte[] next = RecordCodec.encode(packet(20, true));
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
                new GroupCommitWriter(down, 100, 100, registry), registry);
        for (int i = 0; i < 40; i += 5) {
            all(submit(fourth, i, i + 5, true));
        }
        fourth.close();
        List<Path> otherSegs;
        try (Stream<Path> s = Files.list(other)) {
            otherSegs = s.filter(p -> SegmentFile.firstSeqOf(p) >= 0).sorted().toList();
        }
        flipByte(otherSegs.get(0), SegmentFile.HEADER_BYTES + 40);
        assertThatThrownBy(() -> new JournalingSink(JournalConfig.defaults(other),
                new GroupCommitWriter(new FakeStore(), 100, 100, registry), registry))
                .isInstanceOf(JournalCorruptException.class).hasMessageContaining("CRC32C mismatch");
    }

    @Test
    void readerDetectsCrcMismatchAndShortRecords() throws Exception {
        Path f = dir.resolve(SegmentFile.name(1));
        byte[] payload = RecordCodec.encode(packet(1, true));
        ByteBuffer b = ByteBuffer.allocate(SegmentFile.HEADER_BYTES + 2 * (16 + payload.length));
        b.put(SegmentFile.header(1, java.util.UUID.randomUUID()));
        SegmentFile.frame(b, 1, payload);
        SegmentFile.frame(b, 2, payload);
        byte[] bytes = b.array();
        Files.write(f, bytes);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            SegmentFile.Reader r = new SegmentFile.Reader(ch, f, SegmentFile.HEADER_BYTES, 1);
            assertThat(r.next(ch.size()).seq()).isEqualTo(1);
            assertThat(r.next(ch.size()).seq()).isEqualTo(2);
            assertThat(r.next(ch.size())).isNull();
            assertThat(r.stop()).isEqualTo(SegmentFile.Stop.CLEAN_END);
        }
        bytes[SegmentFile.HEADER_BYTES + 16 + payload.length + 16 + 3] ^= 0x01;
        Files.write(f, bytes);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            SegmentFile.Reader r = new SegmentFile.Reader(ch, f, SegmentFile.HEADER_BYTES, 1);
            assertThat(r.next(ch.size())).isNotNull();
            assertThat(r.next(ch.size())).isNull();
            assertThat(r.stop()).isEqualTo(SegmentFile.Stop.TORN);
            assertThat(r.stopDetail()).contains("CRC32C mismatch");
            r = new SegmentFile.Reader(ch, f, SegmentFile.HEADER_BYTES, 1);
            assertThat(r.next(ch.size() - payload.length)).isNotNull();
            assertThat(r.next(ch.size() - payload.length)).isNull();
            assertThat(r.stopDetail()).contains("cut short");
        }
    }

    @Test
    void packetsWithoutDedupKeyAreNeverStoredTwiceAfterACrashBeforeTheCheckpoint() throws Exception {
        try (DuckDbTestDatabase db = DuckDbTestDatabase.create(); Store store = Stores.open(db.storeConfig())) {
            registry = new SimpleMeterRegistry();
            JournalingSink sink = new JournalingSink(config(),
                    new GroupCommitWriter(store.observations(), 1_000, 1_000, registry), registry);
            List<CompletableFuture<WriteOutcome>> fs = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                fs.add(sink.submit(packet(i, i % 2 == 0)));
            }
            all(fs);
            assertThat(sink.awaitApplied(Duration.ofSeconds(10))).isTrue();
            sink.close();
            assertThat(store.observations().packetCount()).isEqualTo(30);
            // As if the process died after the store commit but before the applied position was written.
            Files.delete(dir.resolve("journal").resolve(JournalingSink.CHECKPOINT_FILE));

            registry = new SimpleMeterRegistry();
            JournalingSink again = new JournalingSink(config(),
                    new GroupCommitWriter(store.observations(), 1_000, 1_000, registry), registry);
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
    void segmentsRollAndAppliedOnesAreDeleted() throws Exception {
        FakeStore store = new FakeStore();
        JournalingSink sink = open(store, config().withSegmentBytes(4096, false));
        for (int round = 0; round < 10; round++) {
            all(submit(sink, round * 10, round * 10 + 10, true));
        }
        assertThat(sink.awaitApplied(Duration.ofSeconds(10))).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (segments().size() > 1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(segments()).hasSize(1);
        assertThat(store.size()).isEqualTo(100);
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
            byte[] next = RecordCodec.encode(packet(999, true));
            ByteBuffer b = ByteBuffer.allocate(16 + next.length);
            SegmentFile.frame(b, r.expectedSeq(), next);
            ch.write(ByteBuffer.wrap(b.array(), 0, 40), end);
        }
        FakeStore store = new FakeStore();
        JournalingSink again = open(store, prealloc);
        assertThat(registry.get("envmon.ingest.journal.recovery.truncated.bytes").counter().count()).isPositive();
        assertThat(again.awaitApplied(Duration.ofSeconds(10))).isTrue();
        assertThat(store.storedQns()).isEqualTo(IntStream.range(0, 150).mapToObj(i -> String.format("Q%06d", i))
                .toList());
        all(submit(again, 150, 200, true));
        assertThat(again.awaitApplied(Duration.ofSeconds(10))).isTrue();
        assertThat(store.storedQns()).hasSize(200).doesNotHaveDuplicates();
    }

    @Test
    void aSecondJournalOnTheSameDirectoryIsRefused() {
        FakeStore store = new FakeStore();
        open(store, config());
        assertThatThrownBy(() -> open(store, config())).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("in use");
    }

    @Test
    void codecRoundTripsEveryField() {
        PacketWrite w = new PacketWrite(new RawPacket(new byte[] {0, 1, (byte) 0xff}, null, T0, "import:cnemc",
                null, "2061", null, null, false), List.of(
                new ObservationRow("站点1", "a34004", Interval.HOUR, Statistic.CONVERTED_MAX, T0, Double.NaN, null,
                        false, "RANGE;FLAG_M"),
                new ObservationRow("S2", "w01018", Interval.DAY, Statistic.COU, T0.plusNanos(123), -0.0, "D")));
        PacketWrite back = RecordCodec.decode(ByteBuffer.wrap(RecordCodec.encode(w)), null);
        assertThat(back.packet()).usingRecursiveComparison().isEqualTo(w.packet());
        assertThat(back.observations()).isEqualTo(w.observations());
        assertThat(RecordCodec.decode(ByteBuffer.wrap(RecordCodec.encode(w)), "k").packet().dedupKey())
                .isEqualTo("k");
    }

    @Test
    void codecCarriesTheRetroactiveQcFlagsOfAPacket() {
        PacketWrite plain = new PacketWrite(new RawPacket(new byte[] {1}, "p", T0, "hj212", "MN", "2061", "q", "k",
                true), List.of(new ObservationRow("S1", "a34004", Interval.HOUR, Statistic.VALUE, T0, 6, "N", false,
                "CONSTANT")));
        assertThat(RecordCodec.encode(plain)[0]).isEqualTo(RecordCodec.PAYLOAD_VERSION); // unchanged without flags
        PacketWrite w = new PacketWrite(plain.packet(), plain.observations(), List.of(
                QcFlag.of("S1", "a34004", Interval.HOUR, T0.minusSeconds(11 * 3600), T0, "CONSTANT", 12, 6.0)));
        PacketWrite back = RecordCodec.decode(ByteBuffer.wrap(RecordCodec.encode(w)), null);
        assertThat(back.qcFlags()).isEqualTo(w.qcFlags());
        assertThat(back.observations()).isEqualTo(w.observations());
    }

    private static void flipByte(Path file, long offset) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            ch.read(one, offset);
            one.flip();
            byte v = one.get(0);
            ch.write(ByteBuffer.wrap(new byte[] {(byte) (v ^ 0x10)}), offset);
        }
    }

    @SuppressWarnings("unused")
    private static void ignore(ExecutionException e) {
    }
}
