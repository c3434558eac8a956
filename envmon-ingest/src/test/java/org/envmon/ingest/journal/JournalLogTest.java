package org.envmon.ingest.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.envmon.ingest.IngestMessages;
import org.envmon.ingest.log.IngestConsumer;
import org.envmon.ingest.log.IngestLog;
import org.envmon.ingest.log.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal as an ingest log: consumers by name, their positions across a restart, a follower's bound. */
class JournalLogTest {
    @TempDir
    Path dir;

    JournalLog open() {
        return new JournalLog(JournalConfig.defaults(dir).withSegmentBytes(64L << 20, false),
                new SimpleMeterRegistry());
    }

    static void append(JournalLog log, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            log.append(IngestMessages.of(JournalFixture.packet(i, true))).toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        }
    }

    static List<String> qns(List<LogRecord> records) {
        return records.stream().map(r -> r.message().qn()).toList();
    }

    @Test
    void consumersResumeAfterTheirOwnCommittedPositionAcrossARestart() throws Exception {
        try (JournalLog log = open()) {
            IngestConsumer store = log.subscribe(IngestLog.STORE, null);
            IngestConsumer alerts = log.subscribe("alerts", IngestLog.STORE);
            append(log, 0, 10);
            assertThat(log.endPosition()).isEqualTo(10);
            assertThat(alerts.poll(100, Duration.ofMillis(50))).isEmpty(); // nothing in the store yet
            List<LogRecord> stored = store.poll(6, Duration.ofSeconds(5));
            assertThat(qns(stored)).containsExactly("Q000000", "Q000001", "Q000002", "Q000003", "Q000004",
                    "Q000005");
            store.commit(6);
            assertThat(qns(alerts.poll(100, Duration.ofSeconds(5)))).hasSize(6).last().isEqualTo("Q000005");
            alerts.commit(3); // processed only half of it before the stop
        }
        assertThat(dir.resolve(JournalDirectory.checkpointFile("alerts"))).exists();
        try (JournalLog log = open()) {
            IngestConsumer store = log.subscribe(IngestLog.STORE, null);
            IngestConsumer alerts = log.subscribe("alerts", IngestLog.STORE);
            IngestConsumer fresh = log.subscribe("report", null);
            assertThat(store.committed()).isEqualTo(6);
            assertThat(alerts.committed()).isEqualTo(3);
            assertThat(fresh.committed()).isEqualTo(6); // no position of its own yet: starts at the store writer's
            assertThat(qns(store.poll(100, Duration.ofSeconds(5)))).containsExactly("Q000006", "Q000007", "Q000008",
                    "Q000009");
            assertThat(qns(alerts.poll(100, Duration.ofSeconds(5)))).containsExactly("Q000003", "Q000004",
                    "Q000005"); // delivered again: at least once
            append(log, 10, 12);
            assertThat(qns(fresh.poll(100, Duration.ofSeconds(5)))).hasSize(6).first().isEqualTo("Q000006");
            assertThat(log.consumers()).containsExactlyInAnyOrder(IngestLog.STORE, "alerts", "report");
        }
        assertThat(Files.exists(dir.resolve(JournalDirectory.LOCK_FILE))).isTrue();
    }
}
