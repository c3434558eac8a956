package org.envmon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.envmon.model.Interval;
import org.envmon.model.ObservationRow;
import org.envmon.model.PacketWrite;
import org.envmon.model.RawPacket;
import org.envmon.model.Statistic;
import org.envmon.model.StoreException;
import org.envmon.model.WriteOutcome;
import org.junit.jupiter.api.Test;

/** The in-memory ingest log with its store writer: answers after the store commit, consumers after the store. */
class GroupCommitWriterTest {
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    static PacketWrite packet(int i) {
        String qn = String.format("Q%06d", i);
        byte[] raw = ("##QN=" + qn + ";CN=2011;MN=M1").getBytes(StandardCharsets.US_ASCII);
        return new PacketWrite(new RawPacket(raw, "peer", T0, "hj212", "M1", "2011", qn, "M1|2011|" + qn, true),
                List.of(new ObservationRow("S1", "a34004", Interval.REALTIME, Statistic.VALUE, T0.plusSeconds(i), i,
                        "N")));
    }

    @Test
    void submitsCompleteWithTheStoreOutcomeAndFollowersHearEachStoredPacketOnce() throws Exception {
        FakeStore store = new FakeStore();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<String> heard = new CopyOnWriteArrayList<>();
        try (GroupCommitWriter writer = new GroupCommitWriter(store, 1_000, 100, registry)) {
            StoredBatches.follow(writer.log(), "alerts",
                    batch -> batch.forEach(w -> heard.add(store.size() > 0 ? w.packet().qn() : "before the store")),
                    registry);
            List<CompletableFuture<WriteOutcome>> fs = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                fs.add(writer.submit(packet(i)));
            }
            for (CompletableFuture<WriteOutcome> f : fs) {
                assertThat(f.get(10, TimeUnit.SECONDS).status()).isEqualTo(WriteOutcome.Status.STORED);
            }
            assertThat(writer.submit(packet(7)).get(10, TimeUnit.SECONDS).status())
                    .isEqualTo(WriteOutcome.Status.DUPLICATE);
            assertThat(writer.awaitStored(Duration.ofSeconds(10))).isTrue();
            assertThat(writer.log().awaitCaughtUp("alerts", Duration.ofSeconds(10))).isTrue();
        }
        assertThat(store.storedQns()).hasSize(300);
        assertThat(heard).hasSize(300).doesNotHaveDuplicates().doesNotContain("before the store");
        assertThat(registry.get("envmon.ingest.packets").tag("outcome", "duplicate").counter().count()).isEqualTo(1);
    }

    @Test
    void aFailedStoreCommitFailsItsBatchAndItsFollowersNeverSeeIt() throws Exception {
        FakeStore store = new FakeStore();
        store.failNext.set(1);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<String> heard = new CopyOnWriteArrayList<>();
        try (GroupCommitWriter writer = new GroupCommitWriter(store, 1_000, 1_000, registry)) {
            StoredBatches.follow(writer.log(), "live", batch -> batch.forEach(w -> heard.add(w.packet().qn())),
                    registry);
            List<CompletableFuture<WriteOutcome>> first = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                first.add(writer.submit(packet(i)));
            }
            int failed = 0;
            for (CompletableFuture<WriteOutcome> f : first) {
                try {
                    f.get(10, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(StoreException.class);
                    failed++;
                }
            }
            assertThat(failed).isPositive(); // the stations resend these
            assertThat(writer.submit(packet(10)).get(10, TimeUnit.SECONDS).status())
                    .isEqualTo(WriteOutcome.Status.STORED);
            assertThat(writer.log().awaitCaughtUp("live", Duration.ofSeconds(10))).isTrue();
        }
        assertThat(heard).isEqualTo(store.storedQns());
        assertThat(registry.get("envmon.ingest.commits.failed").counter().count()).isEqualTo(1);
    }
}
