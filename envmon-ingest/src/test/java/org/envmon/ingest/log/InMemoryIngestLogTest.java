package org.envmon.ingest.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.envmon.ingest.IngestRejectedException;
import org.envmon.model.Interval;
import org.envmon.model.Statistic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InMemoryIngestLogTest {
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    final InMemoryIngestLog log = new InMemoryIngestLog(8, new SimpleMeterRegistry());

    static IngestMessage message(String mn, int qn) {
        return new IngestMessage(mn, "2011", "Q" + qn, mn + "|2011|Q" + qn, "hj212", "peer", T0, new byte[] {1},
                true, List.of(new Reading("S-" + mn, "a34004", Interval.REALTIME, Statistic.VALUE,
                T0.plusSeconds(qn), qn, "N", true, null)), List.of());
    }

    @AfterEach
    void close() {
        log.close();
    }

    static List<Long> positions(List<LogRecord> records) {
        return records.stream().map(LogRecord::position).toList();
    }

    @Test
    void anAppendCompletesOnlyWhenTheStoreWriterCommitsIt() throws Exception {
        IngestConsumer store = log.subscribe(IngestLog.STORE, null);
        CompletableFuture<Long> first = log.append(message("M1", 1)).toCompletableFuture();
        CompletableFuture<Long> second = log.append(message("M1", 2)).toCompletableFuture();
        List<LogRecord> batch = store.poll(10, Duration.ofSeconds(5));
        assertThat(positions(batch)).containsExactly(1L, 2L);
        assertThat(batch.get(0).message().key()).isEqualTo("M1");
        assertThat(batch.get(0).message().dataTime()).isEqualTo(T0.plusSeconds(1));
        assertThat(first).isNotDone();
        store.commit(1);
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1L);
        assertThat(second).isNotDone();
        store.commit(2);
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(2L);
        assertThat(log.awaitCaughtUp(IngestLog.STORE, Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void aFollowerSeesOnlyWhatTheStoreWriterCommittedAndNeverWhatItGaveUp() throws Exception {
        IngestConsumer store = log.subscribe(IngestLog.STORE, null);
        IngestConsumer alerts = log.subscribe("alerts", IngestLog.STORE);
        List<CompletableFuture<Long>> appends = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            appends.add(log.append(message("M" + (i % 2), i)).toCompletableFuture());
        }
        assertThat(alerts.poll(10, Duration.ofMillis(50))).isEmpty();
        assertThat(positions(store.poll(2, Duration.ofSeconds(5)))).containsExactly(1L, 2L);
        store.abandon(2, new IllegalStateException("store down"));
        assertThatThrownBy(() -> appends.get(0).get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(
                IllegalStateException.class);
        assertThat(positions(store.poll(10, Duration.ofSeconds(5)))).containsExactly(3L, 4L);
        store.commit(4);
        assertThat(appends.get(3).get(5, TimeUnit.SECONDS)).isEqualTo(4L);
        assertThat(positions(alerts.poll(10, Duration.ofSeconds(5)))).containsExactly(3L, 4L);
        alerts.commit(4);
        assertThat(log.committed("alerts")).isEqualTo(4);
        assertThat(log.consumers()).containsExactlyInAnyOrder(IngestLog.STORE, "alerts");
    }

    @Test
    void aFullLogRefusesAndRoomComesBackAsEveryConsumerCommits() throws Exception {
        IngestConsumer store = log.subscribe(IngestLog.STORE, null);
        IngestConsumer alerts = log.subscribe("alerts", IngestLog.STORE);
        for (int i = 1; i <= 8; i++) {
            log.append(message("M1", i));
        }
        assertThatThrownBy(() -> log.append(message("M1", 9)).toCompletableFuture().get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IngestRejectedException.class);
        store.poll(8, Duration.ofSeconds(5));
        store.commit(8);
        // The slowest consumer holds the room: the alert consumer has not committed yet.
        assertThat(log.append(message("M1", 9)).toCompletableFuture()).isCompletedExceptionally();
        alerts.poll(8, Duration.ofSeconds(5));
        alerts.commit(8);
        assertThat(log.append(message("M1", 9)).toCompletableFuture()).isNotDone();
    }

    @Test
    void closingFailsWhatIsNotInTheStoreAndRefusesMore() {
        log.subscribe(IngestLog.STORE, null);
        CompletableFuture<Long> pending = log.append(message("M1", 1)).toCompletableFuture();
        log.close();
        assertThat(pending).isCompletedExceptionally();
        assertThat(log.append(message("M1", 2)).toCompletableFuture()).isCompletedExceptionally();
    }

    @Test
    void recentKeysPassAMessageOnceAndMessagesWithoutAKeyAlways() {
        RecentKeys keys = new RecentKeys(2);
        assertThat(keys.firstTime("M1|2011|Q1")).isTrue();
        assertThat(keys.firstTime("M1|2011|Q1")).isFalse();
        assertThat(keys.firstTime(null)).isTrue();
        assertThat(keys.firstTime(null)).isTrue();
        keys.firstTime("M1|2011|Q2");
        keys.firstTime("M1|2011|Q3");
        assertThat(keys.firstTime("M1|2011|Q1")).isTrue(); // beyond the window: the store still recognises it
    }
}
