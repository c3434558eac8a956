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
import org.envmon.ingest.StoredBatches;
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

/** The journal in front of the store: answers after the force, applies in order, retries, bounds. */
class JournalingSinkTest extends JournalFixture {
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
        assertThat(store.storedQns()).isEqualTo(qns(0, 200));
        assertThat(registry.get("envmon.ingest.journal.lag.records").gauge().value()).isZero();
    }

    @Test
    void appliesInOrderAndListenersHearAfterTheStoreCommit() throws Exception {
        FakeStore store = new FakeStore();
        JournalingSink sink = open(store, config());
        List<Integer> heardAfterCommit = new CopyOnWriteArrayList<>();
        // A consumer following the store writer hears of records only once the store holds them.
        StoredBatches.follow(sink.log(), "listener",
                batch -> heardAfterCommit.add(store.size() >= batch.size() ? batch.size() : -1), registry);
        all(submit(sink, 0, 500, true));
        all(submit(sink, 0, 10, true)); // redeliveries: journaled, stored once
        assertThat(sink.awaitApplied(Duration.ofSeconds(10))).isTrue();
        assertThat(sink.log().awaitCaughtUp("listener", Duration.ofSeconds(10))).isTrue();
        assertThat(store.size()).isEqualTo(500);
        assertThat(heardAfterCommit).doesNotContain(-1);
        assertThat(heardAfterCommit.stream().mapToInt(Integer::intValue).sum()).isEqualTo(500);
        assertThat(store.stored.get(0).observations()).isEqualTo(packet(0, true).observations());
        assertThat(store.stored.get(499).packet().bytes()).isEqualTo(packet(499, true).packet().bytes());
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
        assertThat(store.storedQns()).isEqualTo(qns(0, 300));
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
        int oneRecord = SegmentFile.RECORD_HEADER_BYTES + RecordCodec.encode(IngestMessages.of(packet(0, true))).length;
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
    void aSecondJournalOnTheSameDirectoryIsRefused() {
        FakeStore store = new FakeStore();
        open(store, config());
        assertThatThrownBy(() -> open(store, config())).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("in use");
    }
}
