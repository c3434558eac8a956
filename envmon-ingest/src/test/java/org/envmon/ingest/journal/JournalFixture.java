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
import java.util.stream.IntStream;
import java.util.stream.Stream;
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
import org.junit.jupiter.api.io.TempDir;

/** What the journal tests share: packets, a journal over a fake store, and file helpers. */
abstract class JournalFixture {
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

    /** The QN of test packet {@code i}. */
    static String qn(int i) {
        return String.format("Q%06d", i);
    }

    /** The QNs of the packets {@code from} (inclusive) to {@code to} (exclusive), in order. */
    static List<String> qns(int from, int to) {
        return IntStream.range(from, to).mapToObj(JournalFixture::qn).toList();
    }

    static PacketWrite packet(int i, boolean keyed) {
        String qn = qn(i);
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

    /** A journal applying to {@code store}; closed after the test unless closed before. */
    JournalingSink open(FakeStore store, JournalConfig config) {
        registry = new SimpleMeterRegistry();
        JournalingSink sink = new JournalingSink(config, store, registry);
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

    static void flipByte(Path file, long offset) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            ch.read(one, offset);
            one.flip();
            byte v = one.get(0);
            ch.write(ByteBuffer.wrap(new byte[] {(byte) (v ^ 0x10)}), offset);
        }
    }

}
